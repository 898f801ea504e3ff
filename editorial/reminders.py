"""Reminders for late review steps, sent by `send_review_reminders` (cron, working days).

A step late by one working day is reminded to whoever claimed it (to every eligible reviewer
when nobody did); KAZASSO_REVIEW_REMINDER_INTERVAL working days later, to every eligible
reviewer; as many days later again, the coordination is told. A ReviewReminder row per
(step, level), written in the same transaction as the email, means no reminder goes twice.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import TaskState

from editorial.claims import (
    claim_of,
    editorial_task,
    mail_context,
    page_of,
    reassign_choices,
    working_days_late,
)
from editorial.models import ReviewReminder
from editorial.notifications import send_each
from members.roles import COORDINATION_GROUP

Level = ReviewReminder.Level

SUBJECTS = {
    Level.CLAIMANT: "Relecture en retard : « {title} »",
    Level.REVIEWERS: "Relecture en retard, qui peut s'en occuper ? « {title} »",
    Level.COORDINATION: "Relecture bloquée : « {title} »",
}


def interval() -> int:
    return max(int(getattr(settings, "KAZASSO_REVIEW_REMINDER_INTERVAL", 2)), 1)


def due_levels(task_state: TaskState, today: dt.date) -> list[int]:
    late = working_days_late(task_state, today)
    thresholds = {Level.CLAIMANT: 1, Level.REVIEWERS: 1 + interval(), Level.COORDINATION: 1 + 2 * interval()}
    return [level for level, threshold in thresholds.items() if late >= threshold]


def coordination_addresses() -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=COORDINATION_GROUP).exclude(email="")
    return list(users.values_list("email", flat=True).distinct())


def recipients(task_state: TaskState, level: int) -> list[str]:
    if level == Level.COORDINATION:
        return coordination_addresses()
    claim = claim_of(task_state)
    if level == Level.CLAIMANT and claim is not None:
        return [claim.user.email] if claim.user.is_active and claim.user.email else []
    return [user.email for user in reassign_choices(task_state)]


def send_due_reminders(today: dt.date | None = None) -> list[ReviewReminder]:
    """Send every reminder that is due and was not sent yet; the rows written, in order."""
    today = today or timezone.localdate()
    sent = []
    states = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).select_related("task")
    for task_state in states.order_by("started_at", "pk"):
        if editorial_task(task_state) is None:
            continue
        done = set(task_state.review_reminders.values_list("level", flat=True))
        for level in due_levels(task_state, today):
            if level not in done and (row := send_reminder(task_state, level, today)):
                sent.append(row)
    return sent


def send_reminder(task_state: TaskState, level: int, today: dt.date) -> ReviewReminder | None:
    """The row and the emails commit together; a concurrent run loses on the unique constraint."""
    addresses = recipients(task_state, level)
    try:
        with transaction.atomic():
            row = ReviewReminder.objects.create(
                task_state=task_state, level=level, recipient_count=len(addresses)
            )
            context = {
                **mail_context(task_state),
                "level": level,
                "late": working_days_late(task_state, today),
            }
            subject = SUBJECTS[level].format(title=page_of(task_state).title)
            send_each("review_reminder", subject, addresses, context)
    except IntegrityError:
        return None
    return row
