"""The signed links of a subscription: confirm it, manage it, leave it. No account needed.

A token signs the subscription's id and its key (models.Subscription.key) with a salt per
purpose, so a link for one purpose never serves another, a tampered link fails its signature, and
a new key retires every link sent before. Confirmation links last
KAZASSO_ALERTS_CONFIRM_DAYS (the time an unconfirmed subscription is kept), the others
KAZASSO_ALERTS_LINK_DAYS: every email carries fresh ones.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing

from alerts.models import Subscription

CONFIRM, MANAGE = "confirm", "manage"


def max_age(purpose: str) -> dt.timedelta:
    days = (
        settings.KAZASSO_ALERTS_UNCONFIRMED_DAYS if purpose == CONFIRM else settings.KAZASSO_ALERTS_LINK_DAYS
    )
    return dt.timedelta(days=days)


def make(subscription: Subscription, purpose: str) -> str:
    return signing.dumps([subscription.pk, subscription.key], salt=f"alerts.{purpose}", compress=False)


def signed(token: str, purpose: str) -> tuple[int, str] | None:
    """(id, key) from a token of this purpose with a good signature and not expired; else None."""
    try:
        pk, key = signing.loads(token, salt=f"alerts.{purpose}", max_age=max_age(purpose))
    except (signing.BadSignature, ValueError, TypeError):  # expired is a BadSignature too
        return None
    return int(pk), str(key)


def read(token: str, purpose: str) -> Subscription | None:
    """The subscription a valid, unexpired token of this purpose names; None otherwise."""
    found = signed(token, purpose)
    return None if found is None else Subscription.objects.filter(pk=found[0], key=found[1]).first()
