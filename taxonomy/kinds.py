"""How a content app declares one kind of page to the catalogue (taxonomy/catalogue.py).

The catalogue sits at the bottom of the project with the reference lists: it knows nothing of
fiches or events. Each content app registers one `ContentKind` from its AppConfig.ready():
which pages are listed and in what order, their date and title, the facet dimensions counted
over them and any other per-page value the listings need. Adding a facet is one more
dimension in that declaration (and, where it is shown, a `Facet` of taxonomy/facets.py).

Every kind also gets the dimension `parent` (the page's parent in Wagtail's tree, by path).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

from django.db.models import Model, QuerySet
from django.utils import timezone

Row = dict[str, Any]  # one page's values, by field name


class Dimension(Protocol):
    """One facet dimension: a name, and the (page id, value) pairs it reads."""

    name: str

    def row_fields(self, kind: ContentKind) -> tuple[str, ...]:
        """The fields of the page rows this dimension reads."""
        ...

    def pairs(self, kind: ContentKind, rows: list[Row]) -> Iterable[tuple[int, Any]]:
        """(page id, value) pairs; pairs of pages the kind does not list are ignored."""
        ...

    def source_model(self) -> type[Model] | None:
        """The model besides the pages whose rows the dimension reads, if any."""
        ...


@dataclass(frozen=True)
class Field:
    """A column of the page itself: a foreign key id (`structure_id`) or a choice (`format`)."""

    name: str
    field: str

    def row_fields(self, kind: ContentKind) -> tuple[str, ...]:
        return (self.field,)

    def pairs(self, kind: ContentKind, rows: list[Row]) -> Iterator[tuple[int, Any]]:
        return ((row["pk"], row[self.field]) for row in rows)

    def source_model(self) -> None:
        return None


@dataclass(frozen=True)
class Link:
    """A link table, one row per (page, value): a many-to-many's `through`, or tagged items."""

    name: str
    model: type[Model]
    page: str  # the column holding the page id, e.g. "content_object_id"
    value: str  # the column holding the value, e.g. "tag_id"

    def row_fields(self, kind: ContentKind) -> tuple[str, ...]:
        return ()

    def pairs(self, kind: ContentKind, rows: list[Row]) -> Iterable[tuple[int, Any]]:
        return self.model.objects.values_list(self.page, self.value)

    def source_model(self) -> type[Model]:
        return self.model


@dataclass(frozen=True)
class Year:
    """The year of a date of the page in the site's time zone: by default the kind's own date."""

    name: str = "year"
    field: str | None = None  # another date or datetime field, e.g. "updated_on"

    def row_fields(self, kind: ContentKind) -> tuple[str, ...]:
        return (self.field or kind.date,)

    def pairs(self, kind: ContentKind, rows: list[Row]) -> Iterator[tuple[int, Any]]:
        name = self.field or kind.date
        for row in rows:
            moment = row[name]
            if isinstance(moment, dt.datetime):
                moment = timezone.localtime(moment)
            yield row["pk"], moment.year if moment else None

    def source_model(self) -> None:
        return None


@dataclass(frozen=True)
class ContentKind:
    """One kind of page as the listings see it, declared once by its app."""

    name: str  # how listings ask for it: catalogue().index(name), or catalogue().<name>
    pages: Callable[[], QuerySet]  # the live public pages, in display order
    date: str  # the date shown and sorted on (publication, start…)
    dimensions: tuple[Dimension, ...]
    title: str = "title"
    columns: tuple[str, ...] = ()  # other per-page values kept in display order (an event's end)

    def row_fields(self) -> list[str]:
        """Every field of the page rows read once per build, without repeats."""
        fields = ["pk", "path", self.date, self.title, *self.columns]
        for dimension in self.dimensions:
            fields += dimension.row_fields(self)
        return list(dict.fromkeys(fields))

    def signature(self) -> str:
        """What the declaration reads, by name: a shared catalogue built from another is not reused."""
        parts = [self.name, self.date, self.title, *self.columns]
        for dimension in self.dimensions:
            model = dimension.source_model()
            parts += [type(dimension).__name__, dimension.name, *dimension.row_fields(self)]
            parts += [model._meta.label_lower] if model is not None else []
        return "|".join(parts)


KINDS: dict[str, ContentKind] = {}


def register(kind: ContentKind) -> None:
    """Declare (or redeclare) a kind: called from the content app's AppConfig.ready()."""
    KINDS[kind.name] = kind


def registered() -> list[ContentKind]:
    return list(KINDS.values())


def source_models() -> list[type[Model]]:
    """The models besides pages and reference lists that the declared dimensions read."""
    models = (dimension.source_model() for kind in registered() for dimension in kind.dimensions)
    return list(dict.fromkeys(model for model in models if model is not None))
