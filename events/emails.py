"""The emails registrants receive, rendered from French plain-text templates, sent via the outbox."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.template.loader import render_to_string

from site_kazasso.outbox.mail import queue_mail

if TYPE_CHECKING:
    from events.models import Registration


def absolute_url(registration: Registration, path: str, request: HttpRequest | None) -> str:
    base = registration.event.get_full_url(request)
    return f"{base.rstrip('/')}/{path.lstrip('/')}" if path else base


def _send(
    template: str,
    subject: str,
    registration: Registration,
    request: HttpRequest | None,
    extra: dict[str, str] | None = None,
) -> None:
    from events.services import cancel_token

    event = registration.event.specific if hasattr(registration.event, "specific") else registration.event
    context = {
        "registration": registration,
        "event": event,
        "event_url": absolute_url(registration, "", request),
        "cancel_url": absolute_url(
            registration, f"inscription/annuler/{cancel_token(registration)}/", request
        ),
        "ical_url": absolute_url(registration, "ical/", request),
        **(extra or {}),
    }
    body = render_to_string(f"events/emails/{template}.txt", context)
    queue_mail(subject, body, [registration.email])


def send_registration_received(registration: Registration, request: HttpRequest | None = None) -> None:
    if registration.status == registration.Status.CONFIRMED:
        _send("confirmed", f"Inscription confirmée : {registration.event.title}", registration, request)
    else:
        _send("waiting", f"Liste d'attente : {registration.event.title}", registration, request)


def send_promoted(registration: Registration, request: HttpRequest | None = None) -> None:
    _send("promoted", f"Une place s'est libérée : {registration.event.title}", registration, request)


def send_cancelled(registration: Registration, request: HttpRequest | None = None) -> None:
    _send("cancelled", f"Inscription annulée : {registration.event.title}", registration, request)


def send_certificate(registration: Registration, token: str, request: HttpRequest | None = None) -> None:
    """The attendance certificate link (events/attendance.py signs the token)."""
    _send(
        "certificate",
        f"Votre attestation de présence : {registration.event.title}",
        registration,
        request,
        {"certificate_url": absolute_url(registration, f"attestation/{token}/", request)},
    )
