"""Public pages of the member structures."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from fiches.listing import count_live_fiches, live_fiches, with_card_data
from members.models import Structure

STRUCTURE_FICHES = 12


def structure_list(request: HttpRequest) -> HttpResponse:
    structures = Structure.objects.annotate(fiche_count=count_live_fiches()).select_related("logo")
    crumbs = [(_("Accueil"), "/"), (_("Structures membres"), None)]
    return render(request, "members/structure_list.html", {"structures": structures, "crumbs": crumbs})


def structure_detail(request: HttpRequest, slug: str) -> HttpResponse:
    structure = get_object_or_404(Structure.objects.select_related("logo"), slug=slug)
    fiches = with_card_data(live_fiches().filter(structure=structure))
    return render(
        request,
        "members/structure_detail.html",
        {
            "structure": structure,
            "fiches": list(fiches[:STRUCTURE_FICHES]),
            "fiche_count": fiches.count(),
            "crumbs": [
                (_("Accueil"), "/"),
                (_("Structures membres"), "/structures/"),
                (structure.name, None),
            ],
        },
    )
