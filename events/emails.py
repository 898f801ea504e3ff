"""The emails registrants receive, rendered from French plain-text templates, sent via the outbox."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.template.loader import render_to_string

from site_kazasso.outbox.mail import Attachment, queue_mail

if TYPE_CHECKING:
    from events.models import EventPage, Registration


def absolute_url(registration: Registration, path: str, request: HttpRequest | None) -> str:
    base = registration.event.get_full_url(request)
    return f"{base.rstrip('/')}/{path.lstrip('/')}" if path else base


def _send(
    template: str,
    subject: str,
    registration: Registration,
    request: HttpRequest | None,
    extra: dict[str, Any] | None = None,
    attachments: tuple[Attachment, ...] = (),
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
    queue_mail(subject, body, [registration.email], attachments=attachments)


def send_registration_received(registration: Registration, request: HttpRequest | None = None) -> None:
    if registration.status == registration.Status.CONFIRMED:
        _send("confirmed", f"Inscription confirmée : {registration.event.title}", registration, request)
    else:
        _send("waiting", f"Liste d'attente : {registration.event.title}", registration, request)


def send_promoted(registration: Registration, request: HttpRequest | None = None) -> None:
    _send("promoted", f"Une place s'est libérée : {registration.event.title}", registration, request)


def send_cancelled(registration: Registration, request: HttpRequest | None = None) -> None:
    _send("cancelled", f"Inscription annulée : {registration.event.title}", registration, request)


def send_reminder(registration: Registration) -> None:
    """The day before (EventPage.reminder_hours): how to take part, the .ics, how to cancel."""
    from events.ical import event_ical_attachment

    event = registration.event
    _send(
        "reminder",
        f"Rappel : {event.title}",
        registration,
        None,
        attachments=(event_ical_attachment(event),),
    )


def followup_documents(event: EventPage) -> list[tuple[str, str]]:
    """(title, absolute url) of the documents and links of an event's "supports et documents"."""
    site = event.get_site()
    root = site.root_url if site else ""
    found = []
    for block in event.resources:
        if block.block_type == "document":
            document = block.value["document"]
            if document is not None:
                found.append((block.value["title"] or document.title, root + document.url))
        else:
            found.extend((link["title"], link["url"]) for link in block.value["links"])
    return found


def send_followup(registration: Registration, documents: list[tuple[str, str]], restitution: str) -> None:
    """After the event: its replay, its documents and the fiche that reports on it."""
    _send(
        "followup",
        f"Replay et supports : {registration.event.title}",
        registration,
        None,
        extra={"documents": documents, "restitution": restitution},
    )


def send_certificate(registration: Registration, token: str, request: HttpRequest | None = None) -> None:
    """The attendance certificate link (events/attendance.py signs the token)."""
    _send(
        "certificate",
        f"Votre attestation de présence : {registration.event.title}",
        registration,
        request,
        {"certificate_url": absolute_url(registration, f"attestation/{token}/", request)},
    )
