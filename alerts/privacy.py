"""Alert subscriptions as a source of personal data (site_kazasso/privacy): find, export, erase.

A subscription is nothing but its person's address and choices: erasing deletes it. Unconfirmed
ones are already erased by `send_alerts` after KAZASSO_ALERTS_UNCONFIRMED_DAYS; confirmed ones
last until their one-click unsubscribe.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alerts.models import Subscription

KEY = "alertes"  # the source's identifier in the registry and the export files
LABEL = gettext_lazy("Abonnements aux alertes")


def find(email: str) -> QuerySet[Subscription]:
    return Subscription.objects.filter(email__iexact=email).prefetch_related("themes", "tags", "structures")


def names(related: Any) -> str:
    return ", ".join(sorted(str(item) for item in related.all()))


def export(subscription: Subscription) -> dict[str, Any]:
    return {
        "courriel": subscription.email,
        "toutes les nouveautés": subscription.everything,
        "thèmes": names(subscription.themes),
        "mots-clés": names(subscription.tags),
        "structures": names(subscription.structures),
        "formats d'événement": ", ".join(subscription.formats),
        "fréquence": subscription.get_frequency_display(),
        "demandé le": subscription.created_at,
        "consentement accepté": subscription.consent_text,
        "consentement donné le": subscription.consent_at,
        "confirmé le": subscription.confirmed_at,
        "dernier envoi": subscription.last_sent_at,
    }


def erase(subscriptions: list[Subscription]) -> int:
    deleted = [subscription.pk for subscription in subscriptions]
    Subscription.objects.filter(pk__in=deleted).delete()
    return len(deleted)


def describe_retention() -> str:
    days = settings.KAZASSO_ALERTS_UNCONFIRMED_DAYS
    return _("jusqu'au désabonnement ; non confirmés : effacés après %(days)s jours") % {"days": days}
