"""Query-string facets shared by the listings: parse, filter, count and link.

A listing declares its facets once; `FacetedListing` then validates the query string
(unknown values become French notices instead of errors), filters the in-memory catalogue
(taxonomy/catalogue.py), counts each facet's values over the other active filters (so every
option shows how many results choosing it would give) and builds the links that add or
remove a filter. Only the page of results shown is read from the database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify
from django.utils.translation import gettext as _

from site_kazasso.keywords import max_query_length, normalise_query, search_terms
from site_kazasso.text import fold
from taxonomy.catalogue import Catalogue, KindIndex, catalogue

MAX_PARAM_LENGTH = 200
KEYWORD, SORT = "q", "tri"


def clean_param(raw: str | None) -> str:
    """Strip NUL bytes (PostgreSQL refuses them), surrounding spaces and excess length."""
    if not raw:
        return ""
    return raw.replace("\x00", "").strip()[:MAX_PARAM_LENGTH]


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    url: str


@dataclass
class ActiveFilter:
    param: str
    facet_label: str
    label: str
    remove_url: str


# Past this many options a facet shows the rest under "Voir tout (N)" (includes/facets.html).
FACET_FOLD_AFTER = 8


@dataclass(frozen=True)
class Sort:
    """One order a listing offers (`?tri=`): `key(index)` gives the sort key of a position, or
    None for the index's own display order.
    """

    value: str
    label: str
    key: Callable[[KindIndex], Callable[[int], Any]] | None = None


@dataclass
class FacetResult:
    param: str
    label: str
    options: list[FacetOption]

    @property
    def shown(self) -> list[FacetOption]:
        """The options always visible; `folded` holds the others."""
        return self.options[:FACET_FOLD_AFTER]

    @property
    def folded(self) -> list[FacetOption]:
        return self.options[FACET_FOLD_AFTER:]

    @property
    def folded_selected(self) -> bool:
        """A chosen option among the folded ones keeps the fold open, so the reader sees it."""
        return any(option.selected for option in self.folded)


class Facet:
    """One query-string parameter that narrows a listing, over one dimension of the catalogue."""

    def __init__(self, param: str, label: str, *, dimension: str, limit: int | None = None) -> None:
        self.param = param
        self.label = label
        self.dimension = dimension
        self.limit = limit

    def resolve(self, raw: str, cat: Catalogue) -> tuple[Any, str] | None:
        """Return (catalogue key, human label) for a raw value, or None if it is unknown."""
        raise NotImplementedError

    def options(self, cat: Catalogue, counts: dict[Any, int]) -> list[tuple[str, str, int]]:
        """(url value, label, count) for every counted value, in display order."""
        raise NotImplementedError

    def result(self, cat: Catalogue, counts: dict[Any, int], params: dict[str, str]) -> FacetResult:
        """The facet as shown: its options with counts and the links that add or remove each."""
        current = params.get(self.param)
        shown = self.options(cat, counts)
        if self.limit is not None and len(shown) > self.limit:  # cut before building the links
            shown = shown[: self.limit] + [option for option in shown[self.limit :] if option[0] == current]
        options = [
            FacetOption(
                value=value,
                label=label,
                count=count,
                selected=value == current,
                url=querystring(params, **{self.param: None if value == current else value}),
            )
            for value, label, count in shown
        ]
        return FacetResult(param=self.param, label=self.label, options=options)

    def unknown_message(self, raw: str) -> str:
        return _("Le filtre « %(label)s » ne connaît pas la valeur « %(value)s » : il est ignoré.") % {
            "label": self.label,
            "value": raw,
        }


class RelatedFacet(Facet):
    """A reference list (theme, typology, structure) addressed by slug, in the list's own order."""

    def resolve(self, raw: str, cat: Catalogue) -> tuple[Any, str] | None:
        key = cat.by_slug[self.dimension].get(raw)
        return None if key is None else (key, cat.objects(self.dimension)[key].name)

    def options(self, cat: Catalogue, counts: dict[Any, int]) -> list[tuple[str, str, int]]:
        return [
            (obj.slug, obj.name, counts[pk])
            for pk, obj in cat.objects(self.dimension).items()
            if pk in counts
        ]


class TagFacet(Facet):
    """Tags, most used first; addressed by name (the RNMA `tagged_with` convention) or by slug."""

    def __init__(self, param: str, label: str, *, by: str = "name", limit: int | None = 30) -> None:
        super().__init__(param, label, dimension="tag", limit=limit)
        self.by = by

    def resolve(self, raw: str, cat: Catalogue) -> tuple[Any, str] | None:
        """By name: exact first, then the same name in other case or without accents (its slug)."""
        if self.by == "slug":
            key = cat.by_slug["tag"].get(raw)
        else:
            key = cat.tag_names.get(raw) or cat.tag_names_folded.get(fold(raw))
            if key is None and slugify(raw):
                key = cat.by_slug["tag"].get(slugify(raw))
        return None if key is None else (key, cat.tags[key].name)

    def options(self, cat: Catalogue, counts: dict[Any, int]) -> list[tuple[str, str, int]]:
        order = sorted(counts, key=lambda pk: (-counts[pk], cat.tag_sort_keys[pk]))
        return [(getattr(cat.tags[pk], self.by), cat.tags[pk].name, counts[pk]) for pk in order]


class ChoiceFacet(Facet):
    """A model field with fixed choices (event format…), in the choices' order."""

    def __init__(self, param: str, label: str, *, dimension: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__(param, label, dimension=dimension)
        self.choices = dict(choices)

    def resolve(self, raw: str, cat: Catalogue) -> tuple[Any, str] | None:
        return (raw, str(self.choices[raw])) if raw in self.choices else None

    def options(self, cat: Catalogue, counts: dict[Any, int]) -> list[tuple[str, str, int]]:
        return [(key, str(label), counts[key]) for key, label in self.choices.items() if counts.get(key)]


class YearFacet(Facet):
    """Year of publication (fiches) or of the start (events), in the site's time zone; newest first."""

    def __init__(self, param: str, label: str, *, dimension: str = "year") -> None:
        super().__init__(param, label, dimension=dimension)

    def resolve(self, raw: str, cat: Catalogue) -> tuple[Any, str] | None:
        if not (raw.isascii() and raw.isdigit() and len(raw) == 4):
            return None
        year = int(raw)
        return (year, raw) if 1900 <= year <= 2100 else None

    def unknown_message(self, raw: str) -> str:
        return _("« %(value)s » n'est pas une année valide (quatre chiffres attendus) : filtre ignoré.") % {
            "value": raw
        }

    def options(self, cat: Catalogue, counts: dict[Any, int]) -> list[tuple[str, str, int]]:
        return [(str(year), str(year), counts[year]) for year in sorted(counts, reverse=True)]


def querystring(params: Mapping[str, str], **changes: str | None) -> str:
    """Encode params with changes applied (None removes a key); the page number is always reset."""
    merged = {k: v for k, v in params.items() if k != "page"}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    encoded = urlencode(merged)
    return f"?{encoded}" if encoded else "?"


def read_filters(facets: Sequence[Facet], query: QueryDict, cat: Catalogue, into: Any) -> None:
    """Resolve each facet's parameter into `into.selected` and `into.params`.

    Unknown values become French notices in `into.notices` instead of errors.
    """
    for facet in facets:
        raw = clean_param(query.get(facet.param))
        if not raw:
            continue
        resolved = facet.resolve(raw, cat)
        if resolved is None:
            into.notices.append(facet.unknown_message(raw))
            continue
        into.selected[facet.param] = resolved
        into.params[facet.param] = raw


@dataclass
class FacetedListing:
    """The result of applying a query string to one page type of the catalogue with declared facets.

    `base` is the mask of the pages the listing shows before any filter (e.g. the live children
    of /ressources/, or the upcoming events); `reverse` reads the index backwards (past events).
    """

    facets: Sequence[Facet]
    index: KindIndex
    cat: Catalogue
    base: int
    query: QueryDict
    per_page: int = 12
    reverse: bool = False
    keep: dict[str, str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    selected: dict[str, tuple[Any, str]] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)
    sorts: Sequence[Sort] = ()  # the first is the default
    search: Callable[[str], tuple[list[int], bool]] | None = None  # `?q=`: (best ids, more match)
    keyword: str = ""
    sort: Sort | None = None

    def __post_init__(self) -> None:
        self.params.update(self.keep)  # non-facet parameters every link keeps (e.g. periode)
        if self.search is not None:
            self.read_keyword()
        read_filters(self.facets, self.query, self.cat, self)
        self.read_sort()

    def read_keyword(self) -> None:
        """Narrow `base` to the pages the search backend finds for `?q=` (every facet counts
        within them); a keyword without any word is ignored with a notice.
        """
        keyword, cut = normalise_query(self.query.get(KEYWORD))
        if cut:
            self.notices.append(
                _("Votre recherche a été raccourcie à %(n)s caractères.") % {"n": max_query_length()}
            )
        if not keyword:
            return
        if not search_terms(keyword):
            self.notices.append(
                _("« %(value)s » ne contient aucun mot : la recherche est ignorée.") % {"value": keyword}
            )
            return
        self.keyword = self.params[KEYWORD] = keyword
        found, more = self.search(keyword)
        if more:
            self.notices.append(
                _(
                    "Plus de %(n)s résultats correspondent à « %(value)s » : voici les %(n)s plus "
                    "pertinents. Ajoutez un mot ou un filtre pour préciser la recherche."
                )
                % {"n": len(found), "value": keyword}
            )
        self.base &= self.index.mask_of_pks(found)

    def read_sort(self) -> None:
        """`?tri=` among the declared orders; an unknown one gives the default with a notice."""
        if not self.sorts:
            return
        self.sort = self.sorts[0]
        raw = clean_param(self.query.get(SORT))
        if not raw:
            return
        chosen = next((sort for sort in self.sorts if sort.value == raw), None)
        if chosen is None:
            self.notices.append(
                _("Tri inconnu « %(value)s » : tri par défaut (%(default)s).")
                % {"value": raw, "default": self.sort.label}
            )
            return
        self.sort = chosen
        if chosen != self.sorts[0]:
            self.params[SORT] = raw

    def ordered(self) -> Sequence[int]:
        """The ids of the filtered pages, in the chosen order."""
        mask = self.filtered()
        if self.sort is None or self.sort.key is None:
            return self.index.ordered(mask, reverse=self.reverse)
        return self.index.ordered_by(mask, self.index.sorted_by(self.sort.value, self.sort.key(self.index)))

    def sort_options(self) -> list[dict[str, Any]]:
        return [
            {"value": sort.value, "label": sort.label, "selected": sort == self.sort} for sort in self.sorts
        ]

    def form_params(self) -> list[tuple[str, str]]:
        """The active filters, as hidden fields of the keyword and sort form."""
        return [(key, value) for key, value in self.params.items() if key not in (KEYWORD, SORT)]

    def filtered(self, exclude: str | None = None) -> int:
        """Mask of the pages matching every active filter (but `exclude`)."""
        mask = self.base
        for facet in self.facets:
            if facet.param in self.selected and facet.param != exclude:
                mask &= self.index.mask(facet.dimension, self.selected[facet.param][0])
        return mask

    def counts(self, facet: Facet) -> dict[Any, int]:
        """{value: pages} of one facet, over every other active filter."""
        return self.index.counts(facet.dimension, self.filtered(exclude=facet.param))

    def facet_results(self) -> list[FacetResult]:
        return [facet.result(self.cat, self.counts(facet), self.params) for facet in self.facets]

    def facets_key(self) -> str:
        """Everything the facet lists show depends on: the content version, the pages listed
        before any filter (the upcoming events change as time passes) and the query string kept."""
        parts = (self.cat.token, hash(self.base), self.base.bit_count(), sorted(self.params.items()))
        return hashlib.sha256(repr(parts).encode()).hexdigest()

    def active_filters(self) -> list[ActiveFilter]:
        keyword = (
            [ActiveFilter(KEYWORD, _("Recherche"), self.keyword, querystring(self.params, **{KEYWORD: None}))]
            if self.keyword
            else []
        )
        return keyword + [
            ActiveFilter(
                param=facet.param,
                facet_label=facet.label,
                label=self.selected[facet.param][1],
                remove_url=querystring(self.params, **{facet.param: None}),
            )
            for facet in self.facets
            if facet.param in self.selected
        ]

    def paginate(self, results: Sequence[Any]) -> tuple[Page, list[dict[str, Any]]]:
        """Return the requested page; junk or out-of-range numbers fall back with a notice."""
        paginator = Paginator(results, self.per_page)
        number = page_number(self.query.get("page"), paginator.num_pages, self.notices)
        page = paginator.page(number)
        page_range = [
            {"number": n, "url": self.page_url(n), "current": n == number}
            if isinstance(n, int)
            else {"ellipsis": True}
            for n in paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
        ]
        return page, page_range

    def template_context(self, page_name: str, load: Callable[[list[int]], list[Any]]) -> dict[str, Any]:
        """What a listing template shows: facets, active filters, notices and one page of results.

        `load` turns the page's ids into the objects its cards show, in the same order; the
        page is put in the context under `page_name` (e.g. "fiches", "events").
        """
        page, page_range = self.paginate(self.ordered())
        page.object_list = load(list(page.object_list))
        return {
            "listing": self,
            # Counted only when the facet lists are drawn: includes/facet_panel.html keeps them
            # under `facets_key` (10 minutes, this process), so a warm listing counts nothing.
            "facets": SimpleLazyObject(self.facet_results),
            "facets_key": self.facets_key(),
            "active_filters": self.active_filters(),
            "notices": self.notices,
            page_name: page,
            "page_range": page_range,
            "previous_url": self.page_url(page.previous_page_number()) if page.has_previous() else None,
            "next_url": self.page_url(page.next_page_number()) if page.has_next() else None,
            "result_count": page.paginator.count,
        }

    def page_url(self, number: int) -> str:
        base = querystring(self.params)
        return f"{base}&page={number}" if base != "?" else f"?page={number}"


def page_number(raw: str | None, num_pages: int, notices: list[str]) -> int:
    """The page asked for; junk gives the first page and a number past the end the last, with a notice.

    The listings and the search both read `?page=` through it, so a reader gets one set of messages.
    """
    raw = clean_param(raw)
    if not raw:
        return 1
    if not (raw.isascii() and raw.isdigit() and len(raw) < 10):
        notices.append(_("Numéro de page invalide : voici la première page."))
        return 1
    number = int(raw)
    if number < 1:
        notices.append(_("Les pages sont numérotées à partir de 1 : voici la première."))
        return 1
    if number > num_pages:
        notices.append(
            _("La page %(asked)s n'existe pas : voici la dernière page (%(last)s).")
            % {"asked": number, "last": num_pages}
        )
        return num_pages
    return number


def load_in_order(queryset: QuerySet, pks: list[int]) -> list[Any]:
    """The objects of `queryset` with these ids, in the order of `pks` (one query plus prefetches)."""
    if not pks:
        return []
    found = {obj.pk: obj for obj in queryset.filter(pk__in=pks)}
    return [found[pk] for pk in pks if pk in found]


def listed_classification(kind: str, pk: int, dimensions: Sequence[str]) -> dict[str, list[Any]] | None:
    """A listed page's themes, organisers (`structure`) or tags (`tag`, as unsaved taggit tags, by
    name), read from the catalogue; None when it does not list the page (private, unpublished).
    """
    from taggit.models import Tag

    cat = catalogue()
    index = cat.index(kind)
    at = index.position.get(pk)
    if at is None:
        return None
    found: dict[str, list[Any]] = {}
    for dimension in dimensions:
        if dimension != "tag":
            found[dimension] = cat.carried(kind, dimension, [pk])[pk]
            continue
        keys = [key for key, mask in index.facets.get("tag", {}).items() if mask >> at & 1]
        keys.sort(key=cat.tag_sort_keys.__getitem__)
        found["tag"] = [Tag(pk=key, name=cat.tags[key].name, slug=cat.tags[key].slug) for key in keys]
    return found
