"""Fiches à revoir: which published fiches have gone unchecked for FRESHNESS_MONTHS, and since when.

The report in the admin and the monthly digest both ask this one question, so the rule lives here.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.db.models import DateField, QuerySet
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from fiches.listing import live_fiches

if TYPE_CHECKING:
    from fiches.models import FichePage
    from members.models import Structure

FRESHNESS_MONTHS = 12  # a fiche is due for review this many months after it was last checked


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` months earlier; a day the target month lacks (29 February, 31 April)
    falls back to that month's last day."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last_day))


def freshness_limit(today: dt.date | None = None) -> dt.date:
    """The latest "checked on" date that makes a fiche due for review on `today`."""
    return months_before(today or timezone.localdate(), FRESHNESS_MONTHS)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from `start` to `end` (10 March → 9 May is 1 month, → 10 May is 2)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def stale_fiches(
    structures: QuerySet[Structure] | Iterable[Structure] | None = None,
    today: dt.date | None = None,
) -> QuerySet[FichePage]:
    """Live fiches whose content has not been checked for FRESHNESS_MONTHS or more, oldest first.

    A fiche is checked on its "à jour au" date (`updated_on`); when that date is empty, on the
    local date of its first publication. It is due for review from the same day FRESHNESS_MONTHS
    later (with 12: checked on 10 March 2024, due on 10 March 2025, not on 9 March; checked on
    29 February 2024, due on 1 March 2025). Each fiche is annotated with `checked_on`, the date
    the rule used.
    `structures` limits the result to these structures' fiches (None: every structure).
    """
    fiches = (
        live_fiches()
        .annotate(
            checked_on=Coalesce("updated_on", TruncDate("first_published_at"), output_field=DateField())
        )
        .filter(checked_on__lte=freshness_limit(today))
        .select_related("structure")
        .order_by("checked_on", "title", "pk")
    )
    if structures is not None:
        fiches = fiches.filter(structure__in=structures)
    return fiches
