"""The consent text registrants accept (versioned) and the log of what the coordination did."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsentTextQuerySet(models.QuerySet):
    def current(self) -> ConsentText | None:
        return self.order_by("-version").first()


class ConsentText(models.Model):
    """One version of the consent text; a change is a new version, never an edit of an old one
    (each registration points to the version its person accepted)."""

    version = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    text = models.TextField(
        _("texte"),
        help_text=_("Affiché à côté de la case à cocher du formulaire d'inscription."),
    )
    created_at = models.DateTimeField(_("en vigueur depuis le"), auto_now_add=True)

    objects = ConsentTextQuerySet.as_manager()

    class Meta:
        verbose_name = _("texte de consentement")
        verbose_name_plural = _("textes de consentement")
        ordering = ["-version"]

    def __str__(self) -> str:
        return _("Version %(version)s") % {"version": self.version}

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is None and not self.version:
            latest = ConsentText.objects.aggregate(n=models.Max("version"))["n"] or 0
            self.version = latest + 1
        super().save(*args, **kwargs)


def subject_digest(email: str) -> str:
    """A keyed digest of the address: the log can tell two requests of one person apart from
    two people, without holding the address (nor a hash anyone could recompute from a list)."""
    normalised = email.strip().lower().encode()
    return hmac.new(settings.SECRET_KEY.encode(), normalised, hashlib.sha256).hexdigest()[:16]


class PrivacyAuditLog(models.Model):
    """Who exported or erased someone's data, when, and how many records: never the data."""

    class Action(models.TextChoices):
        EXPORT = "export", _("Export")
        ERASE = "effacement", _("Effacement")
        RETENTION = "conservation", _("Effacement à échéance")

    created_at = models.DateTimeField(_("le"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    subject = models.CharField(_("personne (empreinte)"), max_length=16, blank=True)
    counts = models.JSONField(_("enregistrements"), default=dict)

    class Meta:
        verbose_name = _("journal des données personnelles")
        verbose_name_plural = _("journal des données personnelles")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("manage_personal_data", _("Rechercher, exporter et effacer les données d'une personne")),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} – {self.created_at:%d/%m/%Y %H:%M}"

    @property
    def total(self) -> int:
        return sum(self.counts.values())
