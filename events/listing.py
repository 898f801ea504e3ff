"""The /evenements/ listing: upcoming or past events, filtered by facets, paginated."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events import clock
from events.models import BADGE_MOMENTS, EventFormat, EventPage, EventTag, with_confirmed_seats
from site_kazasso import content_version
from site_kazasso.images import attach_renditions
from site_kazasso.pagecache.middleware import shows_seats_of
from taxonomy.cards import Cards
from taxonomy.catalogue import KindIndex, catalogue
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
        columns=("end", *BADGE_MOMENTS),
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


def event_cards(pks: list[int], request: HttpRequest | None = None) -> Cards:
    """The live events with these ids, in this order, as cards (taxonomy/cards.py).

    Their markup is kept per content version, per seat version of each event and per registration
    moment passed (`moments_passed`): what their badges show. The request's cached page is keyed
    by the same seat versions, read before the seats are.
    """
    shows_seats_of(request, *pks)
    cat = catalogue()
    now = clock.now()
    seats = content_version.seats_versions(pks)
    return Cards(
        EVENTS,
        pks,
        lambda ids: load_event_cards(ids, now),
        cat.token,
        [seats.get(pk) for pk in pks],
        moments_passed(cat.events, pks, now),
    )


def moments_passed(index: KindIndex, pks: list[int], now: Any) -> list[int]:
    """For each event, how many of its `BADGE_MOMENTS` are past: its badge changes only then."""
    columns = [index.columns[name] for name in BADGE_MOMENTS]
    passed = []
    for pk in pks:
        at = index.position.get(pk)
        moments = [] if at is None else [column[at] for column in columns]
        passed.append(sum(1 for moment in moments if moment is not None and moment <= now))
    return passed


def load_event_cards(pks: list[int], now: Any) -> list[EventPage]:
    """The events with what their cards show, in the order of `pks`.

    One query for the events and their confirmed seats (`with_confirmed_seats`), two more for
    their images' renditions when some have one; the organisers, the themes and the typology
    come from the catalogue, as `card_organisers`, `card_themes` and `typology`;
    `card_availability` is the registration badge.
    """
    cat = catalogue()
    cards = attach_renditions(
        load_in_order(with_confirmed_seats(EventPage.objects.defer("body", "resources")), pks)
    )
    organisers = cat.carried(EVENTS, "structure", pks)
    themes = cat.carried(EVENTS, "theme", pks)
    cat.attach_reference_data(*cards)
    for card in cards:
        card.card_organisers = organisers.get(card.pk, [])
        card.card_themes = themes.get(card.pk, [])
        card.card_availability = card.availability(now)
    return cards


def next_events(limit: int, request: HttpRequest | None = None, now: Any = None) -> Cards:
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
