"""Site search: fiches, events and structures for a query, with facets across both page types.

On PostgreSQL the word-level index (search/postings.py) gives every matching fiche and event
with its score in two queries; elsewhere (SQLite) Wagtail's search gives the best MAX_MATCHES
of each. Matches and scores then live in the positions of the in-memory catalogue
(taxonomy/catalogue.py), where facets, filters and both orders work, so the number of queries
stays the same whatever the number of results, and only the page shown is read from the
database. An empty query browses everything with the same facets.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import numpy as np
from django.conf import settings
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.listing import EVENTS, event_cards
from events.models import EventPage
from fiches.listing import FICHES, fiche_cards
from fiches.models import FichePage
from search import postings
from site_kazasso.text import fold
from taxonomy.catalogue import Catalogue, KindIndex, catalogue
from taxonomy.facets import (
    ActiveFilter,
    Facet,
    FacetOption,
    FacetResult,
    RelatedFacet,
    TagFacet,
    YearFacet,
    clean_param,
    querystring,
    read_filters,
)

MAX_MATCHES = 500
PER_PAGE = 12
FICHE, EVENT = "fiche", "evenement"
TYPES = {FICHE: gettext_lazy("Fiche"), EVENT: gettext_lazy("Événement")}
SORTS = ("pertinence", "date")


def max_query_length() -> int:
    return getattr(settings, "SEARCH_MAX_QUERY_LENGTH", 200)


def normalise_query(raw: str | None) -> tuple[str, bool]:
    """Drop control characters (NUL included), collapse spaces, cut to the documented length."""
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in (raw or ""))
    text = " ".join(text.split())
    limit = max_query_length()
    return text[:limit].strip(), len(text) > limit


def site_facets() -> list[Facet]:
    """The facets of /recherche/, each applying to fiches and events alike (tags by slug here)."""
    return [
        RelatedFacet("theme", gettext_lazy("Thème"), dimension="theme"),
        RelatedFacet("typologie", gettext_lazy("Typologie"), dimension="typology"),
        RelatedFacet("structure", gettext_lazy("Structure"), dimension="structure"),
        TagFacet("tag", gettext_lazy("Mot-clé"), by="slug", limit=25),
        YearFacet("annee", gettext_lazy("Année")),
    ]


def search_terms(query: str) -> str:
    """Words only: quotes, operators and punctuation never reach the search backend's parser."""
    return " ".join(re.findall(r"\w+", query))


def matching_ids(queryset: QuerySet, query: str) -> list[tuple[int, float]]:
    """(pk, score) of the best matches: all the words first, any of them if that finds nothing.

    Unpublished pages may be among them; the catalogue, which holds only live public pages,
    drops them.
    """
    query = search_terms(query)
    if not query:
        return []
    for operator in ("and", "or"):
        results = (
            queryset.only("pk")  # ids and scores only: the cards are loaded for one page later
            .search(query, operator=operator, order_by_relevance=True)
            .annotate_score("_score")
        )
        found = id_score_pairs(results[:MAX_MATCHES])
        if found or " " not in query:
            return found
    return []


def id_score_pairs(results: Any) -> list[tuple[int, float]]:
    """(pk, score) of search results, as plain values when the backend builds a SQL queryset.

    Building a page instance per match (hundreds for a common word) costs more than the
    search itself; the database backends let us read the two columns instead.
    """
    get_queryset = getattr(results, "get_queryset", None)
    if get_queryset is not None:
        return [(pk, float(score or 0)) for pk, score in get_queryset().values_list("pk", "_score")]
    return [(page.pk, float(page._score or 0)) for page in results]


class Ranked(Sequence):
    """(kind, pk) of every result in display order, produced lazily page by page for Paginator."""

    def __init__(self, streams: list[Iterator[tuple[Any, str, int]]], length: int) -> None:
        self._merged = heapq.merge(*streams)
        self._length = length
        self._seen: list[tuple[str, int]] = []

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, item: Any) -> Any:
        stop = item.stop if isinstance(item, slice) else item + 1
        if stop is None or stop > len(self._seen):
            missing = (self._length if stop is None else stop) - len(self._seen)
            self._seen += [(kind, pk) for _key, kind, pk in islice(self._merged, max(missing, 0))]
        return self._seen[item]


@dataclass
class SiteSearch:
    query_dict: QueryDict
    notices: list[str] = field(default_factory=list)
    params: dict[str, str] = field(default_factory=dict)
    selected: dict[str, tuple[Any, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.query, truncated = normalise_query(self.query_dict.get("q"))
        if truncated:
            self.notices.append(
                _("Votre recherche a été raccourcie à %(n)s caractères.") % {"n": max_query_length()}
            )
        if self.query:
            self.params["q"] = self.query
        raw_sort = clean_param(self.query_dict.get("tri"))
        self.sort = raw_sort if raw_sort in SORTS else ("pertinence" if self.query else "date")
        if raw_sort and raw_sort not in SORTS:
            self.notices.append(_("Tri inconnu « %(value)s » : tri par défaut.") % {"value": raw_sort})
        elif raw_sort:
            self.params["tri"] = raw_sort
        raw_type = clean_param(self.query_dict.get("type"))
        self.type = raw_type if raw_type in TYPES else ""
        if raw_type and not self.type:
            self.notices.append(
                _("Type inconnu « %(value)s » : fiches et événements sont affichés.") % {"value": raw_type}
            )
        elif self.type:
            self.params["type"] = self.type
        self.cat: Catalogue = catalogue()
        self.facets = site_facets()
        read_filters(self.facets, self.query_dict, self.cat, self)
        self._matches()

    # -- matching ---------------------------------------------------------------------------

    def _matches(self) -> None:
        """The base mask of each page type: the matches of the query, or everything.

        `self.scores[kind]`: the score of each position of the page type's catalogue index.
        """
        self.scores: dict[str, np.ndarray] = {}
        self.base: dict[str, int] = {}
        models = {FICHE: FichePage, EVENT: EventPage}
        if not self.query:
            self.base = {kind: self.index(kind).all for kind in models}
            return
        per_word: dict[str, list[tuple[float, postings.Pages]]] = {}
        if postings.available():
            lists = postings.word_lists(search_terms(self.query), models.values())
            weights = lists.weights(len(self.cat.fiches.pks) + len(self.cat.events.pks))
            for kind, model in models.items():  # a word no page of this type holds: no pages
                per_word[kind] = [(weights[word], lists.pages(model, word)) for word in lists.words]
            several = len(lists.words) > 1
        else:  # Wagtail's search ranks the whole query: one list, all the words or any
            for kind, model in models.items():
                pairs = matching_ids(model.objects.all(), self.query)
                ids = np.array([pk for pk, _score in pairs], dtype=np.int64)
                per_word[kind] = [(1.0, (ids, np.array([score for _pk, score in pairs], dtype=float)))]
            several = False
        for every in (True, False):
            found = {}
            for kind in models:
                index = self.index(kind)
                found[kind], self.scores[kind] = postings.combine(
                    per_word[kind], index.lookup, len(index.pks), every
                )
            if not several or any(flags.any() for flags in found.values()):
                break  # otherwise the words are never all together: any of them
        self.base = {kind: self.index(kind).mask_of_flags(flags) for kind, flags in found.items()}

    def index(self, kind: str) -> KindIndex:
        return self.cat.index(FICHES if kind == FICHE else EVENTS)

    def filtered(self, kind: str, exclude: str | None = None) -> int:
        mask, index = self.base[kind], self.index(kind)
        for facet in self.facets:
            if facet.param in self.selected and facet.param != exclude:
                mask &= index.mask(facet.dimension, self.selected[facet.param][0])
        return mask

    def kinds(self, exclude_type: bool = False) -> list[str]:
        if self.type and not exclude_type:
            return [self.type]
        return [FICHE, EVENT]

    # -- facets -----------------------------------------------------------------------------

    def facet_results(self) -> list[FacetResult]:
        results = [self._type_facet()]
        for facet in self.facets:
            counts: dict[Any, int] = {}
            for kind in self.kinds():
                for key, n in (
                    self.index(kind).counts(facet.dimension, self.filtered(kind, facet.param)).items()
                ):
                    counts[key] = counts.get(key, 0) + n
            results.append(facet.result(self.cat, counts, self.params))
        return results

    def _type_facet(self) -> FacetResult:
        options = []
        for kind in (FICHE, EVENT):
            count = self.filtered(kind).bit_count()
            if count or self.type == kind:
                selected = self.type == kind
                options.append(
                    FacetOption(
                        value=kind,
                        label=str(TYPES[kind]),
                        count=count,
                        selected=selected,
                        url=querystring(self.params, type=None if selected else kind),
                    )
                )
        return FacetResult(param="type", label=_("Type"), options=options)

    def active_filters(self) -> list[ActiveFilter]:
        active = []
        if self.type:
            active.append(
                ActiveFilter("type", _("Type"), str(TYPES[self.type]), querystring(self.params, type=None))
            )
        for facet in self.facets:
            if facet.param in self.selected:
                active.append(
                    ActiveFilter(
                        facet.param,
                        str(facet.label),
                        self.selected[facet.param][1],
                        querystring(self.params, **{facet.param: None}),
                    )
                )
        return active

    # -- results ----------------------------------------------------------------------------

    def ranked(self) -> Ranked:
        """(kind, pk) of every result, in display order: relevance, or date (newest first)."""
        streams, length = [], 0
        for kind in self.kinds():
            index, mask = self.index(kind), self.filtered(kind)
            length += mask.bit_count()
            streams.append(self._stream(kind, index, mask))
        return Ranked(streams, length)

    def _stream(self, kind: str, index: KindIndex, mask: int) -> Iterator[tuple[Any, str, int]]:
        """(sort key, kind, pk), ascending keys: heapq.merge interleaves the page types."""
        if self.sort == "pertinence" and self.query:
            return best_first(index, self.scores[kind], kind, mask)
        dates, position = index.dates, index.position

        def stamp(pk: int) -> float:
            moment = dates[position[pk]]
            return moment.timestamp() if moment else 0.0

        # Newest first: fiches are indexed newest first, events soonest first (read them backwards).
        return (((-stamp(pk), 0.0), kind, pk) for pk in index.ordered(mask, reverse=kind == EVENT))

    def structures(self) -> list[Any]:
        """Member structures whose name or acronym contains the query (accents ignored)."""
        if not self.query:
            return []
        needle = fold(self.query)
        return [s for s in self.cat.structures.values() if needle in fold(f"{s.name} {s.acronym}")]


def best_first(index: KindIndex, scores: np.ndarray, kind: str, mask: int) -> Iterator[tuple[Any, str, int]]:
    """(sort key, kind, pk) of the pages in `mask`, best score first, newest first among equal
    scores (higher ids are newer), sorted by numpy in one go.
    """
    shown = np.flatnonzero(index.flags_of_mask(mask))
    pks, scores = index.pk_array[shown], scores[shown]
    order = np.lexsort((-pks, -scores))
    for start in range(0, len(order), PER_PAGE * 4):  # to Python objects a few pages at a time
        chunk = order[start : start + PER_PAGE * 4]
        for score, pk in zip(scores[chunk].tolist(), pks[chunk].tolist(), strict=True):
            yield (-score, -pk), kind, pk


def load_cards(ids: list[tuple[str, int]]) -> list[tuple[str, Any]]:
    """Fetch one page of results with what their cards show, in a constant number of queries."""
    fiches = {p.pk: p for p in fiche_cards([pk for kind, pk in ids if kind == FICHE])}
    events = {p.pk: p for p in event_cards([pk for kind, pk in ids if kind == EVENT])}
    cards = []
    for kind, pk in ids:
        page = (fiches if kind == FICHE else events).get(pk)
        if page is not None:
            cards.append((kind, page))
    return cards
