"""Query-string facets shared by the listings: parse, filter, count and link.

A listing declares its facets once; `FacetedListing` then validates the query string
(unknown values become French notices instead of errors), filters the queryset, counts
each facet's values over the other active filters (so every option shows how many results
choosing it would give) and builds the links that add or remove a filter.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.http import QueryDict
from django.utils.text import slugify
from django.utils.translation import gettext as _

MAX_PARAM_LENGTH = 200


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


@dataclass
class FacetResult:
    param: str
    label: str
    options: list[FacetOption]


class Facet:
    """One query-string parameter that narrows a listing."""

    def __init__(self, param: str, label: str, *, limit: int | None = None) -> None:
        self.param = param
        self.label = label
        self.limit = limit

    def resolve(self, raw: str) -> tuple[Any, str] | None:
        """Return (filter value, human label) for a raw value, or None if it is unknown."""
        raise NotImplementedError

    def apply(self, queryset: QuerySet, value: Any) -> QuerySet:
        raise NotImplementedError

    def counts(self, queryset: QuerySet) -> list[tuple[str, str, int]]:
        """(url value, label, count) for every value present in the queryset."""
        raise NotImplementedError

    def unknown_message(self, raw: str) -> str:
        return _("Le filtre « %(label)s » ne connaît pas la valeur « %(value)s » : il est ignoré.") % {
            "label": self.label,
            "value": raw,
        }


class RelatedFacet(Facet):
    """A facet over a related model (foreign key or many-to-many), addressed by one field."""

    def __init__(
        self,
        param: str,
        label: str,
        *,
        relation: str,
        model: type[models.Model],
        url_field: str = "slug",
        label_field: str = "name",
        sort: Sequence[str] = ("name",),
        by_count: bool = False,
        limit: int | None = None,
    ) -> None:
        super().__init__(param, label, limit=limit)
        self.relation = relation
        self.model = model
        self.url_field = url_field
        self.label_field = label_field
        self.sort = tuple(sort)
        self.by_count = by_count

    def lookup_queryset(self, raw: str) -> QuerySet:
        return self.model._default_manager.filter(**{self.url_field: raw})

    def resolve(self, raw: str) -> tuple[Any, str] | None:
        obj = self.lookup_queryset(raw).first()
        if obj is None:
            return None
        return obj.pk, getattr(obj, self.label_field)

    def apply(self, queryset: QuerySet, value: Any) -> QuerySet:
        return queryset.filter(**{f"{self.relation}__pk": value})

    def counts(self, queryset: QuerySet) -> list[tuple[str, str, int]]:
        key = f"{self.relation}__{self.url_field}"
        label = f"{self.relation}__{self.label_field}"
        sort_paths = [f"{self.relation}__{name}" for name in self.sort]
        rows = (
            queryset.order_by()
            .filter(**{f"{key}__isnull": False})
            .values(key, label, *sort_paths)
            .annotate(n=Count("pk"))
            .order_by(*(["-n"] if self.by_count else []), *sort_paths)
        )
        return [(row[key], row[label], row["n"]) for row in rows]


class TagFacet(RelatedFacet):
    """Tags are addressed by name (the RNMA `tagged_with` convention), found case-insensitively."""

    def __init__(self, param: str, label: str, *, relation: str, limit: int | None = 30) -> None:
        from taggit.models import Tag

        super().__init__(
            param,
            label,
            relation=relation,
            model=Tag,
            url_field="name",
            sort=("name",),
            by_count=True,
            limit=limit,
        )

    def resolve(self, raw: str) -> tuple[Any, str] | None:
        """Exact name first, then the same name in other case or without accents (its slug)."""
        slug = slugify(raw)
        lookup = Q(name=raw) | Q(name__iexact=raw)
        if slug:
            lookup |= Q(slug=slug)
        candidates = list(self.model._default_manager.filter(lookup)[:10])
        if not candidates:
            return None
        tag = next((t for t in candidates if t.name == raw), None) or next(
            (t for t in candidates if t.name.lower() == raw.lower()), candidates[0]
        )
        return tag.pk, tag.name


class ChoiceFacet(Facet):
    """A facet over a model field with fixed choices (event format, content type…)."""

    def __init__(
        self, param: str, label: str, *, field_name: str, choices: Sequence[tuple[str, str]]
    ) -> None:
        super().__init__(param, label)
        self.field_name = field_name
        self.choices = dict(choices)

    def resolve(self, raw: str) -> tuple[Any, str] | None:
        return (raw, str(self.choices[raw])) if raw in self.choices else None

    def apply(self, queryset: QuerySet, value: Any) -> QuerySet:
        return queryset.filter(**{self.field_name: value})

    def counts(self, queryset: QuerySet) -> list[tuple[str, str, int]]:
        rows = dict(queryset.order_by().values_list(self.field_name).annotate(n=Count("pk")))
        return [(key, str(label), rows[key]) for key, label in self.choices.items() if rows.get(key)]


class YearFacet(Facet):
    """Year of a date or datetime field, in the site's time zone."""

    def __init__(self, param: str, label: str, *, field_name: str) -> None:
        super().__init__(param, label)
        self.field_name = field_name

    def resolve(self, raw: str) -> tuple[Any, str] | None:
        if not (raw.isascii() and raw.isdigit() and len(raw) == 4):
            return None
        year = int(raw)
        return (year, raw) if 1900 <= year <= 2100 else None

    def unknown_message(self, raw: str) -> str:
        return _("« %(value)s » n'est pas une année valide (quatre chiffres attendus) : filtre ignoré.") % {
            "value": raw
        }

    def apply(self, queryset: QuerySet, value: Any) -> QuerySet:
        return queryset.filter(**{f"{self.field_name}__year": value})

    def counts(self, queryset: QuerySet) -> list[tuple[str, str, int]]:
        rows = (
            queryset.order_by()
            .annotate(facet_year=ExtractYear(self.field_name))
            .filter(facet_year__isnull=False)
            .values("facet_year")
            .annotate(n=Count("pk"))
            .order_by("-facet_year")
        )
        return [(str(r["facet_year"]), str(r["facet_year"]), r["n"]) for r in rows]


def querystring(params: Mapping[str, str], **changes: str | None) -> str:
    """Encode params with changes applied (None removes a key); the page number is always reset."""
    merged = {k: v for k, v in params.items() if k != "page"}
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    qd = QueryDict(mutable=True)
    for key, value in merged.items():
        qd[key] = value
    encoded = qd.urlencode()
    return f"?{encoded}" if encoded else "?"


@dataclass
class FacetedListing:
    """The result of applying a query string to a queryset with declared facets."""

    facets: Sequence[Facet]
    base_queryset: QuerySet
    query: QueryDict
    per_page: int = 12
    keep: dict[str, str] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    selected: dict[str, tuple[Any, str]] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.params.update(self.keep)  # non-facet parameters every link keeps (e.g. periode)
        for facet in self.facets:
            raw = clean_param(self.query.get(facet.param))
            if not raw:
                continue
            resolved = facet.resolve(raw)
            if resolved is None:
                self.notices.append(facet.unknown_message(raw))
                continue
            self.selected[facet.param] = resolved
            self.params[facet.param] = raw

    def filtered(self, exclude: str | None = None) -> QuerySet:
        queryset = self.base_queryset
        for facet in self.facets:
            if facet.param in self.selected and facet.param != exclude:
                queryset = facet.apply(queryset, self.selected[facet.param][0])
        return queryset

    def facet_results(self) -> list[FacetResult]:
        results = []
        for facet in self.facets:
            rows = facet.counts(self.filtered(exclude=facet.param))
            current = self.params.get(facet.param)
            options = [
                FacetOption(
                    value=value,
                    label=label,
                    count=count,
                    selected=value == current,
                    url=querystring(self.params, **{facet.param: None if value == current else value}),
                )
                for value, label, count in rows
            ]
            if facet.limit is not None and len(options) > facet.limit:
                kept = options[: facet.limit]
                kept += [o for o in options[facet.limit :] if o.selected]
                options = kept
            results.append(FacetResult(param=facet.param, label=facet.label, options=options))
        return results

    def active_filters(self) -> list[ActiveFilter]:
        return [
            ActiveFilter(
                param=facet.param,
                facet_label=facet.label,
                label=self.selected[facet.param][1],
                remove_url=querystring(self.params, **{facet.param: None}),
            )
            for facet in self.facets
            if facet.param in self.selected
        ]

    def paginate(self, queryset: QuerySet) -> tuple[Page, list[dict[str, Any]]]:
        """Return the requested page; junk or out-of-range numbers fall back with a notice."""
        paginator = Paginator(queryset, self.per_page)
        raw = clean_param(self.query.get("page"))
        number = 1
        if raw:
            if raw.isascii() and raw.isdigit() and len(raw) < 10:
                number = int(raw)
                if number < 1:
                    number = 1
                    self.notices.append(_("Les pages sont numérotées à partir de 1 : voici la première."))
                elif number > paginator.num_pages:
                    self.notices.append(
                        _("La page %(asked)s n'existe pas : voici la dernière page (%(last)s).")
                        % {"asked": number, "last": paginator.num_pages}
                    )
                    number = paginator.num_pages
            else:
                self.notices.append(_("Numéro de page invalide : voici la première page."))
        page = paginator.page(number)
        page_range = [
            {"number": n, "url": self.page_url(n), "current": n == number}
            if isinstance(n, int)
            else {"ellipsis": True}
            for n in paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
        ]
        return page, page_range

    def template_context(self, queryset: QuerySet, page_name: str) -> dict[str, Any]:
        """What a listing template shows: facets, active filters, notices and one page of results.

        `queryset` is the filtered queryset with whatever its cards need prefetched; the page
        of results is put in the context under `page_name` (e.g. "fiches", "events").
        """
        facets = self.facet_results()
        page, page_range = self.paginate(queryset)
        return {
            "listing": self,
            "facets": facets,
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
