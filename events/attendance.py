"""Attendance rules: who may be marked, the half-days of the sign-in sheet, certificate links.

The marks are the only source of the attendance count (`EventPage.attendance`); they survive the
erasure of a registration's personal data as statistics. Certificate links are signed, salted
and name both the registration and its event.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events import clock, emails
from events.models import PERSONAL_DATA_ERASED, EventPage, Registration
from events.services import url_token, url_token_value
from site_kazasso import content_version
from site_kazasso.typography import fr_date

CERTIFICATE_SALT = "events.attendance.certificate"
NOON = dt.time(12, 0)


# Who appears where ---------------------------------------------------------------------------


def confirmed_registrations(event: EventPage) -> QuerySet[Registration]:
    """The registrations a sheet lists and the admin marks: confirmed ones, in arrival order."""
    return event.registrations.filter(status=Registration.Status.CONFIRMED).order_by("created_at", "pk")


def sheet_order(registrations: Iterable[Registration]) -> list[Registration]:
    """Alphabetical by association then name, as people look for their line on paper."""
    return sorted(registrations, key=lambda r: (r.association_name.casefold(), r.contact_name.casefold()))


# Days and half-days --------------------------------------------------------------------------


@dataclass(frozen=True)
class HalfDay:
    day: dt.date
    afternoon: bool

    @property
    def label(self) -> str:
        part = _("après-midi") if self.afternoon else _("matin")
        return f"{date_format(self.day, 'l j/m')} {part}"


def local_span(event: EventPage) -> tuple[dt.datetime, dt.datetime]:
    return timezone.localtime(event.start), timezone.localtime(event.end)


def event_days(event: EventPage) -> list[dt.date]:
    """Each calendar day (La Réunion time) the event runs on."""
    start, end = local_span(event)
    last = (end - dt.timedelta(microseconds=1)).date() if end.time() == dt.time(0) else end.date()
    return [start.date() + dt.timedelta(days=n) for n in range((last - start.date()).days + 1)]


def is_multi_day(event: EventPage) -> bool:
    return len(event_days(event)) > 1


def half_days(event: EventPage) -> list[HalfDay]:
    """The morning and afternoon of each day that the event covers at least in part."""
    start, end = local_span(event)
    tz = start.tzinfo
    found = []
    for day in event_days(event):
        noon = dt.datetime.combine(day, NOON, tzinfo=tz)
        midnight = dt.datetime.combine(day, dt.time(0), tzinfo=tz)
        if start < noon and end > midnight:
            found.append(HalfDay(day, afternoon=False))
        if end > noon and start < midnight + dt.timedelta(days=1):
            found.append(HalfDay(day, afternoon=True))
    return found


def dates_text(event: EventPage) -> str:
    """« le lundi 3 mars 2030, de 9 h 00 à 12 h 30 » or « du lundi 3 mars au mardi 4 mars 2030 »."""
    start, end = local_span(event)
    if not is_multi_day(event):
        return _("le %(day)s, de %(start)s à %(end)s") % {
            "day": fr_date(start, "l j F Y"),
            "start": clock_text(start),
            "end": clock_text(end),
        }
    return _("du %(first)s au %(last)s") % {
        "first": fr_date(start, "l j F Y" if start.year != end.year else "l j F"),
        "last": fr_date(event_days(event)[-1], "l j F Y"),
    }


def clock_text(moment: dt.datetime) -> str:
    """« 9 h 05 », with the no-break spaces of French typography."""
    return f"{moment.hour}\N{NO-BREAK SPACE}h\N{NO-BREAK SPACE}{moment.minute:02d}"


def duration_text(event: EventPage) -> str:
    """« 3 h 30 » for one day, « 2 jours » over several."""
    if is_multi_day(event):
        count = len(event_days(event))
        return _("%(count)s jours") % {"count": count}
    minutes = int((event.end - event.start).total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)s minutes") % {"minutes": rest}
    return (
        f"{hours}\N{NO-BREAK SPACE}h\N{NO-BREAK SPACE}{rest:02d}" if rest else f"{hours}\N{NO-BREAK SPACE}h"
    )


def organisers_text(event: EventPage) -> str:
    return ", ".join(structure.name for structure in event.organisers.order_by("name"))


# Marks ---------------------------------------------------------------------------------------

MARKS_TOO_EARLY = gettext_lazy(
    "L'événement n'a pas commencé : les présences se notent à partir de son début."
)


def marking_refusal(event: EventPage) -> str | None:
    if clock.now() < event.start:
        return str(MARKS_TOO_EARLY)
    return None


def mark_attendance(event: EventPage, present_ids: Iterable[int]) -> int:
    """Save the whole list of marks in one go; returns how many are present now.

    Only confirmed registrations whose personal data is still there change: an erased one keeps
    its mark as a statistic. The event page's count follows on its next view (seat version).
    """
    wanted = set(present_ids)
    now = clock.now()
    with transaction.atomic():
        editable = confirmed_registrations(event).exclude(PERSONAL_DATA_ERASED)
        ids = set(editable.values_list("pk", flat=True))
        editable.filter(pk__in=ids & wanted, attended=False).update(attended=True, attendance_marked_at=now)
        editable.filter(pk__in=ids - wanted, attended=True).update(attended=False, attendance_marked_at=now)
        content_version.seats_changed(event.pk)  # the past event's page shows the count
    return event.attendance() or 0


# Certificates --------------------------------------------------------------------------------


def certificate_token(registration: Registration) -> str:
    return url_token({"r": registration.pk, "e": registration.event_id}, CERTIFICATE_SALT)


class CertificateRefused(Exception):
    """A certificate link that gives no certificate: the French reason and the HTTP status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


def certificate_registration(event: EventPage, token: str) -> Registration:
    """The attendee a certificate link names, or CertificateRefused saying why not."""
    value = url_token_value(token, CERTIFICATE_SALT)
    if (
        not isinstance(value, dict)
        or not isinstance(value.get("r"), int)
        or not isinstance(value.get("e"), int)
    ):
        raise CertificateRefused(
            _(
                "Ce lien d'attestation n'est pas valide. Vérifiez qu'il est complet, tel que reçu "
                "dans le courriel."
            ),
            400,
        )
    registration = Registration.objects.filter(pk=value["r"], event_id=event.pk).first()
    if value["e"] != event.pk or registration is None:
        raise CertificateRefused(_("Ce lien d'attestation ne correspond pas à cet événement."), 404)
    if registration.personal_data_erased:
        raise CertificateRefused(
            _(
                "Les données personnelles de cette inscription ont été effacées à la fin de leur "
                "durée de conservation : l'attestation ne peut plus être établie. Contactez la "
                "structure organisatrice si vous en avez besoin."
            ),
            410,
        )
    if registration.status != Registration.Status.CONFIRMED or not registration.attended:
        raise CertificateRefused(
            _(
                "Aucune présence n'est enregistrée pour cette inscription : l'attestation est "
                "délivrée aux seules personnes présentes. Contactez la structure organisatrice en "
                "cas d'erreur."
            ),
            403,
        )
    return registration


CERTIFICATES_TOO_EARLY = gettext_lazy("Les attestations s'envoient une fois l'événement terminé.")


def send_certificates(event: EventPage, request: HttpRequest | None = None) -> int:
    """Email each attendee their certificate link, once: a conditional update claims each one."""
    if not event.is_past(clock.now()):
        raise CertificateRefused(str(CERTIFICATES_TOO_EARLY), 400)
    attendees = (
        confirmed_registrations(event)
        .filter(attended=True, certificate_sent_at__isnull=True)
        .exclude(PERSONAL_DATA_ERASED)
    )
    sent = 0
    for registration in attendees:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, certificate_sent_at__isnull=True
            ).update(certificate_sent_at=clock.now())
            if claimed:
                emails.send_certificate(registration, certificate_token(registration), request)
                sent += 1
    return sent
