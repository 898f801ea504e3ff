"""Emails that follow a registration in time: the reminder before the event, the replay after it.

Each one is claimed by a conditional UPDATE of its marker (`reminder_sent_at`, `followup_sent_at`)
in the transaction that queues the email in the outbox (site_kazasso/outbox): a registration gets
it once, however many workers run, and a mail server failure is retried by send_outbox, not lost.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction

from events import clock, emails
from events.models import EventPage, Registration

logger = logging.getLogger(__name__)

Status = Registration.Status
# The longest reminder offset an event may choose (EventPage.reminder_hours).
MAX_REMINDER_HOURS = 168
# Replays and documents added to an event ended longer ago than this are not emailed: an old
# archive filled in years later (or demo content) must not write to past registrants.
FOLLOWUP_DAYS = 60


def send_once(pk: int, marker: str, statuses: Iterable[str], send: Callable[[Registration], Any]) -> bool:
    """Claim the registration's marker, queue its email, both in one transaction; False if taken."""
    with transaction.atomic():
        claimed = Registration.objects.filter(
            pk=pk, status__in=list(statuses), **{f"{marker}__isnull": True}
        ).update(**{marker: clock.now()})
        if not claimed:
            return False
        send(Registration.objects.select_related("event").get(pk=pk))
    return True


def reminder_due_at(event: EventPage) -> dt.datetime:
    return event.start - dt.timedelta(hours=event.reminder_hours)


def send_due_reminders(now: dt.datetime | None = None) -> int:
    """Remind the confirmed registrants of events whose reminder time has come; how many were sent.

    Not before the event's `reminder_hours`, never once it has started, never to a cancelled or
    waiting registration, nor to one made after the reminder time (its confirmation just said it all).
    """
    now = now or clock.now()
    events = EventPage.objects.live().filter(
        start__gt=now, start__lte=now + dt.timedelta(hours=MAX_REMINDER_HOURS)
    )
    sent = 0
    for event in events.only("pk", "start", "reminder_hours"):
        due_at = reminder_due_at(event)
        if now < due_at:
            continue
        pending = event.registrations.filter(
            status=Status.CONFIRMED, reminder_sent_at__isnull=True, created_at__lt=due_at
        )
        for pk in pending.values_list("pk", flat=True):
            sent += send_once(pk, "reminder_sent_at", [Status.CONFIRMED], emails.send_reminder)
    return sent


def has_followup(event: EventPage) -> bool:
    return bool(event.replay_url or len(event.resources))


def followup_statuses(event: EventPage) -> list[str]:
    return [Status.CONFIRMED, Status.WAITING] if event.followup_to_waitlist else [Status.CONFIRMED]


def send_followups(event: EventPage, now: dt.datetime | None = None) -> int:
    """Email the replay and documents of a live, ended event to its registrants not yet sent them.

    Confirmed registrants, and the waiting list when the event says so; never cancelled ones.
    """
    now = now or clock.now()
    if not event.live or not event.is_past(now) or event.end < now - dt.timedelta(days=FOLLOWUP_DAYS):
        return 0
    if not has_followup(event):
        return 0
    statuses = followup_statuses(event)
    pending = event.registrations.filter(status__in=statuses, followup_sent_at__isnull=True)
    pks = list(pending.values_list("pk", flat=True))
    if not pks:
        return 0
    documents = emails.followup_documents(event)
    fiche = event.restitution
    restitution = fiche.get_full_url() if fiche is not None and fiche.live else ""
    sent = 0
    for pk in pks:
        sent += send_once(
            pk,
            "followup_sent_at",
            statuses,
            lambda registration: emails.send_followup(registration, documents, restitution),
        )
    return sent


def send_due_followups(now: dt.datetime | None = None) -> int:
    """What publishing missed (an event published with its replay before it ended, a failure)."""
    now = now or clock.now()
    events = EventPage.objects.live().filter(
        end__lt=now,
        end__gte=now - dt.timedelta(days=FOLLOWUP_DAYS),
        registrations__followup_sent_at__isnull=True,
        registrations__status__in=[Status.CONFIRMED, Status.WAITING],
    )
    return sum(send_followups(event, now) for event in events.distinct())


def followup_on_publish(sender: Any, instance: EventPage, **kwargs: Any) -> None:
    """page_published: an ended event published with its replay or documents emails them now.

    A failure is logged, never stops the publication: the cron command sends them later.
    """
    try:
        send_followups(instance)
    except Exception:  # noqa: BLE001 - the publication must go through; send_event_reminders retries
        logger.exception("Courriels du replay de l'événement %s non envoyés.", instance.pk)
