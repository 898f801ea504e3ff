"""What every page model of the site shares, below the editorial rules."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from site_kazasso import content_version
from site_kazasso.text import validate_one_line


class PlainTitleMixin:
    """Titles go into email subjects and feeds: refuse line breaks and control characters."""

    def clean(self) -> None:
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().clean()  # type: ignore[misc]
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            validate_one_line(self.title)  # type: ignore[attr-defined]
        except ValidationError as error:
            errors.setdefault("title", []).extend(error.error_list)
        if errors:
            raise ValidationError(errors)


def guarded_paths() -> tuple[str, ...]:
    """Tree paths under which Wagtail must look for view restrictions: restricted pages, aliases."""
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    return tuple(sorted({*restricted, *aliases}))


GUARDED_PATHS = content_version.PerVersion(guarded_paths)


class KnownRestrictionsMixin:
    """Page.get_view_restrictions() without its two queries when no restriction can apply.

    Wagtail reads the ancestors, then their restrictions, on every page served. Which pages carry
    a restriction (or are aliases, which take their source's) changes only with the content
    version, so the paths are read once per version: a page under none of them has no
    restriction; any other asks Wagtail, which reads the restrictions themselves (type, groups,
    password) as usual.
    """

    def get_view_restrictions(self) -> QuerySet[PageViewRestriction]:
        if self.path.startswith(GUARDED_PATHS.read()):  # type: ignore[attr-defined]
            return super().get_view_restrictions()  # type: ignore[misc]
        return PageViewRestriction.objects.none()


class ChildRouteMixin:
    """Page.route() (Wagtail's documented override point) reading the child in one query.

    Wagtail reads the child by its slug, then its specific row, then the page reads each object
    it shows: `routed_children()` loads the child as its specific class with those objects.
    Everything else is Wagtail's: a slug no such child has goes to `super().route()` (another type
    of child, or a 404), and the child routes the rest of the path itself, serving only if live.
    The child keeps the page that routed to it as `routed_parent`, so its breadcrumb reads no parent.
    """

    def routed_children(self) -> QuerySet[Page]:
        raise NotImplementedError

    def routed_child(self, slug: str) -> Page | None:
        """The child with this slug among `routed_children()`, or None (one query)."""
        return self.routed_children().child_of(self).filter(slug=slug).first()

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        if path_components:
            child = self.routed_child(path_components[0])
            if child is not None:
                child.routed_parent = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)  # type: ignore[misc]


def routed_parent(page: Page) -> Page | None:
    """The page's parent: the one that routed to it when served, else read (previews)."""
    return getattr(page, "routed_parent", None) or page.get_parent()
