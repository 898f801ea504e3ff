"""The /evenements/ listing: upcoming or past events, filtered by facets, paginated."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events import clock
from events.models import EventFormat, EventPage, EventTag, with_confirmed_seats
from site_kazasso.images import with_renditions
from site_kazasso.pagecache.middleware import shows_seats_of
from taxonomy.catalogue import catalogue
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
from taxonomy.kinds import ContentKind, Field, Link, Year

if TYPE_CHECKING:
    from events.models import EventIndexPage

EVENTS = "events"
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


def soonest_first() -> QuerySet[EventPage]:
    """Live, public events in the listings' order."""
    return live_events().order_by("start", "pk")


def event_kind() -> ContentKind:
    """What the catalogue holds of events (registered in EventsConfig.ready()): a facet is one line.

    Soonest first; `end` is kept per event for the upcoming/past split made at request time.
    """
    return ContentKind(
        name=EVENTS,
        pages=soonest_first,
        date="start",
        columns=("end",),
        dimensions=(
            Field("typology", "typology_id"),
            Field("format", "format"),
            Link("structure", EventPage.organisers.through, page="eventpage_id", value="structure_id"),
            Link("theme", EventPage.themes.through, page="eventpage_id", value="theme_id"),
            Link("tag", EventTag, page="content_object_id", value="tag_id"),
            Year(),
        ),
    )


def upcoming_events(now: Any = None) -> QuerySet[EventPage]:
    """Events not yet over, soonest first."""
    return soonest_first().filter(end__gte=now or clock.now())


def event_cards(pks: list[int], request: HttpRequest | None = None) -> list[EventPage]:
    """The live events with these ids, in this order, with what their cards show.

    Two queries: the events with their images and their confirmed seats (`with_confirmed_seats`),
    then the images' renditions; the organisers, the themes and the typology come from the
    catalogue (the ids do too), as `card_organisers`, `card_themes` and `typology`;
    `card_availability` is the registration badge. The request's cached page is keyed by these
    events' seat versions, read before the seats are.
    """
    shows_seats_of(request, *pks)
    cat = catalogue()
    cards = load_in_order(
        with_renditions(with_confirmed_seats(EventPage.objects.defer("body", "resources"))), pks
    )
    organisers = cat.carried(EVENTS, "structure", pks)
    themes = cat.carried(EVENTS, "theme", pks)
    now = clock.now()
    for card in cards:
        card.typology = cat.typologies.get(card.typology_id)
        card.card_organisers = organisers.get(card.pk, [])
        card.card_themes = themes.get(card.pk, [])
        card.card_availability = card.availability(now)
    return cards


def next_events(limit: int, request: HttpRequest | None = None, now: Any = None) -> list[EventPage]:
    """The first `limit` events not yet over, soonest first (from the catalogue)."""
    index = catalogue().events
    return event_cards(index.ordered(index.at_least("end", now or clock.now()))[:limit], request)


def event_listing_context(index_page: EventIndexPage, request: HttpRequest) -> dict[str, Any]:
    raw_period = clean_param(request.GET.get("periode"))
    notices = []
    if raw_period not in ("", PAST, UPCOMING):
        notices.append(
            _("Période inconnue « %(value)s » : voici les événements à venir.") % {"value": raw_period}
        )
    past = raw_period == PAST
    cat = catalogue()
    not_over = cat.events.at_least("end", clock.now())
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
    context = listing.template_context("events", lambda pks: event_cards(pks, request))
    return {
        **context,
        "past": past,
        "crumbs": [(_("Accueil"), "/"), (index_page.title, None)],
        "feed_url": index_page.url + "ical/",
        "clear_url": index_page.url + (f"?periode={PAST}" if past else ""),
    }
