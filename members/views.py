"""Public pages of the member structures."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from fiches.listing import count_live_fiches, live_fiches, with_card_data
from members.models import Structure

STRUCTURE_FICHES = 12


def structure_list(request: HttpRequest) -> HttpResponse:
    structures = Structure.objects.annotate(fiche_count=count_live_fiches()).select_related("logo")
    return render(request, "members/structure_list.html", {"structures": structures})


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
        },
    )
