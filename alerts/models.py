"""A reader's email alerts: what they follow, how often, and what has already reached them.

No account: a subscription is an email address with its choices, reached through signed links
(alerts/tokens.py). Nothing is sent before the address is confirmed (double opt-in); an
unconfirmed subscription is erased after KAZASSO_ALERTS_UNCONFIRMED_DAYS. `covered_until` is the
one fact that makes sending idempotent: every item published up to that moment has been
considered for this person, in the same transaction as the email that carried it.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_key() -> str:
    return secrets.token_urlsafe(16)


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("dès la publication")
    WEEKLY = "weekly", _("une fois par semaine")
    MONTHLY = "monthly", _("une fois par mois")


class Subscription(models.Model):
    email = models.EmailField(_("courriel"), unique=True)
    # Part of every signed link: a new key retires the links sent before.
    key = models.CharField(max_length=32, default=new_key, editable=False)
    everything = models.BooleanField(_("toutes les nouveautés"), default=False)
    themes = models.ManyToManyField("taxonomy.Theme", verbose_name=_("thèmes"), blank=True)
    tags = models.ManyToManyField("taggit.Tag", verbose_name=_("mots-clés"), blank=True)
    structures = models.ManyToManyField("members.Structure", verbose_name=_("structures"), blank=True)
    formats = models.JSONField(_("formats d'événement"), default=list, blank=True)
    frequency = models.CharField(
        _("fréquence"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField(_("demandé le"), default=timezone.now, editable=False)
    consent_text = models.TextField(_("texte du consentement accepté"))
    consent_at = models.DateTimeField(_("consentement donné le"))
    confirmed_at = models.DateTimeField(_("confirmé le"), null=True, blank=True)
    covered_until = models.DateTimeField(_("nouveautés traitées jusqu'au"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("dernier envoi"), null=True, blank=True)

    class Meta:
        verbose_name = _("abonnement aux alertes")
        verbose_name_plural = _("abonnements aux alertes")
        indexes = [models.Index(fields=["confirmed_at", "created_at"], name="alerts_confirmed")]

    def __str__(self) -> str:
        return _("Abonnement n° %(pk)s") % {"pk": self.pk}


class ExportLog(models.Model):
    """Who exported the list of addresses, when and why; never the addresses themselves."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("par"), null=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(_("le"), default=timezone.now)
    reason = models.TextField(_("motif"))
    rows = models.PositiveIntegerField(_("lignes exportées"))

    class Meta:
        verbose_name = _("export des abonnements")
        verbose_name_plural = _("exports des abonnements")
        ordering = ["-at"]

    def __str__(self) -> str:
        return _("Export du %(at)s") % {"at": self.at}
