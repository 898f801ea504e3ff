"""Registrations as a source of personal data (site_kazasso/privacy): find, export, erase, expire.

Erasing blanks who the person is (names, address, association, RNA number) and keeps what the
statistics count: seats, status, the event, dates and the consent version.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events import clock
from events.models import EventPage, Registration
from site_kazasso.privacy import retention

KEY = "inscriptions"  # the source's identifier in the registry and the export files
LABEL = gettext_lazy("Inscriptions aux événements")

PERSONAL_FIELDS = {"association_name": "", "rna_number": "", "contact_name": "", "email": ""}
Status = Registration.Status


def retention_dates(event: EventPage) -> tuple[dt.datetime, dt.datetime]:
    """When the data of this event's registrations is erased: (confirmed, cancelled or waiting)."""
    return (
        retention.after_months(event.end, retention.registration_months()),
        retention.after_months(event.end, retention.unconfirmed_months()),
    )


def find(email: str) -> QuerySet[Registration]:
    return Registration.objects.filter(email=email).select_related("event").order_by("created_at", "pk")


def export(registration: Registration) -> dict[str, Any]:
    return {
        "événement": registration.event.title,
        "date de l'événement": registration.event.start,
        "association": registration.association_name,
        "numéro RNA": registration.rna_number,
        "contact": registration.contact_name,
        "courriel": registration.email,
        "places": registration.seats,
        "statut": registration.get_status_display(),
        "inscrit le": registration.created_at,
        "consentement (version)": registration.consent_version.version
        if registration.consent_version
        else "",
        "consentement donné le": registration.consent_accepted_at,
    }


def erase(registrations: list[Registration]) -> int:
    """Blank them; a registration to an event still to come is cancelled first (seats freed, the
    waiting list moves up), without an email to the person who asked to be forgotten."""
    from events.services import cancel

    now = clock.now()
    for registration in registrations:
        if registration.status != Status.CANCELLED and not registration.event.is_past(now):
            cancel(registration, notify=False)
    pks = [registration.pk for registration in registrations]
    return Registration.objects.filter(pk__in=pks).update(**PERSONAL_FIELDS, personal_data_erased_at=now)


def expired(now: dt.datetime) -> QuerySet[Registration]:
    """Registrations whose event ended more than the retention period ago, not yet erased."""
    kept = retention.after_months(now, -retention.registration_months())
    kept_unconfirmed = retention.after_months(now, -retention.unconfirmed_months())
    return Registration.objects.filter(personal_data_erased_at__isnull=True).filter(
        Q(status=Status.CONFIRMED, event__end__lte=kept)
        | (~Q(status=Status.CONFIRMED) & Q(event__end__lte=kept_unconfirmed))
    )


def expire(now: dt.datetime, dry_run: bool) -> int:
    due = expired(now)
    if dry_run:
        return due.count()
    return due.update(**PERSONAL_FIELDS, personal_data_erased_at=now)


def describe_retention() -> str:
    return _(
        "%(months)s mois après la fin de l'événement ; inscriptions annulées ou restées en liste "
        "d'attente : %(short)s mois"
    ) % {"months": retention.registration_months(), "short": retention.unconfirmed_months()}
