"""RSS 2.0 and Atom feeds under /flux/: latest fiches, per theme, per tag, upcoming events.

Items carry the title, chapô, page URL, dates, structure and themes of live, public pages
only; an event's video-conference link is never read here (it goes to registrants only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.dateformat import format as dateformat
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from taggit.models import Tag

from browse.queries import (
    feed_fiches,
    feed_latest_content,
    feed_upcoming_events,
    get_tag,
    get_theme,
)
from events.models import EventPage
from fiches.models import FichePage
from site_kazasso.typography import fr_date
from taxonomy.models import Theme

REUNION = ZoneInfo(settings.TIME_ZONE)  # the site's zone, La Réunion, whatever the server's

Item = FichePage | EventPage


@dataclass
class FeedSource:
    """What one request of a feed is about; Feed instances are shared, so state lives here."""

    request: HttpRequest
    subject: Theme | Tag | None = None


TIME = "G\\hi"


def french_date(moment: dt.datetime) -> str:
    """« 1er juin 2030 », « 12 mars 2030 »: French writes the first day of a month as an ordinal."""
    return fr_date(moment, "j F Y")


def event_when(event: EventPage) -> str:
    """« mardi 12 mars 2030, 9h00–11h00 », in La Réunion's time whatever the server's zone."""
    start, end = event.start.astimezone(REUNION), event.end.astimezone(REUNION)
    starts = f"{dateformat(start, 'l')} {french_date(start)}, {dateformat(start, TIME)}"
    if start.date() == end.date():
        return f"{starts}–{dateformat(end, TIME)}"
    return f"{starts} – {dateformat(end, 'l')} {french_date(end)}, {dateformat(end, TIME)}"


class PageFeed(Feed):
    """Item rendering shared by every feed: fiches and events, in French; RSS 2.0, or Atom."""

    language = "fr"
    title_format: str  # with %(site)s, and %(name)s for a theme's or a tag's feed

    def __init__(self, atom: bool = False) -> None:
        if atom:
            self.feed_type = Atom1Feed

    @classmethod
    def title_for(cls, subject: Theme | Tag | None = None) -> str:
        """The feed's title, which the pages that announce the feed also give."""
        return cls.title_format % {"site": settings.WAGTAIL_SITE_NAME, "name": getattr(subject, "name", "")}

    def title(self, source: FeedSource) -> str:
        return self.title_for(source.subject)

    def subtitle(self, source: FeedSource) -> str:
        """Atom's subtitle (RSS has none)."""
        return self.description(source)

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FeedSource:
        return FeedSource(request=request)

    def get_items(self, source: FeedSource) -> list[Item]:
        raise NotImplementedError

    def items(self, source: FeedSource) -> list[Item]:
        """Full URLs computed here, where the request is known (cached site root paths)."""
        pages = self.get_items(source)
        for page in pages:
            page.feed_link = page.get_full_url(source.request)
        return pages

    def item_title(self, item: Item) -> str:
        if isinstance(item, EventPage):
            return f"{item.title} ({french_date(item.start.astimezone(REUNION))})"
        return item.title

    def item_description(self, item: Item) -> str:
        if isinstance(item, EventPage):
            return _("%(kind)s le %(when)s (heure de La Réunion). %(chapo)s") % {
                "kind": item.get_format_display(),
                "when": event_when(item),
                "chapo": item.chapo,
            }
        return item.chapo

    def item_link(self, item: Item) -> str:
        return item.feed_link

    def item_pubdate(self, item: Item) -> Any:
        return item.first_published_at

    def item_updateddate(self, item: Item) -> Any:
        return item.last_published_at or item.first_published_at

    def item_author_name(self, item: Item) -> str:
        return item.structure.name

    def item_categories(self, item: Item) -> list[str]:
        return [theme.name for theme in item.themes.all()] + [tag.name for tag in item.tags.all()]


class LatestFichesFeed(PageFeed):
    title_format = gettext_lazy("%(site)s – dernières ressources")
    link = "/ressources/"

    def description(self, source: FeedSource) -> str:
        return _(
            "Les dernières fiches pratiques, guides et témoignages publiés par les structures "
            "d'accompagnement de la vie associative à La Réunion."
        )

    def get_items(self, source: FeedSource) -> list[Item]:
        return feed_fiches()


class UpcomingEventsFeed(PageFeed):
    title_format = gettext_lazy("%(site)s – événements à venir")
    link = "/evenements/"

    def description(self, source: FeedSource) -> str:
        return _("Les prochains webinaires, rencontres et ateliers pour les associations de La Réunion.")

    def get_items(self, source: FeedSource) -> list[Item]:
        return feed_upcoming_events()


class SubjectFeed(PageFeed):
    """Latest fiches and events on one theme or one tag, taken by the slug of the URL."""

    kind: str  # "theme" or "tag": names the subject's page, browse:<kind>_detail
    lookup: str  # how fiches and events point at the subject
    about: str  # the description when the subject has none, with %(name)s

    @staticmethod
    def get_subject(slug: str) -> Theme | Tag:
        raise NotImplementedError

    def get_object(self, request: HttpRequest, slug: str) -> FeedSource:
        return FeedSource(request=request, subject=self.get_subject(slug))

    def link(self, source: FeedSource) -> str:
        return reverse(f"browse:{self.kind}_detail", args=[source.subject.slug])

    def description(self, source: FeedSource) -> str:
        default = self.about % {"name": source.subject.name}
        return getattr(source.subject, "description", "") or default

    def get_items(self, source: FeedSource) -> list[Item]:
        return feed_latest_content(**{self.lookup: source.subject})


class ThemeFeed(SubjectFeed):
    kind, lookup, get_subject = "theme", "themes", staticmethod(get_theme)
    title_format = gettext_lazy("%(site)s – thème « %(name)s »")
    about = gettext_lazy(
        "Les dernières ressources et les derniers événements publiés sur le thème « %(name)s »."
    )


class TagFeed(SubjectFeed):
    kind, lookup, get_subject = "tag", "tagged_items__tag", staticmethod(get_tag)
    title_format = gettext_lazy("%(site)s – mot-clé « %(name)s »")
    about = gettext_lazy(
        "Les dernières ressources et les derniers événements publiés avec le mot-clé « %(name)s »."
    )
