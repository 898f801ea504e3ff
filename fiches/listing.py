"""The /ressources/ listing: which fiches, filtered how, counted how, in what order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from site_kazasso.images import with_renditions
from taxonomy.catalogue import catalogue
from taxonomy.facets import Facet, FacetedListing, RelatedFacet, TagFacet, YearFacet, load_in_order
from taxonomy.kinds import ContentKind, Field, Link, Year

if TYPE_CHECKING:
    from fiches.models import FichePage

FICHES = "fiches"


def fiche_kind() -> ContentKind:
    """What the catalogue holds of fiches (registered in FichesConfig.ready()): a facet is one line."""
    from fiches.models import FichePage, FicheTag

    return ContentKind(
        name=FICHES,
        pages=live_fiches,
        date="first_published_at",
        dimensions=(
            Field("structure", "structure_id"),
            Field("typology", "typology_id"),
            Link("theme", FichePage.themes.through, page="fichepage_id", value="theme_id"),
            Link("tag", FicheTag, page="content_object_id", value="tag_id"),
            Year(),
        ),
    )


def fiche_facets() -> list[Facet]:
    """The RNMA-style facets of /ressources/, in display order."""
    return [
        RelatedFacet("theme", _("Thème"), dimension="theme"),
        RelatedFacet("typologie", _("Typologie"), dimension="typology"),
        RelatedFacet("structure", _("Structure"), dimension="structure"),
        TagFacet("tagged_with", _("Mot-clé")),
        YearFacet("annee", _("Année")),
    ]


def live_fiches() -> QuerySet[FichePage]:
    """Live, public fiches, newest first."""
    from fiches.models import FichePage

    return FichePage.objects.live().public().order_by("-first_published_at", "-pk")


def fiche_cards(pks: list[int]) -> list[FichePage]:
    """The live fiches with these ids, in this order, with what their cards show.

    Two queries: the fiches with their images, then the images' renditions; the structure, the
    typology and the themes come from the catalogue (the ids do too), as `card_themes`.
    """
    from fiches.models import FichePage

    cat = catalogue()
    cards = load_in_order(with_renditions(FichePage.objects.defer("body")), pks)
    themes = cat.carried(FICHES, "theme", pks)
    for card in cards:
        card.card_themes = themes.get(card.pk, [])
        card.structure = cat.structures.get(card.structure_id)
        card.typology = cat.typologies.get(card.typology_id)
    return cards


def fiche_counts(dimension: str) -> dict[Any, int]:
    """{structure/theme/… id: number of live fiches}, from the catalogue."""
    index = catalogue().fiches
    return index.counts(dimension, index.all)


def fiche_listing_context(index_page: Any, request: HttpRequest) -> dict[str, Any]:
    cat = catalogue()
    listing = FacetedListing(
        facets=fiche_facets(),
        index=cat.fiches,
        cat=cat,
        base=cat.fiches.mask("parent", index_page.path),
        query=request.GET,
        per_page=getattr(settings, "FICHES_PER_PAGE", 12),
    )
    context = listing.template_context("fiches", fiche_cards)
    context["clear_url"] = index_page.url
    return context


def annotate_fiche_counts(objects: QuerySet, dimension: str) -> list[Any]:
    """The objects (themes, structures…) with `fiche_count`, the number of live fiches carrying each."""
    counts = fiche_counts(dimension)
    rows = list(objects)
    for obj in rows:
        obj.fiche_count = counts.get(obj.pk, 0)
    return rows
