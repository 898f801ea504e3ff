"""Site search: fiches, events and structures for a query, with facets across both page types.

The search backend finds matching fiches and events (relevance-ranked, at most
MAX_MATCHES of each); facets and filters then work on those ids with ordinary SQL, so the
number of queries stays the same whatever the number of results. An empty query browses
everything with the same facets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.listing import live_events
from events.listing import with_card_data as event_card_data
from events.models import EventPage
from fiches.listing import live_fiches
from fiches.listing import with_card_data as fiche_card_data
from fiches.models import FichePage
from members.models import Structure
from taxonomy.facets import (
    ActiveFilter,
    Facet,
    FacetOption,
    FacetResult,
    RelatedFacet,
    YearFacet,
    clean_param,
    querystring,
)
from taxonomy.models import Theme, Typology

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


def fold(text: str) -> str:
    """Lower-case without accents, for comparisons the database cannot do portably."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class TagSlugFacet(RelatedFacet):
    """Tags addressed by slug on /recherche/ (the listings use the tag name, RNMA-style)."""

    def __init__(self, param: str, label: Any, *, relation: str) -> None:
        from taggit.models import Tag

        super().__init__(param, label, relation=relation, model=Tag, sort=("name",), by_count=True, limit=25)

    def counts(self, queryset: QuerySet) -> list[tuple[str, str, int]]:
        key, label = f"{self.relation}__slug", f"{self.relation}__name"
        from django.db.models import Count

        rows = (
            queryset.order_by()
            .filter(**{f"{key}__isnull": False})
            .values(key, label)
            .annotate(n=Count("pk"))
            .order_by("-n", label)
        )
        return [(row[key], row[label], row["n"]) for row in rows]


@dataclass
class CrossFacet:
    """One query-string parameter applied to fiches and events, each through its own field."""

    param: str
    label: Any
    fiche: Facet | None
    event: Facet | None

    def resolve(self, raw: str) -> tuple[Any, str] | None:
        for facet in (self.fiche, self.event):
            if facet is not None:
                return facet.resolve(raw)
        return None

    def unknown_message(self, raw: str) -> str:
        facet = self.fiche or self.event
        return facet.unknown_message(raw) if facet else raw


def cross_facets() -> list[CrossFacet]:
    return [
        CrossFacet(
            "theme",
            gettext_lazy("Thème"),
            RelatedFacet(
                "theme", gettext_lazy("Thème"), relation="themes", model=Theme, sort=("order", "name")
            ),
            RelatedFacet(
                "theme", gettext_lazy("Thème"), relation="themes", model=Theme, sort=("order", "name")
            ),
        ),
        CrossFacet(
            "typologie",
            gettext_lazy("Typologie"),
            RelatedFacet(
                "typologie",
                gettext_lazy("Typologie"),
                relation="typology",
                model=Typology,
                sort=("order", "name"),
            ),
            RelatedFacet(
                "typologie",
                gettext_lazy("Typologie"),
                relation="typology",
                model=Typology,
                sort=("order", "name"),
            ),
        ),
        CrossFacet(
            "structure",
            gettext_lazy("Structure"),
            RelatedFacet("structure", gettext_lazy("Structure"), relation="structure", model=Structure),
            RelatedFacet("structure", gettext_lazy("Structure"), relation="organisers", model=Structure),
        ),
        CrossFacet(
            "tag",
            gettext_lazy("Mot-clé"),
            TagSlugFacet("tag", gettext_lazy("Mot-clé"), relation="tagged_items__tag"),
            TagSlugFacet("tag", gettext_lazy("Mot-clé"), relation="tagged_items__tag"),
        ),
        CrossFacet(
            "annee",
            gettext_lazy("Année"),
            YearFacet("annee", gettext_lazy("Année"), field_name="first_published_at"),
            YearFacet("annee", gettext_lazy("Année"), field_name="start"),
        ),
    ]


def search_terms(query: str) -> str:
    """Words only: quotes, operators and punctuation never reach the search backend's parser."""
    return " ".join(re.findall(r"\w+", query))


def matching_ids(queryset: QuerySet, query: str) -> list[tuple[int, float]]:
    """(pk, score) of the best matches: all the words first, any of them if that finds nothing."""
    query = search_terms(query)
    if not query:
        return []
    for operator in ("and", "or"):
        results = (
            queryset.only("pk")  # ids and scores only: the cards are loaded for one page later
            .search(query, operator=operator, order_by_relevance=True)
            .annotate_score("_score")
        )
        found = [(page.pk, float(page._score or 0)) for page in results[:MAX_MATCHES]]
        if found or " " not in query:
            return found
    return []


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
        self.facets = cross_facets()
        for facet in self.facets:
            raw = clean_param(self.query_dict.get(facet.param))
            if not raw:
                continue
            resolved = facet.resolve(raw)
            if resolved is None:
                self.notices.append(facet.unknown_message(raw))
                continue
            self.selected[facet.param] = resolved
            self.params[facet.param] = raw
        self._matches()

    # -- matching ---------------------------------------------------------------------------

    def _matches(self) -> None:
        fiches = live_fiches()
        events = live_events()
        if self.query:
            self.fiche_scores = dict(matching_ids(fiches, self.query))
            self.event_scores = dict(matching_ids(events, self.query))
            self.fiche_base = FichePage.objects.filter(pk__in=list(self.fiche_scores))
            self.event_base = EventPage.objects.filter(pk__in=list(self.event_scores))
        else:
            self.fiche_scores, self.event_scores = {}, {}
            self.fiche_base, self.event_base = fiches, events

    def filtered(self, kind: str, exclude: str | None = None) -> QuerySet:
        queryset = self.fiche_base if kind == FICHE else self.event_base
        for facet in self.facets:
            if facet.param in self.selected and facet.param != exclude:
                model_facet = facet.fiche if kind == FICHE else facet.event
                queryset = model_facet.apply(queryset, self.selected[facet.param][0])
        return queryset

    def kinds(self, exclude_type: bool = False) -> list[str]:
        if self.type and not exclude_type:
            return [self.type]
        return [FICHE, EVENT]

    # -- facets -----------------------------------------------------------------------------

    def facet_results(self) -> list[FacetResult]:
        results = [self._type_facet()]
        for facet in self.facets:
            merged: dict[str, list[Any]] = {}
            for kind in self.kinds():
                model_facet = facet.fiche if kind == FICHE else facet.event
                for value, label, count in model_facet.counts(self.filtered(kind, exclude=facet.param)):
                    entry = merged.setdefault(str(value), [label, 0])
                    entry[1] += count
            current = self.params.get(facet.param)
            ordered = sorted(merged.items(), key=lambda item: self._facet_order(facet.param, item))
            options = [
                FacetOption(
                    value=value,
                    label=str(label),
                    count=count,
                    selected=value == current,
                    url=querystring(self.params, **{facet.param: None if value == current else value}),
                )
                for value, (label, count) in ordered
            ]
            if facet.param == "tag" and len(options) > 25:
                options = options[:25] + [o for o in options[25:] if o.selected]
            results.append(FacetResult(param=facet.param, label=facet.label, options=options))
        return results

    @staticmethod
    def _facet_order(param: str, item: tuple[str, list[Any]]) -> Any:
        value, (label, count) = item
        if param == "annee":
            return (-int(value),)
        if param == "tag":
            return (-count, fold(str(label)))
        return (fold(str(label)),) if param == "structure" else (0,)

    def _type_facet(self) -> FacetResult:
        options = []
        for kind in (FICHE, EVENT):
            count = self.filtered(kind).count()
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

    def ranked(self) -> list[tuple[str, int]]:
        """(kind, pk) of every result, in display order (relevance or date, newest first)."""
        rows: list[tuple[tuple[float, float], str, int]] = []
        for kind in self.kinds():
            date_field = "first_published_at" if kind == FICHE else "start"
            scores = self.fiche_scores if kind == FICHE else self.event_scores
            for pk, date in self.filtered(kind).values_list("pk", date_field):
                stamp = date.timestamp() if date else 0.0
                key = (scores.get(pk, 0.0), stamp) if self.sort == "pertinence" else (stamp, 0.0)
                rows.append((key, kind, pk))
        rows.sort(key=lambda row: row[0], reverse=True)
        return [(kind, pk) for _key, kind, pk in rows]

    def structures(self) -> list[Structure]:
        """Member structures whose name or acronym contains the query (accents ignored)."""
        if not self.query:
            return []
        needle = fold(self.query)
        return [s for s in Structure.objects.order_by("name") if needle in fold(f"{s.name} {s.acronym}")]


def load_cards(ids: list[tuple[str, int]]) -> list[tuple[str, Any]]:
    """Fetch one page of results with what their cards show, in a constant number of queries."""
    fiche_ids = [pk for kind, pk in ids if kind == FICHE]
    event_ids = [pk for kind, pk in ids if kind == EVENT]
    fiches = (
        {p.pk: p for p in fiche_card_data(FichePage.objects.filter(pk__in=fiche_ids))} if fiche_ids else {}
    )
    events = (
        {p.pk: p for p in event_card_data(EventPage.objects.filter(pk__in=event_ids))} if event_ids else {}
    )
    cards = []
    for kind, pk in ids:
        page = (fiches if kind == FICHE else events).get(pk)
        if page is not None:
            cards.append((kind, page))
    return cards
