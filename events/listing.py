"""The /evenements/ listing: upcoming or past events, filtered by facets, paginated."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events import clock
from events.models import EventFormat, EventPage
from members.models import Structure
from taxonomy.facets import ChoiceFacet, Facet, FacetedListing, RelatedFacet, TagFacet, YearFacet, clean_param
from taxonomy.models import Theme

if TYPE_CHECKING:
    from events.models import EventIndexPage

PER_PAGE = 12
PAST = "passes"
UPCOMING = "a-venir"


def event_facets(past: bool) -> list[Facet]:
    facets: list[Facet] = [
        RelatedFacet("theme", gettext_lazy("Thème"), relation="themes", model=Theme, sort=("order", "name")),
        ChoiceFacet("format", gettext_lazy("Format"), field_name="format", choices=EventFormat.choices),
        RelatedFacet("structure", gettext_lazy("Structure"), relation="organisers", model=Structure),
        TagFacet("tagged_with", gettext_lazy("Mot-clé"), relation="tagged_items__tag"),
    ]
    if past:
        facets.append(YearFacet("annee", gettext_lazy("Année"), field_name="start"))
    return facets


def live_events() -> QuerySet[EventPage]:
    return EventPage.objects.live().public()


def upcoming_events(now: Any = None) -> QuerySet[EventPage]:
    """Events not yet over, soonest first."""
    return live_events().filter(end__gte=now or clock.now()).order_by("start", "pk")


def past_events(now: Any = None) -> QuerySet[EventPage]:
    return live_events().filter(end__lt=now or clock.now()).order_by("-start", "-pk")


def with_card_data(queryset: QuerySet[EventPage]) -> QuerySet[EventPage]:
    return queryset.select_related("structure", "typology").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("order", "name")),
        Prefetch("organisers", queryset=Structure.objects.order_by("name")),
    )


def event_listing_context(index_page: EventIndexPage, request: HttpRequest) -> dict[str, Any]:
    raw_period = clean_param(request.GET.get("periode"))
    notices = []
    if raw_period not in ("", PAST, UPCOMING):
        notices.append(
            _("Période inconnue « %(value)s » : voici les événements à venir.") % {"value": raw_period}
        )
    past = raw_period == PAST
    now = clock.now()
    base = (past_events(now) if past else upcoming_events(now)).child_of(index_page)
    listing = FacetedListing(
        facets=event_facets(past),
        base_queryset=base,
        query=request.GET,
        per_page=PER_PAGE,
        keep={"periode": PAST} if past else {},
    )
    listing.notices[:0] = notices
    context = listing.template_context(with_card_data(listing.filtered()), "events")
    return {
        **context,
        "past": past,
        "crumbs": [(_("Accueil"), "/"), (index_page.title, None)],
        "feed_url": index_page.url + "ical/",
        "clear_url": index_page.url + (f"?periode={PAST}" if past else ""),
    }
