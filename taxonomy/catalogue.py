"""An in-memory facet index of the live content, shared by the listings, search and browse pages.

Counting facets in SQL costs a grouped join over every live page for each facet, tens of
milliseconds each at 10,000 fiches, and the listings show five facets. Instead, each process
keeps, per page type, the ids of the live public pages in display order and, for every facet
value (theme, typology, structure, tag, year, format, parent page), a bitmask of the positions
carrying it: a plain Python int. Filtering is `&`, counting is `int.bit_count()`, a page of
results is read off the mask in order, and the number of queries no longer depends on the
amount of content.

Freshness: each index is built at a content version (site_kazasso.content_version, which says
what changes public content; one indexed query per request reads it), and every process
rebuilds its index on the first use after the version changed (a few hundred milliseconds at
10,000 fiches). As a safety net an index is also rebuilt when older than `CATALOGUE_MAX_AGE`
seconds.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
from django.conf import settings
from django.utils import timezone

from site_kazasso import content_version
from site_kazasso.text import fold

STEPLEN = 4  # Wagtail's tree path: four characters per level
FICHES, EVENTS = "fiches", "events"


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
        self._length = mask.bit_count()
        self._bits: str | None = None

    def __len__(self) -> int:
        return self._length

    def _bitstring(self) -> str:
        if self._bits is None:
            bits = format(self.mask, "b")  # most significant first: character j is position len-1-j
            self._bits = bits if self.reverse else bits[::-1]
        return self._bits

    def __iter__(self) -> Iterator[int]:
        bits, pks = self._bitstring(), self.pks
        last, cursor = len(bits) - 1, bits.find("1")
        while cursor != -1:
            yield pks[last - cursor if self.reverse else cursor]
            cursor = bits.find("1", cursor + 1)

    def __getitem__(self, item: Any) -> Any:
        if isinstance(item, int):
            index = item + self._length if item < 0 else item
            if not 0 <= index < self._length:
                raise IndexError(item)
            return self[index : index + 1][0]
        start, stop, _step = item.indices(self._length)
        bits = self._bitstring()
        last = len(bits) - 1
        found, cursor = [], -1
        for n in range(stop):
            cursor = bits.find("1", cursor + 1)
            if n >= start:
                found.append(self.pks[last - cursor if self.reverse else cursor])
        return found


@dataclass
class KindIndex:
    """One page type's live public pages: ids in display order and a mask per facet value."""

    pks: list[int]
    dates: list[dt.datetime | None]
    facets: dict[str, dict[Any, int]]
    ends: list[dt.datetime] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    position: dict[int, int] = field(init=False)
    pk_array: np.ndarray = field(init=False)
    lookup: np.ndarray = field(init=False)
    all: int = field(init=False)

    def __post_init__(self) -> None:
        self.position = {pk: i for i, pk in enumerate(self.pks)}
        self.pk_array = np.array(self.pks, dtype=np.int64)
        # lookup[pk]: the position of page pk, -1 when the index does not hold it (for numpy)
        self.lookup = np.full(max(self.pks, default=-1) + 1, -1, dtype=np.int64)
        self.lookup[self.pk_array] = np.arange(len(self.pks))
        self.all = (1 << len(self.pks)) - 1

    @cached_property
    def title_words(self) -> TitleWords:
        """The words of the titles, for suggestions as the reader types (built on first use)."""
        return TitleWords(self.titles)

    def mask_of_flags(self, flags: np.ndarray) -> int:
        """The mask of the positions set in a boolean array."""
        return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")

    def flags_of_mask(self, mask: int) -> np.ndarray:
        """A boolean array of the positions set in a mask."""
        size = len(self.pks)
        raw = np.frombuffer(mask.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
        return np.unpackbits(raw, bitorder="little", count=size).astype(bool)

    def mask(self, dimension: str, key: Any) -> int:
        return self.facets.get(dimension, {}).get(key, 0)

    def counts(self, dimension: str, mask: int) -> dict[Any, int]:
        """{value: number of pages in `mask` carrying it}, for the values present."""
        counts = {}
        for key, value_mask in self.facets.get(dimension, {}).items():
            n = (value_mask & mask).bit_count()
            if n:
                counts[key] = n
        return counts

    def ending_from(self, moment: dt.datetime) -> int:
        """Mask of the events not over at `moment` (end at or after it)."""
        return positions_mask((i for i, end in enumerate(self.ends) if end >= moment), len(self.pks))

    def ordered(self, mask: int, reverse: bool = False) -> MaskSequence:
        return MaskSequence(self.pks, mask, reverse)


class TitleWords:
    """Every word of every title (lower case, accents folded), sorted: the titles holding the
    words typed so far, the last one as a prefix, are a few binary searches away.
    """

    def __init__(self, titles: list[str]) -> None:
        entries = sorted(
            (word, at, n == 0) for at, title in enumerate(titles) for n, word in enumerate(words_of(title))
        )
        self.words = [word for word, _at, _first in entries]
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
            holding = self.positions[low:high]
            if n == 0:
                starts[holding[self.first[low:high]]] = True
            found = (
                np.unique(holding) if found is None else np.intersect1d(found, holding, assume_unique=False)
            )
            if not len(found):
                return []
        order = np.lexsort((found, self.lengths[found], ~starts[found]))[:limit]
        return [((not starts[at], int(self.lengths[at]), int(at)), int(at)) for at in found[order].tolist()]


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


@dataclass
class Catalogue:
    token: str
    built_at: float
    fiches: KindIndex
    events: KindIndex
    themes: dict[int, Any]
    typologies: dict[int, Any]
    structures: dict[int, Any]
    tags: dict[int, tuple[str, str]]  # id -> (name, slug)
    by_slug: dict[str, dict[str, int]] = field(init=False)
    tag_names: dict[str, int] = field(init=False)
    tag_names_folded: dict[str, int] = field(init=False)
    tag_sort_keys: dict[int, tuple[str, str]] = field(init=False)  # alphabetical, accents ignored

    def __post_init__(self) -> None:
        self.by_slug = {
            "theme": {t.slug: pk for pk, t in self.themes.items()},
            "typology": {t.slug: pk for pk, t in self.typologies.items()},
            "structure": {s.slug: pk for pk, s in self.structures.items()},
            "tag": {slug: pk for pk, (_name, slug) in self.tags.items() if slug},
        }
        self.tag_names = {name: pk for pk, (name, _slug) in self.tags.items()}
        self.tag_sort_keys = {pk: (fold(name), name) for pk, (name, _slug) in self.tags.items()}
        self.tag_names_folded = {}
        for pk, (name, _slug) in sorted(self.tags.items()):
            self.tag_names_folded.setdefault(fold(name), pk)

    def index(self, kind: str) -> KindIndex:
        return self.fiches if kind == FICHES else self.events

    def objects(self, dimension: str) -> dict[int, Any]:
        return {"theme": self.themes, "typology": self.typologies, "structure": self.structures}[dimension]

    def carried(self, kind: str, dimension: str, pks: Iterable[int]) -> dict[int, list[Any]]:
        """{pk: [theme, …]} the values of `dimension` a few pages carry (a card's themes, an event's
        organisers), in the reference list's order, read from the masks instead of the database.
        """
        index = self.index(kind)
        masks = index.facets.get(dimension, {})
        positions = {pk: index.position[pk] for pk in pks if pk in index.position}
        found: dict[int, list[Any]] = {pk: [] for pk in positions}
        for key, obj in self.objects(dimension).items():
            mask = masks.get(key, 0)
            if mask:
                for pk, at in positions.items():
                    if mask >> at & 1:
                        found[pk].append(obj)
        return found


def _local_year(moment: dt.datetime | None) -> int | None:
    return timezone.localtime(moment).year if moment else None


def _group(rows: Iterable[tuple[int, Any]], position: dict[int, int], size: int) -> dict[Any, int]:
    """{value: mask} from (page id, value) rows; rows of pages outside the index are ignored."""
    grouped: dict[Any, list[int]] = {}
    for pk, value in rows:
        i = position.get(pk)
        if i is not None and value is not None:
            grouped.setdefault(value, []).append(i)
    return {value: positions_mask(positions, size) for value, positions in grouped.items()}


def _kind_index(
    rows: list[tuple], relations: dict[str, Iterable[tuple[int, Any]]], date_at: int, title_at: int
) -> KindIndex:
    """rows: (pk, path, date, structure_id, typology_id, *extra) in display order."""
    index = KindIndex(
        pks=[r[0] for r in rows],
        dates=[r[date_at] for r in rows],
        facets={},
        titles=[r[title_at] for r in rows],
    )
    size, position = len(rows), index.position
    index.facets["parent"] = _group(((r[0], r[1][:-STEPLEN]) for r in rows), position, size)
    index.facets["structure"] = _group(((r[0], r[3]) for r in rows), position, size)
    index.facets["typology"] = _group(((r[0], r[4]) for r in rows), position, size)
    index.facets["year"] = _group(((r[0], _local_year(r[date_at])) for r in rows), position, size)
    for dimension, pairs in relations.items():
        index.facets[dimension] = _group(pairs, position, size)
    return index


def build(token: str) -> Catalogue:
    """Read the live public content and the reference lists into a new catalogue (fixed queries)."""
    from taggit.models import Tag

    from events.listing import live_events
    from events.models import EventPage, EventTag
    from fiches.listing import live_fiches
    from fiches.models import FichePage, FicheTag
    from members.models import Structure
    from taxonomy.models import Theme, Typology

    fiche_rows = list(
        live_fiches().values_list("pk", "path", "first_published_at", "structure_id", "typology_id", "title")
    )
    fiches = _kind_index(
        fiche_rows,
        {
            "theme": FichePage.themes.through.objects.values_list("fichepage_id", "theme_id"),
            "tag": FicheTag.objects.values_list("content_object_id", "tag_id"),
        },
        date_at=2,
        title_at=5,
    )
    event_rows = list(
        live_events()
        .order_by("start", "pk")
        .values_list("pk", "path", "start", "structure_id", "typology_id", "end", "format", "title")
    )
    events = _kind_index(
        event_rows,
        {
            "theme": EventPage.themes.through.objects.values_list("eventpage_id", "theme_id"),
            "structure": EventPage.organisers.through.objects.values_list("eventpage_id", "structure_id"),
            "tag": EventTag.objects.values_list("content_object_id", "tag_id"),
            "format": ((r[0], r[6]) for r in event_rows),
        },
        date_at=2,
        title_at=7,
    )
    events.ends = [r[5] for r in event_rows]
    return Catalogue(
        token=token,
        built_at=time.monotonic(),
        fiches=fiches,
        events=events,
        themes={t.pk: t for t in Theme.objects.order_by("order", "name")},
        typologies={t.pk: t for t in Typology.objects.order_by("order", "name")},
        structures={s.pk: s for s in Structure.objects.order_by("name")},
        tags={pk: (name, slug) for pk, name, slug in Tag.objects.values_list("pk", "name", "slug")},
    )


# Version token and the per-process index -------------------------------------------------------

_lock = threading.Lock()
_current: Catalogue | None = None


def current_token() -> str:
    """The content version the index must have been built at (site_kazasso.content_version)."""
    return content_version.current()


def catalogue() -> Catalogue:
    """This process's index of the live content, rebuilt when the content changed."""
    global _current
    token = current_token()
    max_age = getattr(settings, "CATALOGUE_MAX_AGE", 300)

    def fresh(candidate: Catalogue | None) -> bool:
        return (
            candidate is not None
            and candidate.token == token
            and time.monotonic() - candidate.built_at < max_age
        )

    current = _current
    if not fresh(current):
        with _lock:
            current = _current
            if not fresh(current):
                current = _current = build(token)
    return current
