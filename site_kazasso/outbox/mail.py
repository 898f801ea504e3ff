"""The one way the platform sends email: stored in the outbox first, then sent, retried by cron.

queue_mail() writes the message in the caller's transaction and tries it once that transaction
commits; a failure leaves it queued (logged as a warning) and never reaches the view. The
send_outbox command, run by cron, retries what is due with a growing delay and gives up after
KAZASSO_OUTBOX_MAX_ATTEMPTS. A row is claimed by one conditional UPDATE (pending -> sending), so
two workers or a worker and cron never send the same message twice.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from site_kazasso.outbox.models import OutboxEmail
from site_kazasso.text import one_line

logger = logging.getLogger(__name__)

Status = OutboxEmail.Status
# A message still "sending" after this long was interrupted: it may have left, so no new try.
STALE_CLAIM = dt.timedelta(hours=1)
INTERRUPTED = "Envoi interrompu : le courriel est peut-être parti, il n'est pas renvoyé automatiquement."


def max_attempts() -> int:
    return getattr(settings, "KAZASSO_OUTBOX_MAX_ATTEMPTS", 8)


def retry_delay(attempts: int) -> dt.timedelta:
    """5 minutes after the first failure, doubling, at most 6 hours."""
    return dt.timedelta(minutes=min(5 * 2 ** max(attempts - 1, 0), 360))


Attachment = tuple[str, str | bytes, str]  # file name, content, MIME type


def queue_mail(
    subject: str,
    body: str,
    to: Iterable[str],
    *,
    from_email: str | None = None,
    html: str = "",
    headers: Mapping[str, str] | None = None,
    attachments: Iterable[Attachment] = (),
) -> OutboxEmail:
    """Store one message (subject made one line) and send it when the current transaction commits.

    `body` is the plain-text part; `html` an optional HTML alternative; `headers` extra headers
    (header names and values made one line); `attachments` (name, text or bytes, MIME type).
    """
    email = OutboxEmail.objects.create(
        subject=one_line(subject)[:998],
        body=body,
        html_body=html,
        headers={one_line(name): one_line(value) for name, value in (headers or {}).items()},
        attachments=[
            {
                "filename": one_line(filename),
                "mimetype": mimetype,
                "base64": base64.b64encode(
                    content.encode() if isinstance(content, str) else content
                ).decode(),
            }
            for filename, content, mimetype in attachments
        ],
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=list(to),
    )
    transaction.on_commit(partial(deliver, email.pk))
    return email


def deliver(pk: int) -> bool:
    """Send one due message if this process wins its claim; True when it has left."""
    now = timezone.now()
    claimed = OutboxEmail.objects.filter(pk=pk, status=Status.PENDING, next_attempt_at__lte=now).update(
        status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    email = OutboxEmail.objects.get(pk=pk)
    try:
        message = as_message(email)
        message.send()
    except Exception as error:  # noqa: BLE001 - any failure of the mail server leaves the message queued
        record_failure(email, error)
        return False
    OutboxEmail.objects.filter(pk=pk).update(status=Status.SENT, sent_at=timezone.now(), last_error="")
    return True


def as_message(email: OutboxEmail) -> EmailMultiAlternatives:
    """The stored message as Django sends it: text, optional HTML part, headers, attachments."""
    message = EmailMultiAlternatives(
        one_line(email.subject), email.body, email.from_email, email.to, headers=dict(email.headers)
    )
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    for attached in email.attachments:
        message.attach(attached["filename"], base64.b64decode(attached["base64"]), attached["mimetype"])
    return message


def record_failure(email: OutboxEmail, error: Exception) -> None:
    gave_up = email.attempts >= max_attempts()
    OutboxEmail.objects.filter(pk=email.pk, status=Status.SENDING).update(
        status=Status.FAILED if gave_up else Status.PENDING,
        next_attempt_at=timezone.now() + retry_delay(email.attempts),
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )
    logger.warning(
        "Courriel %s non envoyé (essai %s/%s%s) : %s",
        email.pk,
        email.attempts,
        max_attempts(),
        ", abandonné" if gave_up else ", nouvel essai plus tard",
        error,
    )


def release_stale_claims() -> int:
    """Mark messages left "sending" by a crash as failed: they may have left, never resend them."""
    stale = OutboxEmail.objects.filter(status=Status.SENDING, claimed_at__lt=timezone.now() - STALE_CLAIM)
    return stale.update(status=Status.FAILED, last_error=INTERRUPTED)


def deliver_due(limit: int = 500) -> dict[str, int]:
    """Try every message whose time has come, oldest first; what happened, counted."""
    stale = release_stale_claims()
    due = list(
        OutboxEmail.objects.filter(status=Status.PENDING, next_attempt_at__lte=timezone.now())
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    sent = sum(deliver(pk) for pk in due)
    return {"due": len(due), "sent": sent, "stale": stale}


def purge_sent(days: int) -> int:
    """Forget sent messages after `days` days: they hold addresses and personal links."""
    cutoff = timezone.now() - dt.timedelta(days=days)
    deleted, _ = OutboxEmail.objects.filter(status=Status.SENT, sent_at__lt=cutoff).delete()
    return deleted
