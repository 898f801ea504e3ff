"""How long personal data is kept: the settings, read here and nowhere else (pages, admin, command)."""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings


def registration_months() -> int:
    """Confirmed registrations: months after their event ends (KAZASSO_RETENTION_MONTHS, 12)."""
    return int(getattr(settings, "KAZASSO_RETENTION_MONTHS", 12))


def unconfirmed_months() -> int:
    """Cancelled or waiting-list registrations: months after the event ends (shorter, 3)."""
    return int(getattr(settings, "KAZASSO_RETENTION_UNCONFIRMED_MONTHS", 3))


def outbox_days() -> int:
    """Sent emails are deleted by `send_outbox` after this many days."""
    return int(getattr(settings, "KAZASSO_OUTBOX_KEEP_DAYS", 30))


def after_months(moment: dt.datetime, months: int) -> dt.datetime:
    """`moment` plus whole calendar months (31 January + 1 month = 28 or 29 February)."""
    year, month = divmod(moment.month - 1 + months, 12)
    year += moment.year
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)
