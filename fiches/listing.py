"""The /ressources/ listing: which fiches, filtered how, counted how, in what order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from members.models import Structure
from taxonomy.facets import Facet, FacetedListing, RelatedFacet, TagFacet, YearFacet
from taxonomy.models import Theme, Typology

if TYPE_CHECKING:
    from fiches.models import FichePage


def fiche_facets() -> list[Facet]:
    """The RNMA-style facets of /ressources/, in display order."""
    return [
        RelatedFacet("theme", _("Thème"), relation="themes", model=Theme, sort=("order", "name")),
        RelatedFacet(
            "typologie", _("Typologie"), relation="typology", model=Typology, sort=("order", "name")
        ),
        RelatedFacet("structure", _("Structure"), relation="structure", model=Structure, sort=("name",)),
        TagFacet("tagged_with", _("Mot-clé"), relation="tagged_items__tag"),
        YearFacet("annee", _("Année"), field_name="first_published_at"),
    ]


def live_fiches() -> QuerySet[FichePage]:
    """Live, public fiches, newest first."""
    from fiches.models import FichePage

    return FichePage.objects.live().public().order_by("-first_published_at", "-pk")


def count_live_fiches(relation: str = "fiches") -> Count:
    """An annotation counting, through `relation`, only the fiches a visitor can see."""
    return Count(relation, filter=Q(**{f"{relation}__in": live_fiches().values("pk")}), distinct=True)


def with_card_data(queryset: QuerySet[FichePage]) -> QuerySet[FichePage]:
    """Everything a fiche card shows, fetched in a constant number of queries."""
    return queryset.select_related("structure", "typology").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("order", "name")),
        "tags",
    )


def fiche_listing_context(index_page: Any, request: HttpRequest) -> dict[str, Any]:
    listing = FacetedListing(
        facets=fiche_facets(),
        base_queryset=live_fiches().child_of(index_page),
        query=request.GET,
        per_page=getattr(settings, "FICHES_PER_PAGE", 12),
    )
    context = listing.template_context(with_card_data(listing.filtered()), "fiches")
    context["clear_url"] = index_page.url
    return context
