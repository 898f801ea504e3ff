"""An in-memory facet index of the live content, shared by the listings, search and browse pages.

Counting facets in SQL costs a grouped join over every live page for each facet, tens of
milliseconds each at 10,000 fiches, and the listings show five facets. Instead the catalogue
holds, per declared kind of page (taxonomy/kinds.py), the ids of the live public pages in
display order and, for every facet value (theme, typology, structure, tag, year, format, parent
page…), a bitmask of the positions carrying it (taxonomy/masks.py). Filtering is `&`, counting
is `int.bit_count()`, and only the page of results shown is read from the database.

Freshness: each copy is built at a content version (site_kazasso.content_version, the one
module that says what changes public content; one indexed query per request reads it). Building
takes up to a second at 10,000 fiches, so no reader should pay it: after each commit that
changed the content, the process that made the change builds the new catalogue once (after the
response, in a request; once at the end of `one_build()` for a bulk writer) and puts it in the
shared cache alias `KAZASSO_CATALOGUE_CACHE_ALIAS` (Redis, or a table of the database), keyed by
the version; every other process loads it from there (a few milliseconds) instead of
rebuilding. The cache away or empty, a process builds its own copy: slower, never an error.
As a safety net a copy is also rebuilt when older than `CATALOGUE_MAX_AGE` seconds.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import pickle
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

import numpy as np
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.db import DatabaseCache
from django.db import transaction
from wagtail.models import Page

from site_kazasso import content_version
from site_kazasso.text import fold
from taxonomy import kinds
from taxonomy.masks import MaskSequence, TitleWords, positions_mask

logger = logging.getLogger("site_kazasso.cache")

STEPLEN = Page.steplen  # characters per level of Wagtail's tree path (treebeard)
UNVERSIONED = "initial"  # no version row yet (a flushed test database): never shared
# Bumped when the pickled layout of Catalogue or KindIndex changes: old shared copies are ignored.
LAYOUT = 4


@dataclass
class KindIndex:
    """One kind's live public pages: ids in display order and a mask per facet value."""

    pks: list[int]
    dates: list[dt.datetime | None]
    titles: list[str]
    facets: dict[str, dict[Any, int]]
    columns: dict[str, list[Any]] = field(default_factory=dict)
    position: dict[int, int] = field(init=False)
    pk_array: np.ndarray = field(init=False)
    lookup: np.ndarray = field(init=False)
    all: int = field(init=False)
    orders: dict[str, np.ndarray] = field(init=False, default_factory=dict)  # sorted_by(), per copy

    def __post_init__(self) -> None:
        self.position = {pk: i for i, pk in enumerate(self.pks)}
        self.pk_array = np.array(self.pks, dtype=np.int64)
        # lookup[pk]: the position of page pk, -1 when the index does not hold it (for numpy)
        self.lookup = np.full(max(self.pks, default=-1) + 1, -1, dtype=np.int64)
        self.lookup[self.pk_array] = np.arange(len(self.pks))
        self.all = (1 << len(self.pks)) - 1

    @cached_property
    def title_words(self) -> TitleWords:
        """The words of the titles, for suggestions as the reader types (built with the catalogue)."""
        return TitleWords(self.titles)

    def mask_of_flags(self, flags: np.ndarray) -> int:
        """The mask of the positions set in a boolean array."""
        return int.from_bytes(np.packbits(flags, bitorder="little").tobytes(), "little")

    def flags_of_mask(self, mask: int) -> np.ndarray:
        """A boolean array of the positions set in a mask."""
        size = len(self.pks)
        raw = np.frombuffer(mask.to_bytes((size + 7) // 8, "little"), dtype=np.uint8)
        return np.unpackbits(raw, bitorder="little", count=size).astype(bool)

    def mask_of_pks(self, pks: Iterable[int]) -> int:
        """The mask of the positions of these page ids; ids the index does not hold are ignored."""
        ids = np.fromiter(pks, dtype=np.int64)
        ids = ids[(ids >= 0) & (ids < len(self.lookup))]
        at = self.lookup[ids]
        flags = np.zeros(len(self.pks), dtype=bool)
        flags[at[at >= 0]] = True
        return self.mask_of_flags(flags)

    def sorted_by(self, name: str, key: Callable[[int], Any]) -> np.ndarray:
        """Every position ordered by `key(position)`, display order among equals: sorted once per
        copy of the catalogue, then each request only picks its positions out of it.
        """
        order = self.orders.get(name)
        if order is None:
            order = np.array(sorted(range(len(self.pks)), key=key), dtype=np.int64)
            self.orders[name] = order
        return order

    def ordered_by(self, mask: int, order: np.ndarray) -> list[int]:
        """The page ids of a mask in the order of `order` (positions, from sorted_by())."""
        flags = self.flags_of_mask(mask)
        return self.pk_array[order[flags[order]]].tolist()

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

    def at_least(self, column: str, bound: Any) -> int:
        """Mask of the pages whose `column` value is at least `bound` (events ending from now on)."""
        values = self.columns[column]
        return positions_mask((i for i, value in enumerate(values) if value >= bound), len(self.pks))

    def ordered(self, mask: int, reverse: bool = False) -> MaskSequence:
        return MaskSequence(self.pks, mask, reverse)


class TagRef(NamedTuple):
    name: str
    slug: str


@dataclass
class Catalogue:
    token: str
    built_at: float  # time.time() of the build, in whichever process made it
    kinds: dict[str, KindIndex]
    themes: dict[int, Any]
    typologies: dict[int, Any]
    structures: dict[int, Any]
    tags: dict[int, TagRef]
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

    def __getattr__(self, name: str) -> KindIndex:
        """Each declared kind reads as an attribute too: `catalogue().fiches`."""
        found = self.__dict__.get("kinds", {}).get(name)
        if found is None:
            raise AttributeError(name)
        return found

    def index(self, kind: str) -> KindIndex:
        return self.kinds[kind]

    def objects(self, dimension: str) -> dict[int, Any]:
        return {"theme": self.themes, "typology": self.typologies, "structure": self.structures}[dimension]

    def attach_reference_data(self, *pages: Any) -> None:
        """Give pages their structure and typology from the catalogue instead of a join or a
        query; a value the catalogue does not hold is left to Django (read when used)."""
        for page in pages:
            for field_name, objects in (("structure", self.structures), ("typology", self.typologies)):
                found = objects.get(getattr(page, f"{field_name}_id", None))
                if found is not None:
                    setattr(page, field_name, found)

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


def group(pairs: Iterable[tuple[int, Any]], position: dict[int, int], size: int) -> dict[Any, int]:
    """{value: mask} from (page id, value) pairs; pairs of pages outside the index are ignored."""
    grouped: dict[Any, list[int]] = {}
    for pk, value in pairs:
        at = position.get(pk)
        if at is not None and value is not None:
            grouped.setdefault(value, []).append(at)
    return {value: positions_mask(positions, size) for value, positions in grouped.items()}


def index_kind(kind: kinds.ContentKind) -> KindIndex:
    """One query for the pages' rows, one per link table: the same queries whatever the content."""
    rows = list(kind.pages().values(*kind.row_fields()))
    index = KindIndex(
        pks=[row["pk"] for row in rows],
        dates=[row[kind.date] for row in rows],
        titles=[row[kind.title] for row in rows],
        facets={},
        columns={column: [row[column] for row in rows] for column in kind.columns},
    )
    size, position = len(rows), index.position
    index.facets["parent"] = group(((row["pk"], row["path"][:-STEPLEN]) for row in rows), position, size)
    for dimension in kind.dimensions:
        index.facets[dimension.name] = group(dimension.pairs(kind, rows), position, size)
    return index


def build(token: str) -> Catalogue:
    """Read the live public content and the reference lists into a new catalogue (fixed queries)."""
    from taggit.models import Tag

    from members.models import Structure
    from taxonomy.models import Theme, Typology

    return Catalogue(
        token=token,
        built_at=time.time(),
        kinds={kind.name: index_kind(kind) for kind in kinds.registered()},
        themes={t.pk: t for t in Theme.objects.order_by("order", "name")},
        typologies={t.pk: t for t in Typology.objects.order_by("order", "name")},
        structures={s.pk: s for s in Structure.objects.order_by("name")},
        tags={pk: TagRef(name, slug) for pk, name, slug in Tag.objects.values_list("pk", "name", "slug")},
    )


# The shared copy ----------------------------------------------------------------------------------


def shared_cache() -> BaseCache:
    return caches[getattr(settings, "KAZASSO_CATALOGUE_CACHE_ALIAS", "default")]


def shared_key(token: str) -> str:
    """The token and what the declarations read: a copy built by other code is never loaded."""
    layout = "\n".join([str(LAYOUT), *(kind.signature() for kind in kinds.registered())])
    return f"catalogue:{token}:{hashlib.sha256(layout.encode()).hexdigest()[:16]}"


@contextmanager
def degrading(action: str) -> Iterator[None]:
    """A failing shared cache (Redis away, table missing, stale pickle) only costs a local build.

    A cache in the database gets its own savepoint: its error must not abort the request's
    transaction on PostgreSQL.
    """
    cache = shared_cache()
    try:
        with transaction.atomic() if isinstance(cache, DatabaseCache) else nullcontext():
            yield
    except Exception:  # any backend, any failure: the catalogue is rebuilt locally instead
        logger.warning("Catalogue partagé indisponible (%s) : reconstruit localement.", action, exc_info=True)


def load_shared(token: str) -> Catalogue | None:
    found = None
    with degrading("lecture"):
        packed = shared_cache().get(shared_key(token))
        found = pickle.loads(zlib.decompress(packed)) if packed is not None else None  # noqa: S301
    return found if isinstance(found, Catalogue) and found.token == token else None


def save_shared(built: Catalogue) -> None:
    """Stored compressed (a fifth of the size): a table or Redis returns it faster."""
    if built.token == UNVERSIONED:
        return
    with degrading("écriture"):
        packed = zlib.compress(pickle.dumps(built, pickle.HIGHEST_PROTOCOL), 1)
        shared_cache().set(
            shared_key(built.token), packed, timeout=getattr(settings, "CATALOGUE_MAX_AGE", 300)
        )


# Version token and the per-process copy ------------------------------------------------------------

_lock = threading.Lock()
_current: Catalogue | None = None

# The one-build window of bulk writers (`one_build`): changes seen, build deferred to its end.
_bulk = threading.local()


def forget_local_copy() -> None:
    """Drop this process's copy, as a newly started worker has none (tests)."""
    global _current
    _current = None
    _bulk.deferring = _bulk.changed = False


@contextmanager
def one_build() -> Iterator[None]:
    """For bulk writers (one transaction per batch): the new version is built once, at the end."""
    if getattr(_bulk, "deferring", False):
        yield
        return
    _bulk.deferring, _bulk.changed = True, False
    try:
        yield
    finally:
        changed = _bulk.changed
        _bulk.deferring, _bulk.changed = False, False
    if changed:
        transaction.on_commit(refresh, robust=True)


def on_content_change(version: str) -> None:
    """After a commit that changed public content (content_version.on_change): build and share."""
    if getattr(_bulk, "deferring", False):
        _bulk.changed = True
        return
    refresh()


def current_token() -> str:
    """The content version the copy must have been built at (site_kazasso.content_version)."""
    return content_version.current()


def fresh(candidate: Catalogue | None, token: str) -> bool:
    max_age = getattr(settings, "CATALOGUE_MAX_AGE", 300)
    return candidate is not None and candidate.token == token and time.time() - candidate.built_at < max_age


def build_and_share(token: str) -> Catalogue:
    built = build(token)
    for index in built.kinds.values():  # what the first suggestion would build, kept in the copy
        index.title_words  # noqa: B018
    save_shared(built)
    return built


def refresh() -> None:
    """Build the current version once, here, and share it, so that no reader waits for a build.

    Once a version is built, the next calls (several commits of one transaction, bulk writers)
    cost a token query each.
    """
    global _current
    token = current_token()
    with _lock:
        if not fresh(_current, token):
            _current = build_and_share(token)


def catalogue() -> Catalogue:
    """The catalogue of the current content: this process's copy, else the shared one, else a build."""
    global _current
    token = current_token()
    current = _current
    if not fresh(current, token):
        with _lock:
            current = _current
            if not fresh(current, token):
                current = load_shared(token)
                if not fresh(current, token):
                    current = build_and_share(token)
                _current = current
    return current
