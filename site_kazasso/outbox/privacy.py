"""Emails as a source of personal data (site_kazasso/privacy): those sent to an address or naming it.

Sent emails are deleted by `send_outbox` after KAZASSO_OUTBOX_KEEP_DAYS; erasing deletes them now,
waiting ones included (a person who asks to be forgotten is not written to afterwards).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from site_kazasso.outbox.models import OutboxEmail
from site_kazasso.privacy import retention
from site_kazasso.privacy.registry import mentions

KEY = "courriels"  # the source's identifier in the registry and the export files
LABEL = gettext_lazy("Courriels envoyés par la plateforme")


def find(email: str) -> list[OutboxEmail]:
    """Messages whose recipients, subject or text hold this exact address."""
    candidates = OutboxEmail.objects.filter(
        Q(to__icontains=email) | Q(subject__icontains=email) | Q(body__icontains=email)
    ).order_by("created_at", "pk")
    return [
        message
        for message in candidates
        if any(mentions(text, email) for text in (*message.to, message.subject, message.body))
    ]


def export(message: OutboxEmail) -> dict[str, Any]:
    return {
        "créé le": message.created_at,
        "destinataires": message.recipients,
        "objet": message.subject,
        "texte": message.body,
        "état": message.get_status_display(),
        "envoyé le": message.sent_at,
    }


def erase(messages: list[OutboxEmail]) -> int:
    deleted, _counts = OutboxEmail.objects.filter(pk__in=[m.pk for m in messages]).delete()
    return deleted


def describe_retention() -> str:
    return _("supprimés %(days)s jours après leur envoi") % {"days": retention.outbox_days()}
