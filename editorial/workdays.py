"""Working days in La Réunion: Monday to Friday, minus the public holidays of the island.

Review due dates and ages count these days only, so a page submitted on Friday evening is not
"late" on Monday morning. Holidays: the French national ones plus 20 December (abolition of
slavery, a public holiday in La Réunion only).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from dateutil.easter import easter

FIXED_HOLIDAYS = ((1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 20), (12, 25))


@cache
def holidays(year: int) -> frozenset[dt.date]:
    """Public holidays of La Réunion in `year` (Easter Monday, Ascension, Whit Monday move)."""
    sunday = easter(year)
    movable = {sunday + dt.timedelta(days=offset) for offset in (1, 39, 50)}
    return frozenset({dt.date(year, month, day) for month, day in FIXED_HOLIDAYS} | movable)


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The working day `days` working days after `start` (`start` itself need not be one)."""
    day = start
    remaining = max(days, 0)
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when `end` is not later)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_working_day(day)
    return count
