"""Registration rules: seats, waiting list, duplicates, cancellation and promotion.

Every change of seats happens inside a transaction holding a lock on the event row
(SELECT … FOR UPDATE on PostgreSQL; SQLite serialises writers), so concurrent requests
can never confirm more seats than the event has.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events import clock, emails
from events.models import EventPage, Registration, rna_validator
from site_kazasso.privacy.models import ConsentText

CANCEL_SALT = "events.registration.cancel"
CONFIRMATION_SALT = "events.registration.confirmation"

STATE_MESSAGES = {
    "disabled": gettext_lazy("Les inscriptions ne se font pas sur ce site pour cet événement."),
    "past": gettext_lazy("Cet événement a déjà commencé ou est terminé : les inscriptions sont closes."),
    "not_open": gettext_lazy("Les inscriptions ne sont pas encore ouvertes."),
    "closed": gettext_lazy("Les inscriptions sont closes."),
    "full": gettext_lazy("Cet événement est complet et n'a pas de liste d'attente."),
}


class RegistrationRefused(Exception):
    """The event does not take this registration; the message says why, in French."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


@dataclass
class RegistrationData:
    association_name: str
    contact_name: str
    email: str
    seats: int
    consent: bool
    rna_number: str = ""
    consent_version: ConsentText | None = None  # the text shown with the checkbox; else the current one


def _locked_event(event_id: int) -> EventPage:
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)


def register(event: EventPage, data: RegistrationData, request: HttpRequest | None = None) -> Registration:
    """Confirm the seats if they fit, else put the registration on the waiting list, else refuse."""
    email = data.email.strip().lower()
    if not data.consent:
        raise RegistrationRefused(
            _("Votre accord sur l'utilisation de vos données est nécessaire."), "consent"
        )
    try:
        with transaction.atomic():
            locked = _locked_event(event.pk)
            state = locked.registration_state(clock.now())
            if state in STATE_MESSAGES:
                raise RegistrationRefused(STATE_MESSAGES[state])
            if not 1 <= data.seats <= locked.max_seats_per_registration:
                raise RegistrationRefused(
                    _("Choisissez entre 1 et %(max)s places.") % {"max": locked.max_seats_per_registration},
                    "seats",
                )
            active = Registration.objects.filter(event=locked, email=email).exclude(
                status=Registration.Status.CANCELLED
            )
            if active.exists():
                raise RegistrationRefused(duplicate_message(), "email")
            taken = locked.confirmed_seats()
            if data.rna_number:
                try:
                    rna_validator(data.rna_number.strip().upper())
                except ValidationError as invalid:
                    raise RegistrationRefused(invalid.messages[0], "rna_number") from invalid
            if locked.capacity is None or taken + data.seats <= locked.capacity:
                status = Registration.Status.CONFIRMED
            elif locked.waitlist_enabled:
                status = Registration.Status.WAITING
            else:
                raise RegistrationRefused(
                    _("Il ne reste que %(left)s place(s) : réduisez le nombre de places demandées.")
                    % {"left": max(locked.capacity - taken, 0)},
                    "seats",
                )
            registration = Registration.objects.create(
                event=locked,
                association_name=data.association_name.strip(),
                rna_number=data.rna_number.strip().upper(),
                contact_name=data.contact_name.strip(),
                email=email,
                seats=data.seats,
                consent=True,
                consent_version=data.consent_version or ConsentText.objects.current(),
                consent_accepted_at=clock.now(),
                status=status,
            )
            # Stored with the registration, sent once it commits (site_kazasso/outbox).
            emails.send_registration_received(registration, request)
    except IntegrityError as exc:
        duplicate = Registration.objects.filter(event_id=event.pk, email=email).exclude(
            status=Registration.Status.CANCELLED
        )
        if duplicate.exists():  # the same email raced past the check above
            raise RegistrationRefused(duplicate_message(), "email") from exc
        raise
    return registration


def duplicate_message() -> str:
    return _(
        "Cette adresse est déjà inscrite à cet événement. Pour modifier votre inscription, "
        "utilisez le lien d'annulation reçu par courriel puis inscrivez-vous à nouveau."
    )


CANCEL_CLOSED_MESSAGE = gettext_lazy(
    "Cet événement est terminé : ce lien d'annulation n'est plus valable et l'inscription reste "
    "telle qu'elle était."
)


def cancellation_refusal(event: EventPage) -> str | None:
    """Why a cancellation link no longer works (the event has ended), or None while it does."""
    if event.is_past(clock.now()):
        return str(CANCEL_CLOSED_MESSAGE)
    return None


def cancel(
    registration: Registration, request: HttpRequest | None = None, *, notify: bool = True
) -> list[Registration]:
    """Cancel a registration, free its seats and promote waiting registrations in order.

    Waiting registrations are examined oldest first; each one whose seats fit in what is free
    is confirmed. Returns the promoted registrations. Cancelling twice changes nothing. Without
    `notify`, the cancelled registration gets no email (its person asked for their data erased).
    Raises RegistrationRefused once the event has ended: its attendance is history.
    """
    with transaction.atomic():
        event = _locked_event(registration.event_id)
        refusal = cancellation_refusal(event)
        if refusal:
            raise RegistrationRefused(refusal)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            return []
        current.status = Registration.Status.CANCELLED
        current.save(update_fields=["status", "status_changed_at"])
        promoted = promote_waiting(event)
        if notify:
            emails.send_cancelled(current, request)
        for promoted_registration in promoted:
            emails.send_promoted(promoted_registration, request)
    registration.status = current.status
    return promoted


def promote_waiting(event: EventPage) -> list[Registration]:
    """Confirm waiting registrations that now fit; the caller holds the event lock."""
    if event.capacity is None:
        waiting = list(event.registrations.filter(status=Registration.Status.WAITING))
        free = sum(r.seats for r in waiting)
    else:
        free = event.capacity - event.confirmed_seats()
        waiting = list(
            event.registrations.filter(status=Registration.Status.WAITING).order_by("created_at", "pk")
        )
    promoted = []
    for candidate in waiting:
        if candidate.seats <= free:
            candidate.status = Registration.Status.CONFIRMED
            candidate.save(update_fields=["status", "status_changed_at"])
            free -= candidate.seats
            promoted.append(candidate)
    return promoted


def url_token(value: object, salt: str) -> str:
    """A signed token re-encoded to fit Wagtail's route patterns (letters, digits, - and _)."""
    signed = signing.dumps(value, salt=salt, compress=True)
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def url_token_value(token: str, salt: str) -> object | None:
    """What `url_token` signed with this salt, or None when the token was tampered with."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        if base64.urlsafe_b64encode(raw).decode().rstrip("=") != token:
            return None  # the last letter's spare bits changed: one spelling per token
        return signing.loads(raw.decode(), salt=salt)
    except (ValueError, UnicodeDecodeError, signing.BadSignature):
        return None


def cancel_token(registration: Registration) -> str:
    return url_token(registration.pk, CANCEL_SALT)


def confirmation_token(registration: Registration) -> str:
    """The token of the confirmation page the registration form redirects to (another salt:
    a confirmation link is not a cancellation link). It holds the registration's id only."""
    return url_token(registration.pk, CONFIRMATION_SALT)


def registration_from_token(event: EventPage, token: str, salt: str = CANCEL_SALT) -> Registration | None:
    """The registration a signed link (cancellation by default) points to, or None if tampered with."""
    pk = url_token_value(token, salt)
    if not isinstance(pk, int):
        return None
    return Registration.objects.filter(pk=pk, event=event).first()


def waiting_position(registration: Registration) -> int | None:
    """1 for the first in line: waiting registrations are promoted in their order of arrival."""
    if registration.status != Registration.Status.WAITING:
        return None
    ahead = Registration.objects.filter(
        event_id=registration.event_id, status=Registration.Status.WAITING
    ).filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1
