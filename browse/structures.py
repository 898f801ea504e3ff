"""Public pages /structures/ and /structures/<slug>/: the member structures and what each has published."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from events import clock
from events.listing import event_cards
from fiches.listing import annotate_fiche_counts, fiche_cards
from members.models import Structure
from site_kazasso.images import with_renditions
from taxonomy.cards import split
from taxonomy.catalogue import catalogue

STRUCTURE_FICHES = 12
STRUCTURE_EVENTS = 4


def structure_list(request: HttpRequest) -> HttpResponse:
    structures = annotate_fiche_counts(with_renditions(Structure.objects.all(), "logo"), "structure")
    crumbs = [(_("Accueil"), "/"), (_("Structures membres"), None)]
    return render(request, "browse/structure_list.html", {"structures": structures, "crumbs": crumbs})


def structure_detail(request: HttpRequest, slug: str) -> HttpResponse:
    structure = get_object_or_404(with_renditions(Structure.objects.all(), "logo"), slug=slug)
    cat = catalogue()
    fiches = cat.fiches.mask("structure", structure.pk)
    organised = cat.events.mask("structure", structure.pk)  # events list all their organisers
    not_over = cat.events.at_least("end", clock.now())
    upcoming_ids = cat.events.ordered(organised & not_over)[:STRUCTURE_EVENTS]
    past_ids = cat.events.ordered(organised & ~not_over, reverse=True)[:STRUCTURE_EVENTS]
    upcoming, past = split(event_cards(upcoming_ids + past_ids, request), upcoming_ids, past_ids)  # one load
    return render(
        request,
        "browse/structure_detail.html",
        {
            "structure": structure,
            "fiches": fiche_cards(cat.fiches.ordered(fiches)[:STRUCTURE_FICHES]),
            "fiche_count": fiches.bit_count(),
            "upcoming_events": upcoming,
            "past_events": past,
            "crumbs": [
                (_("Accueil"), "/"),
                (_("Structures membres"), "/structures/"),
                (structure.name, None),
            ],
        },
    )
