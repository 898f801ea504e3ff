"""Public pages of the member structures."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from events.listing import past_events, upcoming_events
from events.listing import with_card_data as event_card_data
from fiches.listing import count_live_fiches, live_fiches, with_card_data
from members.models import Structure

STRUCTURE_FICHES = 12
STRUCTURE_EVENTS = 4


def structure_list(request: HttpRequest) -> HttpResponse:
    structures = Structure.objects.annotate(fiche_count=count_live_fiches()).select_related("logo")
    crumbs = [(_("Accueil"), "/"), (_("Structures membres"), None)]
    return render(request, "members/structure_list.html", {"structures": structures, "crumbs": crumbs})


def structure_detail(request: HttpRequest, slug: str) -> HttpResponse:
    structure = get_object_or_404(Structure.objects.select_related("logo"), slug=slug)
    fiches = with_card_data(live_fiches().filter(structure=structure))
    events = event_card_data(upcoming_events().filter(organisers=structure))
    past = event_card_data(past_events().filter(organisers=structure))
    return render(
        request,
        "members/structure_detail.html",
        {
            "structure": structure,
            "fiches": list(fiches[:STRUCTURE_FICHES]),
            "fiche_count": fiches.count(),
            "upcoming_events": list(events[:STRUCTURE_EVENTS]),
            "past_events": list(past[:STRUCTURE_EVENTS]),
            "crumbs": [
                (_("Accueil"), "/"),
                (_("Structures membres"), "/structures/"),
                (structure.name, None),
            ],
        },
    )
