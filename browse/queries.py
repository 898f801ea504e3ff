"""Queries behind the tag and theme pages, their feeds and the sitemap, in one place.

Every helper here returns only live, public content (through the catalogue, or
`live_fiches()` and `live_events()` for feeds) and runs a fixed number of queries, whatever
the number of tags or pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest
from django.utils.text import get_text_list
from django.utils.translation import gettext, ngettext
from taggit.models import Tag

from events import clock
from events.listing import PAST, event_cards, live_events, upcoming_events
from events.models import EventPage
from fiches.listing import fiche_cards, live_fiches
from fiches.models import FichePage
from site_kazasso.text import fold
from taxonomy.cards import Cards, split
from taxonomy.catalogue import catalogue
from taxonomy.facets import clean_param
from taxonomy.models import Theme

FICHES_SHOWN = 12
EVENTS_SHOWN = 6
MOST_USED = 12
FEED_ITEMS = 20
SLUG_MAX_LENGTH = 100  # both Tag.slug and Theme.slug are shorter; longer is certainly unknown


def query_string(**params: str) -> str:
    """`?a=b&c=d` with spaces as %20, like the `urlencode` filter of the page templates."""
    return "?" + urlencode(params, quote_via=quote)


# Tags ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TagUsage:
    """A tag with the number of live fiches and live events carrying it."""

    pk: int
    name: str
    slug: str
    fiche_count: int = 0
    event_count: int = 0

    @property
    def total(self) -> int:
        return self.fiche_count + self.event_count

    @property
    def url(self) -> str | None:
        """None for the rare tag whose name slugifies to nothing (e.g. only punctuation)."""
        return f"/tags/{self.slug}/" if self.slug else None

    @property
    def sort_key(self) -> tuple[str, str]:
        return fold(self.name), self.name

    @property
    def initial(self) -> str:
        first = fold(self.name)[:1].upper()
        return first if first.isalpha() else "#"


def public_tags() -> dict[int, TagUsage]:
    """The tags the public site shows: carried by at least one live, public fiche or event.

    The single rule behind /tags/, /tags/<slug>/, their feeds and the sitemap: a tag only
    drafts or restricted pages carry stays unknown to readers (its name is not public yet).
    """
    cat = catalogue()
    fiche_counts = cat.fiches.counts("tag", cat.fiches.all)
    event_counts = cat.events.counts("tag", cat.events.all)
    return {
        pk: TagUsage(
            pk, *cat.tags[pk], fiche_count=fiche_counts.get(pk, 0), event_count=event_counts.get(pk, 0)
        )
        for pk in fiche_counts.keys() | event_counts.keys()
    }


def used_tags() -> list[TagUsage]:
    """The public tags in alphabetical order (accents ignored)."""
    return sorted(public_tags().values(), key=lambda t: t.sort_key)


def filter_tags(tags: list[TagUsage], raw_query: str | None) -> list[TagUsage]:
    """Tags whose name contains the query, ignoring case and accents."""
    needle = fold(clean_param(raw_query))
    if not needle:
        return tags
    return [tag for tag in tags if needle in fold(tag.name)]


def most_used(tags: list[TagUsage], limit: int = MOST_USED) -> list[TagUsage]:
    return sorted(tags, key=lambda t: (-t.total, t.sort_key))[:limit]


def group_by_initial(tags: list[TagUsage]) -> list[tuple[str, list[TagUsage]]]:
    """[(letter, tags)] for an A–Z index; tags must already be sorted."""
    groups: dict[str, list[TagUsage]] = {}
    for tag in tags:
        groups.setdefault(tag.initial, []).append(tag)
    return sorted(groups.items(), key=lambda item: (item[0] == "#", item[0]))


def get_object_by_slug(queryset: QuerySet, slug: str) -> Any:
    """The object with this slug, or 404: the single lookup of tag and theme pages and feeds."""
    obj = queryset.filter(slug=slug).first() if 0 < len(slug) <= SLUG_MAX_LENGTH else None
    if obj is None:
        raise Http404
    return obj


def get_tag(slug: str) -> Tag:
    """A public tag (see `public_tags`) or 404."""
    return get_object_by_slug(Tag.objects.filter(pk__in=public_tags().keys()), slug)


def get_theme(slug: str) -> Theme:
    return get_object_by_slug(Theme.objects.all(), slug)


# What a tag or theme page shows ---------------------------------------------------------------


@dataclass
class BrowseContent:
    """The first fiches, upcoming and past events of a tag or theme, with totals and full-list links."""

    fiches: Cards
    fiche_count: int
    upcoming: Cards
    upcoming_count: int
    past: Cards
    past_count: int
    fiches_url: str
    upcoming_url: str
    past_url: str

    @property
    def is_empty(self) -> bool:
        return not (self.fiche_count or self.upcoming_count or self.past_count)

    @property
    def summary(self) -> str:
        """« 1 ressource, 2 événements à venir et 1 événement passé », zero parts left out."""
        counted = [
            (self.fiche_count, ngettext("%(n)s ressource", "%(n)s ressources", self.fiche_count)),
            (
                self.upcoming_count,
                ngettext("%(n)s événement à venir", "%(n)s événements à venir", self.upcoming_count),
            ),
            (self.past_count, ngettext("%(n)s événement passé", "%(n)s événements passés", self.past_count)),
        ]
        parts = [phrase % {"n": n} for n, phrase in counted if n]
        return get_text_list(parts, gettext("et"))


def browse_content(
    *,
    dimension: str,
    key: Any,
    param: str,
    value: str,
    now: dt.datetime | None = None,
    request: HttpRequest | None = None,
) -> BrowseContent:
    """Live content carrying catalogue value `key`, and links to the listings filtered by `param=value`."""
    cat = catalogue()
    fiches = cat.fiches.mask(dimension, key)
    carrying = cat.events.mask(dimension, key)
    not_over = cat.events.at_least("end", now or clock.now())
    upcoming, past = carrying & not_over, carrying & ~not_over
    upcoming_ids = cat.events.ordered(upcoming)[:EVENTS_SHOWN]
    past_ids = cat.events.ordered(past, reverse=True)[:EVENTS_SHOWN]
    upcoming_cards, past_cards = split(event_cards(upcoming_ids + past_ids, request), upcoming_ids, past_ids)
    return BrowseContent(
        fiches=fiche_cards(cat.fiches.ordered(fiches)[:FICHES_SHOWN]),
        fiche_count=fiches.bit_count(),
        upcoming=upcoming_cards,
        upcoming_count=upcoming.bit_count(),
        past=past_cards,
        past_count=past.bit_count(),
        fiches_url="/ressources/" + query_string(**{param: value}),
        upcoming_url="/evenements/" + query_string(**{param: value}),
        past_url="/evenements/" + query_string(periode=PAST, **{param: value}),
    )


def tag_content(
    tag: Tag, now: dt.datetime | None = None, request: HttpRequest | None = None
) -> BrowseContent:
    """Listings take the tag by name (`tagged_with`, the RNMA convention), not by slug."""
    return browse_content(
        dimension="tag", key=tag.pk, param="tagged_with", value=tag.name, now=now, request=request
    )


def theme_content(
    theme: Theme, now: dt.datetime | None = None, request: HttpRequest | None = None
) -> BrowseContent:
    return browse_content(
        dimension="theme", key=theme.pk, param="theme", value=theme.slug, now=now, request=request
    )


# Feeds ----------------------------------------------------------------------------------------


def _feed_data(queryset: QuerySet) -> QuerySet:
    """What a feed item shows of a fiche or an event: structure, themes and tags, not the body."""
    return (
        queryset.defer("body")
        .select_related("structure")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("order", "name")), "tags")
    )


def feed_fiches(**lookup: Any) -> list[FichePage]:
    """The latest live fiches with what a feed item shows."""
    return list(_feed_data(live_fiches().filter(**lookup))[:FEED_ITEMS])


def feed_upcoming_events() -> list[EventPage]:
    """The next live events, soonest first."""
    return list(_feed_data(upcoming_events())[:FEED_ITEMS])


def feed_latest_content(**lookup: Any) -> list[FichePage | EventPage]:
    """Latest published fiches and events together (past events too), newest publication first."""
    events = live_events().filter(**lookup).order_by("-first_published_at", "-pk")
    pages: list[FichePage | EventPage] = [
        *feed_fiches(**lookup),
        *_feed_data(events)[:FEED_ITEMS],
    ]
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    pages.sort(key=lambda p: (p.first_published_at or epoch, p.pk), reverse=True)
    return pages[:FEED_ITEMS]
