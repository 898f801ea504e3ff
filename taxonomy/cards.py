"""A list of cards (fiches, events) that reads the database only when its markup must be made.

Every listing, the home page, tag, theme and structure pages and the search show cards. Their
markup depends only on what `key` names: the content version the ids were chosen at, the ids, and
whatever else a kind of card shows (an event's seats and registration dates). The template
`includes/card_list.html` keeps that markup in Django's fragment cache (`{% wagtailcache %}`, the
`template_fragments` alias: this process's memory) under `key`; on a hit the cards are neither
loaded nor rendered, so a warm listing pays no query and no rendering for its cards.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from typing import Any


class Cards(Sequence):
    """The cards of `pks`, loaded by `load(pks)` (in that order) on first use, never before."""

    def __init__(
        self, kind: str, pks: Iterable[int], load: Callable[[list[int]], list[Any]], *key_parts: Any
    ):
        self.kind = kind
        self.pks = list(pks)
        self.load = load
        parts = "\n".join(str(part) for part in (kind, self.pks, *key_parts))
        self.key = hashlib.sha256(parts.encode()).hexdigest()

    @cached_property
    def items(self) -> list[Any]:
        return self.load(self.pks) if self.pks else []

    def __getitem__(self, index: Any) -> Any:
        if not isinstance(index, int | slice):  # templates try `cards["key"]` before `cards.key`
            raise TypeError(index)
        return self.items[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)

    def __len__(self) -> int:
        """The number of ids, without loading: the ids come from the catalogue of live pages."""
        return len(self.pks)

    def __bool__(self) -> bool:
        return bool(self.pks)

    def __repr__(self) -> str:
        return f"<Cards {self.kind} {self.pks}>"


def split(cards: Cards, *groups: Sequence[int]) -> list[Cards]:
    """Cards of `groups` of ids (upcoming, past) sharing one load of all of `cards`: one query."""

    def pick(ids: list[int]) -> list[Any]:
        found = {card.pk: card for card in cards.items}
        return [found[pk] for pk in ids if pk in found]

    return [Cards(cards.kind, ids, pick, cards.key) for ids in groups]
