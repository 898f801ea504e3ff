"""iCalendar output: one event, or the feed of upcoming events. Never the video-conference link."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from events import clock
from site_kazasso.outbox.mail import Attachment
from taxonomy.facets import clean_param
from taxonomy.models import Theme

if TYPE_CHECKING:
    from events.models import EventIndexPage, EventPage

UID_DOMAIN = "ressources.kazasso.re"


def event_uid(event: EventPage) -> str:
    """Stable across edits and renames: built from the page id only."""
    return f"evenement-{event.pk}@{UID_DOMAIN}"


def to_vevent(event: EventPage, request: HttpRequest | None) -> Event:
    url = event.get_full_url(request)
    vevent = Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", clock.now().astimezone(dt.UTC))
    vevent.add("dtstart", event.start.astimezone(dt.UTC))
    vevent.add("dtend", event.end.astimezone(dt.UTC))
    vevent.add("summary", event.title)
    vevent.add("description", f"{event.chapo}\n\n{_('Informations et inscription')} : {url}")
    vevent.add("url", url)
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(dt.UTC))
    if event.has_address:
        vevent.add("location", " ".join(event.address.split()))
    else:
        vevent.add("location", _("En ligne (le lien est envoyé aux personnes inscrites)"))
    return vevent


def build_calendar(events: Iterable[EventPage], request: HttpRequest | None, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Kaz Asso//Ressources//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        calendar.add_component(to_vevent(event, request))
    return calendar.to_ical()


def ical_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ical_filename(event: EventPage) -> str:
    return f"{slugify(event.slug)[:60] or 'evenement'}.ics"


def event_ical_attachment(event: EventPage) -> Attachment:
    """The same file as the event's "Ajouter à mon agenda", to attach to an email."""
    return (event_ical_filename(event), build_calendar([event], None, event.title), "text/calendar")


def event_ical_response(event: EventPage, request: HttpRequest) -> HttpResponse:
    content = build_calendar([event], request, event.title)
    return ical_response(content, event_ical_filename(event))


def calendar_feed_response(index: EventIndexPage, request: HttpRequest) -> HttpResponse:
    from events.listing import upcoming_events

    events = upcoming_events().child_of(index)
    name = _("Kaz Asso – événements à venir")
    raw_theme = clean_param(request.GET.get("theme"))
    if raw_theme:
        theme = Theme.objects.filter(slug=raw_theme).first()
        if theme is None:
            raise Http404(_("Thème inconnu."))
        events = events.filter(themes=theme)
        name = f"{name} – {theme.name}"
    return ical_response(build_calendar(events[:500], request, name), "kazasso-evenements.ics")
