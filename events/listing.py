"""The /evenements/ listing: upcoming or past events, filtered by facets, paginated."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events import clock
from events.models import EventFormat, EventPage
from taxonomy.catalogue import EVENTS, catalogue
from taxonomy.facets import (
    ChoiceFacet,
    Facet,
    FacetedListing,
    RelatedFacet,
    TagFacet,
    YearFacet,
    clean_param,
    load_in_order,
)

if TYPE_CHECKING:
    from events.models import EventIndexPage

PER_PAGE = 12
PAST = "passes"
UPCOMING = "a-venir"


def event_facets(past: bool) -> list[Facet]:
    facets: list[Facet] = [
        RelatedFacet("theme", gettext_lazy("Thème"), dimension="theme"),
        ChoiceFacet("format", gettext_lazy("Format"), dimension="format", choices=EventFormat.choices),
        RelatedFacet("structure", gettext_lazy("Structure"), dimension="structure"),  # the organisers
        TagFacet("tagged_with", gettext_lazy("Mot-clé")),
    ]
    if past:
        facets.append(YearFacet("annee", gettext_lazy("Année")))
    return facets


def live_events() -> QuerySet[EventPage]:
    return EventPage.objects.live().public()


def upcoming_events(now: Any = None) -> QuerySet[EventPage]:
    """Events not yet over, soonest first."""
    return live_events().filter(end__gte=now or clock.now()).order_by("start", "pk")


def event_cards(pks: list[int]) -> list[EventPage]:
    """The live events with these ids, in this order, with what their cards show.

    One query: the organisers and the themes come from the catalogue (the ids do too), as
    `card_organisers` and `card_themes`.
    """
    cat = catalogue()
    cards = load_in_order(EventPage.objects.defer("body", "resources", "address"), pks)
    organisers = cat.carried(EVENTS, "structure", pks)
    themes = cat.carried(EVENTS, "theme", pks)
    for card in cards:
        card.card_organisers = organisers.get(card.pk, [])
        card.card_themes = themes.get(card.pk, [])
    return cards


def next_events(limit: int, now: Any = None) -> list[EventPage]:
    """The first `limit` events not yet over, soonest first (from the catalogue)."""
    index = catalogue().events
    return event_cards(index.ordered(index.ending_from(now or clock.now()))[:limit])


def event_listing_context(index_page: EventIndexPage, request: HttpRequest) -> dict[str, Any]:
    raw_period = clean_param(request.GET.get("periode"))
    notices = []
    if raw_period not in ("", PAST, UPCOMING):
        notices.append(
            _("Période inconnue « %(value)s » : voici les événements à venir.") % {"value": raw_period}
        )
    past = raw_period == PAST
    cat = catalogue()
    not_over = cat.events.ending_from(clock.now())
    listing = FacetedListing(
        facets=event_facets(past),
        index=cat.events,
        cat=cat,
        base=cat.events.mask("parent", index_page.path) & (cat.events.all & ~not_over if past else not_over),
        query=request.GET,
        per_page=PER_PAGE,
        reverse=past,  # the archive shows the most recent first
        keep={"periode": PAST} if past else {},
    )
    listing.notices[:0] = notices
    context = listing.template_context("events", event_cards)
    return {
        **context,
        "past": past,
        "crumbs": [(_("Accueil"), "/"), (index_page.title, None)],
        "feed_url": index_page.url + "ical/",
        "clear_url": index_page.url + (f"?periode={PAST}" if past else ""),
    }
