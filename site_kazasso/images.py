"""Pictures of pages: the alt-text rule and the rendition prefetch every card listing shares."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Model, Prefetch, QuerySet, prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

ALT_TEXT_HELP = _(
    "Facultative. Son texte alternatif est la « description » de l'image dans la médiathèque "
    "(obligatoire) : ce que l'image montre, pour qui ne la voit pas. Sans image, une illustration "
    "de la typologie est affichée."
)


def optional_image(verbose_name: Any, **options: Any) -> models.ForeignKey:
    """A field for an optional picture of the media library; deleting the image empties it."""
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        **options,
    )


def alt_text_errors(page: Any, *fields: str) -> dict[str, Any]:
    """{field: error} for each chosen image of `page` that has no alt text (its description)."""
    errors: dict[str, Any] = {}
    for field in fields:
        image = getattr(page, field, None)
        if image is not None and not (image.description or "").strip():
            errors[field] = ValidationError(
                _(
                    "L'image « %(title)s » n'a pas de texte alternatif : renseignez sa description "
                    "dans la médiathèque (ce que l'image montre), ou retirez-la."
                )
                % {"title": image.title},
                code="alt_text_required",
            )
    return errors


def with_renditions(queryset: QuerySet, field: str = "image") -> QuerySet:
    """The queryset with its image and the image's renditions: a listing's pictures cost two
    queries whatever the number of cards, not one per card."""
    renditions = get_image_model().get_rendition_model().objects.all()
    return queryset.select_related(field).prefetch_related(
        Prefetch(f"{field}__renditions", queryset=renditions)
    )


def attach_renditions(objects: list[Model], field: str = "image") -> list[Model]:
    """`objects` (already loaded) with their image and its renditions: nothing read when none has
    an image, else two queries whatever the number of objects."""
    pictured = [obj for obj in objects if getattr(obj, f"{field}_id")]
    if pictured:
        renditions = get_image_model().get_rendition_model().objects.all()
        prefetch_related_objects(pictured, field, Prefetch(f"{field}__renditions", queryset=renditions))
    return objects
