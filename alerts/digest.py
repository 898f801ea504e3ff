"""Digests: what was published in a window, who it matches, the email that carries it.

One run (`send_due`, the send_alerts command) reads the new items once, then the due
subscriptions in batches; each digest is queued in the outbox in the same transaction that moves
its subscription's `covered_until`, so a crash between two batches resumes where it stopped and
no item reaches a person twice. The SQL cost per email is constant: a batch of subscriptions is
read with its choices in four queries whatever its size, and each email costs one INSERT and one
UPDATE.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from alerts import tokens
from alerts.models import Frequency, Subscription
from events.models import EventFormat, EventPage
from fiches.models import FichePage
from site_kazasso.outbox.mail import queue_mail

OTHER_GROUP = "Autres sujets"


@dataclass(frozen=True)
class Item:
    """A fiche published, or an event announced, as a digest shows and matches it."""

    kind: str  # "fiche" or "evenement"
    title: str
    url: str
    summary: str
    published_at: dt.datetime
    themes: tuple[tuple[int, str], ...]  # (id, name), in the themes' order
    tag_ids: frozenset[int]
    structure_ids: frozenset[int]
    format: str = ""
    start: dt.datetime | None = None
    format_label: str = ""


@dataclass
class Choices:
    """What one subscription follows, read once per batch."""

    everything: bool
    theme_ids: frozenset[int]
    tag_ids: frozenset[int]
    structure_ids: frozenset[int]
    formats: frozenset[str]

    @classmethod
    def of(cls, subscription: Subscription) -> Choices:
        return cls(
            everything=subscription.everything,
            theme_ids=frozenset(theme.pk for theme in subscription.themes.all()),
            tag_ids=frozenset(tag.pk for tag in subscription.tags.all()),
            structure_ids=frozenset(structure.pk for structure in subscription.structures.all()),
            formats=frozenset(subscription.formats or ()),
        )

    def matches(self, item: Item) -> bool:
        return (
            self.everything
            or any(theme_id in self.theme_ids for theme_id, _ in item.themes)
            or bool(item.tag_ids & self.tag_ids)
            or bool(item.structure_ids & self.structure_ids)
            or (item.kind == "evenement" and item.format in self.formats)
        )


@dataclass
class Group:
    title: str
    items: list[Item] = field(default_factory=list)


def item_of(page: FichePage | EventPage, kind: str, structure_ids: set[int], **extra: Any) -> Item:
    return Item(
        kind=kind,
        title=page.title,
        url=page.get_full_url(),
        summary=page.chapo,
        published_at=page.first_published_at,
        themes=tuple((theme.pk, theme.name) for theme in page.themes.all()),
        tag_ids=frozenset(tag.pk for tag in page.tags.all()),
        structure_ids=frozenset(structure_ids),
        **extra,
    )


def new_items(since: dt.datetime, until: dt.datetime) -> list[Item]:
    """Live public fiches and upcoming events first published in (since, until], newest first."""
    window = {"first_published_at__gt": since, "first_published_at__lte": until}
    fiches = FichePage.objects.live().public().filter(**window).prefetch_related("themes", "tags")
    found = [item_of(page, "fiche", {page.structure_id}) for page in fiches]
    events = (
        EventPage.objects.live()
        .public()
        .filter(**window, end__gte=until)
        .prefetch_related("themes", "tags", "organisers")
    )
    labels = dict(EventFormat.choices)
    found += [
        item_of(
            page,
            "evenement",
            {page.structure_id, *(structure.pk for structure in page.organisers.all())},
            format=page.format,
            start=page.start,
            format_label=str(labels.get(page.format, "")),
        )
        for page in events
    ]
    found.sort(key=lambda item: item.published_at, reverse=True)
    return found


def grouped(items: Iterable[Item], choices: Choices) -> list[Group]:
    """Items by theme: the first of the item's themes the person follows, else its first theme.
    The themes the person follows come first, then the others by name, "Autres sujets" last."""
    groups: dict[str, Group] = {}
    rank: dict[str, tuple[int, str]] = {}
    for item in items:
        followed = [theme for theme in item.themes if theme[0] in choices.theme_ids]
        theme_id, title = (followed or list(item.themes) or [(None, OTHER_GROUP)])[0]
        groups.setdefault(title, Group(title)).items.append(item)
        rank[title] = (0 if followed else 2 if theme_id is None else 1, title)
    return sorted(groups.values(), key=lambda group: rank[group.title])


def next_due(subscription: Subscription) -> dt.datetime | None:
    """When this subscription's next digest may go (None: not confirmed, never)."""
    if subscription.confirmed_at is None or subscription.covered_until is None:
        return None
    if subscription.frequency == Frequency.IMMEDIATE:
        return subscription.covered_until
    if subscription.frequency == Frequency.MONTHLY:
        return subscription.covered_until + relativedelta(months=1)
    return subscription.covered_until + dt.timedelta(days=7)


def site_root_url() -> str:
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else "http://localhost"


def links(subscription: Subscription, root_url: str) -> dict[str, str]:
    manage = tokens.make(subscription, tokens.MANAGE)
    return {
        "manage_url": root_url + reverse("alerts:manage", args=[manage]),
        "unsubscribe_url": root_url + reverse("alerts:unsubscribe", args=[manage]),
    }


def queue_digest(subscription: Subscription, groups: list[Group], root_url: str) -> None:
    """The digest email, HTML and plain text, with RFC 8058 one-click unsubscribe headers."""
    count = sum(len(group.items) for group in groups)
    context = {
        "subscription": subscription,
        "groups": groups,
        "count": count,
        "site_url": root_url,
        **links(subscription, root_url),
    }
    subject = (
        "Kaz Asso Ressources : 1 nouveauté" if count == 1 else f"Kaz Asso Ressources : {count} nouveautés"
    )
    queue_mail(
        subject,
        render_to_string("alerts/email/digest.txt", context),
        [subscription.email],
        html=render_to_string("alerts/email/digest.html", context),
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


@dataclass
class RunSummary:
    considered: int = 0
    sent: int = 0
    nothing_new: int = 0
    erased_unconfirmed: int = 0

    def __str__(self) -> str:
        return (
            f"{self.considered} abonnement(s) à échéance, {self.sent} courriel(s) mis en file, "
            f"{self.nothing_new} sans nouveauté, {self.erased_unconfirmed} abonnement(s) non "
            "confirmé(s) effacé(s)."
        )


def erase_unconfirmed(now: dt.datetime) -> int:
    cutoff = now - dt.timedelta(days=settings.KAZASSO_ALERTS_UNCONFIRMED_DAYS)
    erased, _ = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return erased


def send_due(
    now: dt.datetime | None = None,
    *,
    batch_size: int | None = None,
    pause: float | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> RunSummary:
    """Erase stale unconfirmed subscriptions, then send every due digest, batch by batch."""
    now = now or timezone.now()
    batch_size = batch_size or settings.KAZASSO_ALERTS_BATCH_SIZE
    pause = settings.KAZASSO_ALERTS_BATCH_PAUSE if pause is None else pause
    until = now - dt.timedelta(minutes=settings.KAZASSO_ALERTS_LAG_MINUTES)
    summary = RunSummary(erased_unconfirmed=erase_unconfirmed(now))
    confirmed = Subscription.objects.filter(confirmed_at__isnull=False, covered_until__lt=until)
    oldest = confirmed.order_by("covered_until").values_list("covered_until", flat=True).first()
    if oldest is None:
        return summary
    items = new_items(oldest, until)
    root_url = site_root_url()
    last_pk = 0
    while True:
        batch = list(
            confirmed.filter(pk__gt=last_pk)
            .order_by("pk")
            .prefetch_related("themes", "tags", "structures")[:batch_size]
        )
        if not batch:
            return summary
        last_pk = batch[-1].pk
        sent_in_batch = 0
        for subscription in batch:
            due = next_due(subscription)
            if due is None or due > now:
                continue
            summary.considered += 1
            sent_in_batch += send_one(subscription, items, until, root_url, summary)
        if sent_in_batch and pause:
            sleep(pause)


def send_one(
    subscription: Subscription, items: list[Item], until: dt.datetime, root_url: str, summary: RunSummary
) -> int:
    """One person's digest for (covered_until, until]: queued and marked in one transaction."""
    choices = Choices.of(subscription)
    since = subscription.covered_until
    matching = [item for item in items if since < item.published_at <= until and choices.matches(item)]
    with transaction.atomic():
        # The row is re-read under a lock: a concurrent run that already sent it moved the mark.
        moved = Subscription.objects.filter(pk=subscription.pk, covered_until=since)
        if matching:
            updated = moved.update(covered_until=until, last_sent_at=timezone.now())
        else:
            updated = moved.update(covered_until=until)
        if not updated:
            return 0
        if not matching:
            summary.nothing_new += 1
            return 0
        queue_digest(subscription, grouped(matching, choices), root_url)
    summary.sent += 1
    return 1
