"""The one place events ask for the current time, so tests can move it."""

import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    return timezone.now()
