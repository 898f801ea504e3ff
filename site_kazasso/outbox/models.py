"""Every email the platform sends, kept until it has left: a mail server down delays, never loses."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxEmail(models.Model):
    """One message and where its delivery stands; rows are claimed by a status transition."""

    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        SENDING = "sending", _("Envoi en cours")
        SENT = "sent", _("Envoyé")
        FAILED = "failed", _("Abandonné")

    created_at = models.DateTimeField(_("créé le"), default=timezone.now, editable=False)
    subject = models.CharField(_("objet"), max_length=998)
    body = models.TextField(_("texte"))
    html_body = models.TextField(_("version HTML"), blank=True)
    # Extra headers (List-Unsubscribe…) and attached files ({"filename", "mimetype", "base64"}).
    headers = models.JSONField(_("en-têtes"), default=dict, blank=True)
    attachments = models.JSONField(_("pièces jointes"), default=list, blank=True)
    from_email = models.CharField(_("expéditeur"), max_length=254)
    to = models.JSONField(_("destinataires"), default=list)
    # [{"filename", "content", "mimetype"}]: small text files only (an event's .ics).
    attachments = models.JSONField(_("pièces jointes"), default=list, blank=True)
    status = models.CharField(_("état"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("essais"), default=0)
    next_attempt_at = models.DateTimeField(_("prochain essai"), default=timezone.now)
    claimed_at = models.DateTimeField(_("dernier essai"), null=True, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    last_error = models.TextField(_("dernière erreur"), blank=True)

    class Meta:
        verbose_name = _("courriel")
        verbose_name_plural = _("courriels")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self) -> str:
        return self.subject

    @property
    def recipients(self) -> str:
        return ", ".join(self.to)
