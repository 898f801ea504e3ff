"""Bitmask helpers of the catalogue: a set of positions is a plain Python int.

Filtering is `&`, counting is `int.bit_count()`, and a page of results is read off a mask in
order. No Django here: these are the data structures the catalogue (taxonomy/catalogue.py) holds.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np

from site_kazasso.text import fold


def positions_mask(positions: Iterable[int], size: int) -> int:
    """The bitmask with the given positions set, built in one pass."""
    buffer = bytearray((size >> 3) + 1)
    for i in positions:
        buffer[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buffer, "little")


class MaskSequence(Sequence):
    """The page ids of a mask, in index order (or reversed), sliceable like a list for Paginator."""

    def __init__(self, pks: list[int], mask: int, reverse: bool = False) -> None:
        self.pks = pks
        self.mask = mask
        self.reverse = reverse
        self.length = mask.bit_count()
        self.bits: str | None = None

    def __len__(self) -> int:
        return self.length

    def bitstring(self) -> str:
        """Character j is position j (or, reversed, the j-th from the end) of the mask."""
        if self.bits is None:
            bits = format(self.mask, "b")  # most significant first: character j is position len-1-j
            self.bits = bits if self.reverse else bits[::-1]
        return self.bits

    def __iter__(self) -> Iterator[int]:
        bits, pks = self.bitstring(), self.pks
        last, cursor = len(bits) - 1, bits.find("1")
        while cursor != -1:
            yield pks[last - cursor if self.reverse else cursor]
            cursor = bits.find("1", cursor + 1)

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, int):
            index = item + self.length if item < 0 else item
            if not 0 <= index < self.length:
                raise IndexError(item)
            return self[index : index + 1][0]
        start, stop, _step = item.indices(self.length)
        bits = self.bitstring()
        last = len(bits) - 1
        found, cursor = [], -1
        for n in range(stop):
            cursor = bits.find("1", cursor + 1)
            if n >= start:
                found.append(self.pks[last - cursor if self.reverse else cursor])
        return found


class TitleWords:
    """Every word of every title (lower case, accents folded): the titles holding the words typed
    so far, the last one as a prefix, are a few binary searches away.

    Kept compact for the shared copy of the catalogue, which every worker loads after a change:
    each distinct word once, sorted (`words`), and for word i the titles holding it at
    `positions[offsets[i]:offsets[i + 1]]` (`first`: as their first word), in numpy arrays.
    """

    def __init__(self, titles: list[str]) -> None:
        entries = sorted(
            (word, at, n == 0) for at, title in enumerate(titles) for n, word in enumerate(words_of(title))
        )
        self.words: list[str] = []
        offsets = []
        for n, (word, _at, _first) in enumerate(entries):
            if not self.words or self.words[-1] != word:
                self.words.append(word)
                offsets.append(n)
        offsets.append(len(entries))
        self.offsets = np.array(offsets, dtype=np.int64)
        self.positions = np.array([at for _word, at, _first in entries], dtype=np.int64)
        self.first = np.array([first for _word, _at, first in entries], dtype=bool)
        self.lengths = np.array([len(title) for title in titles], dtype=np.int64)

    def best(self, typed: str, limit: int) -> list[tuple[tuple[bool, int, int], int]]:
        """((rank key), position) of at most `limit` titles holding every word typed, the last
        one as a prefix: titles starting with it first, then the shortest, then index order.
        """
        terms = words_of(typed)
        if not terms:
            return []
        found: np.ndarray | None = None
        starts = np.zeros(len(self.lengths), dtype=bool)
        for n, term in enumerate(terms):
            low = bisect.bisect_left(self.words, term)
            last = n == len(terms) - 1
            high = (
                bisect.bisect_left(self.words, term + "\U0010ffff")
                if last
                else bisect.bisect_right(self.words, term)
            )
            begin, stop = self.offsets[low], self.offsets[high]
            holding = self.positions[begin:stop]
            if n == 0:
                starts[holding[self.first[begin:stop]]] = True
            found = (
                np.unique(holding) if found is None else np.intersect1d(found, holding, assume_unique=False)
            )
            if not len(found):
                return []
        order = np.lexsort((found, self.lengths[found], ~starts[found]))[:limit]
        return [((not starts[at], int(self.lengths[at]), int(at)), int(at)) for at in found[order].tolist()]


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))
