"""Site search: fiches, events and structures for a query, with facets across both page types.

Wagtail's search backend (WAGTAILSEARCH_BACKENDS) gives the ids of every live public fiche and
event matching the query, best first, in one search over both page types. Matches and ranks
then live in the positions of the in-memory catalogue (taxonomy/catalogue.py), where one
`FacetedListing` per page type filters and counts, so the number of queries stays the same
whatever the number of results, and only the page shown is read from the database. An empty
query browses everything with the same facets.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import numpy as np
from django.core.paginator import Page as PaginatorPage
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from events.listing import EVENTS, event_cards
from events.models import EventPage
from fiches.listing import FICHES, fiche_cards
from fiches.models import FichePage
from site_kazasso.keywords import MAX_MATCHES, best_matches, max_query_length, normalise_query
from site_kazasso.text import fold
from taxonomy.cards import Cards
from taxonomy.catalogue import Catalogue, KindIndex, catalogue
from taxonomy.facets import (
    ActiveFilter,
    Facet,
    FacetedListing,
    FacetOption,
    FacetResult,
    RelatedFacet,
    TagFacet,
    YearFacet,
    clean_param,
    querystring,
)

PER_PAGE = 12
FICHE, EVENT = "fiche", "evenement"
TYPES = {FICHE: gettext_lazy("Fiche"), EVENT: gettext_lazy("Événement")}
SORTS = ("pertinence", "date")


def site_facets() -> list[Facet]:
    """The facets of /recherche/, each applying to fiches and events alike (tags by slug here)."""
    return [
        RelatedFacet("theme", gettext_lazy("Thème"), dimension="theme"),
        RelatedFacet("typologie", gettext_lazy("Typologie"), dimension="typology"),
        RelatedFacet("structure", gettext_lazy("Structure"), dimension="structure"),
        TagFacet("tag", gettext_lazy("Mot-clé"), by="slug", limit=25),
        YearFacet("annee", gettext_lazy("Année")),
    ]


def matching_pages(query: str) -> tuple[list[int], bool]:
    """Ids of the best live public fiches and events for the query, best first, and whether
    more pages match (site_kazasso.keywords: the rule the listings' keyword box shares).
    """
    return best_matches(Page.objects.live().public().type(FichePage, EventPage), query, MAX_MATCHES)


def ranks_in(index: KindIndex, best_first_ids: np.ndarray) -> tuple[int, np.ndarray]:
    """(mask, ranks) of a page type's search results: the mask of its pages among them, and for
    each position of its catalogue index a rank that is higher for a better result.
    """
    at = np.full(len(best_first_ids), -1, dtype=np.int64)
    inside = best_first_ids < len(index.lookup)
    at[inside] = index.lookup[best_first_ids[inside]]
    kept = at >= 0
    flags = np.zeros(len(index.pks), dtype=bool)
    flags[at[kept]] = True
    ranks = np.zeros(len(index.pks))
    ranks[at[kept]] = np.arange(len(best_first_ids), 0, -1)[kept]
    return index.mask_of_flags(flags), ranks


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
    """The query string of /recherche/ applied to fiches and events: one `FacetedListing` per
    page type reads the filters, filters and counts; this class adds the query, the type
    facet, the two orders and the sum of the counts over both types.
    """

    query_dict: QueryDict
    notices: list[str] = field(default_factory=list)
    params: dict[str, str] = field(default_factory=dict)

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
        bases = self.matches()
        self.listings = {
            kind: FacetedListing(
                facets=self.facets,
                index=self.index(kind),
                cat=self.cat,
                base=bases[kind],
                query=self.query_dict,
                per_page=PER_PAGE,
                keep=dict(self.params),
                # Both read the same filters: the reader sees each notice once.
                notices=self.notices if kind == FICHE else [],
                params=self.params if kind == FICHE else {},
            )
            for kind in (FICHE, EVENT)
        }

    # -- matching ---------------------------------------------------------------------------

    def matches(self) -> dict[str, int]:
        """The base mask of each page type: the matches of the query, or everything.

        `self.ranks[kind]`: the rank of each position of the page type's catalogue index.
        """
        if not self.query:
            return {kind: self.index(kind).all for kind in (FICHE, EVENT)}
        found, more = matching_pages(self.query)
        if more:
            self.notices.append(
                _(
                    "Plus de %(n)s pages correspondent à votre recherche : voici les %(n)s plus "
                    "pertinentes. Ajoutez un mot ou un filtre pour la préciser."
                )
                % {"n": MAX_MATCHES}
            )
        ids = np.array(found, dtype=np.int64)
        self.ranks: dict[str, np.ndarray] = {}
        bases = {}
        for kind in (FICHE, EVENT):
            bases[kind], self.ranks[kind] = ranks_in(self.index(kind), ids)
        return bases

    def index(self, kind: str) -> KindIndex:
        return self.cat.index(FICHES if kind == FICHE else EVENTS)

    def filtered(self, kind: str) -> int:
        return self.listings[kind].filtered()

    def kinds(self) -> list[str]:
        return [self.type] if self.type else [FICHE, EVENT]

    # -- facets -----------------------------------------------------------------------------

    def facet_results(self) -> list[FacetResult]:
        results = [self.type_facet()]
        for facet in self.facets:
            counts: Counter = Counter()
            for kind in self.kinds():
                counts.update(self.listings[kind].counts(facet))
            results.append(facet.result(self.cat, dict(counts), self.params))
        return results

    def type_facet(self) -> FacetResult:
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
        return active + self.listings[FICHE].active_filters()

    # -- results ----------------------------------------------------------------------------

    def ranked(self) -> Ranked:
        """(kind, pk) of every result, in display order: relevance, or date (newest first)."""
        streams, length = [], 0
        for kind in self.kinds():
            index, mask = self.index(kind), self.filtered(kind)
            length += mask.bit_count()
            streams.append(self.stream(kind, index, mask))
        return Ranked(streams, length)

    def paginate(self) -> tuple[PaginatorPage, list[dict[str, Any]]]:
        """The page of results asked for, and the links to the others (as on every listing)."""
        return self.listings[FICHE].paginate(self.ranked())

    def page_url(self, number: int) -> str:
        return self.listings[FICHE].page_url(number)

    def stream(self, kind: str, index: KindIndex, mask: int) -> Iterator[tuple[Any, str, int]]:
        """(sort key, kind, pk), ascending keys: heapq.merge interleaves the page types."""
        if self.sort == "pertinence" and self.query:
            return best_first(index, self.ranks[kind], kind, mask)
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
    """(sort key, kind, pk) of the pages in `mask`, best rank first (newest first among equal
    ranks: higher ids are newer), sorted by numpy in one go.
    """
    shown = np.flatnonzero(index.flags_of_mask(mask))
    pks, scores = index.pk_array[shown], scores[shown]
    order = np.lexsort((-pks, -scores))
    for start in range(0, len(order), PER_PAGE * 4):  # to Python objects a few pages at a time
        chunk = order[start : start + PER_PAGE * 4]
        for score, pk in zip(scores[chunk].tolist(), pks[chunk].tolist(), strict=True):
            yield (-score, -pk), kind, pk


def load_cards(ids: list[tuple[str, int]], request: HttpRequest | None = None) -> Cards:
    """One page of results as cards, in order (taxonomy/cards.py): kept under the keys of its
    fiches and of its events, loaded in a constant number of queries on a miss."""
    fiches = fiche_cards([pk for kind, pk in ids if kind == FICHE])
    events = event_cards([pk for kind, pk in ids if kind == EVENT], request)

    def load(_ids: list[int]) -> list[Any]:
        loaded = {FICHE: {p.pk: p for p in fiches}, EVENT: {p.pk: p for p in events}}
        return [loaded[kind][pk] for kind, pk in ids if pk in loaded[kind]]

    return Cards("results", [pk for _kind, pk in ids], load, ids, fiches.key, events.key)
