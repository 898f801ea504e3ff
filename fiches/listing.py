"""The /ressources/ listing: which fiches, filtered how, counted how, in what order."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from site_kazasso.images import attach_renditions
from site_kazasso.keywords import best_matches
from site_kazasso.text import fold
from taxonomy.cards import Cards
from taxonomy.catalogue import KindIndex, catalogue
from taxonomy.facets import Facet, FacetedListing, RelatedFacet, Sort, TagFacet, YearFacet, load_in_order
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
        columns=("updated_on",),
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


def by_update(index: KindIndex) -> Callable[[int], tuple]:
    """Latest « à jour au » first, fiches without one last (newest published first among equals)."""
    updated = index.columns["updated_on"]
    return lambda at: (updated[at] is None, -updated[at].toordinal() if updated[at] else 0)


def by_title(index: KindIndex) -> Callable[[int], tuple]:
    """French alphabetical order: accents and case folded (« Égalité » between « Don » and « Fête »)."""
    titles = index.titles
    return lambda at: (fold(titles[at]), titles[at])


def fiche_sorts() -> list[Sort]:
    """The orders of /ressources/ (`?tri=`), the default first."""
    return [
        Sort("recent", _("Plus récentes")),
        Sort("maj", _("Mises à jour récemment"), by_update),
        Sort("az", _("Titre, de A à Z"), by_title),
    ]


def matching_fiches(query: str) -> tuple[list[int], bool]:
    """The keyword box of /ressources/: the site search's rule, over live fiches only."""
    from fiches.models import FichePage

    return best_matches(FichePage.objects.live().public(), query)


def live_fiches() -> QuerySet[FichePage]:
    """Live, public fiches, newest first."""
    from fiches.models import FichePage

    return FichePage.objects.live().public().order_by("-first_published_at", "-pk")


def fiche_cards(pks: list[int]) -> Cards:
    """The live fiches with these ids, in this order, as cards (taxonomy/cards.py): their
    markup is kept per content version."""
    return Cards(FICHES, pks, load_fiche_cards, catalogue().token)


def load_fiche_cards(pks: list[int]) -> list[FichePage]:
    """The fiches with what their cards show, in the order of `pks`.

    One query for the fiches, two more for their images' renditions when some have one; the
    structure, the typology and the themes come from the catalogue (the ids do too), as
    `card_themes`.
    """
    from fiches.models import FichePage

    cat = catalogue()
    cards = attach_renditions(load_in_order(FichePage.objects.defer("body"), pks))
    themes = cat.carried(FICHES, "theme", pks)
    cat.attach_reference_data(*cards)
    for card in cards:
        card.card_themes = themes.get(card.pk, [])
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
        sorts=fiche_sorts(),
        search=matching_fiches,
    )
    context = listing.template_context("fiches", fiche_cards)
    context["clear_url"] = index_page.url
    return context


def annotate_fiche_counts(objects: Iterable[Any], dimension: str) -> list[Any]:
    """The objects (themes, structures…) with `fiche_count`, the number of live fiches carrying each."""
    counts = fiche_counts(dimension)
    rows = list(objects)
    for obj in rows:
        obj.fiche_count = counts.get(obj.pk, 0)
    return rows
