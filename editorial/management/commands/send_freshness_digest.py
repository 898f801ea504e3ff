"""send_freshness_digest: tells each structure, by email, which of its fiches are due for review.

Meant to run from cron (once a month): the admin report lists the same fiches at any time, this
digest reminds the structures that nobody opens it.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from editorial.freshness import FRESHNESS_MONTHS, stale_fiches
from fiches.models import FichePage
from members.models import Structure
from site_kazasso.outbox.mail import deliver, queue_mail
from site_kazasso.outbox.models import OutboxEmail


def parse_day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"date invalide : « {value} » (format attendu : AAAA-MM-JJ)"
        ) from None


def counted(count: int, singular: str, plural: str) -> str:
    """Count and noun, singular for 0 and 1 as French has it: "0 fiche", "1 fiche", "3 fiches"."""
    return f"{count} {singular if count <= 1 else plural}"


def admin_url(path: str) -> str:
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"


def digest_recipients(structure: Structure) -> list[str]:
    """Active members of the structure's editor group who have an email, then its contact email.

    Deduplicated without regard to case, first spelling kept.
    """
    addresses: list[str] = []
    if structure.editor_group_id:
        addresses += (
            get_user_model()
            .objects.filter(groups=structure.editor_group_id, is_active=True)
            .exclude(email="")
            .order_by("email")
            .values_list("email", flat=True)
        )
    if structure.email:
        addresses.append(structure.email)
    unique: dict[str, str] = {}
    for address in addresses:
        unique.setdefault(address.strip().lower(), address.strip())
    return list(unique.values())


def digest_message(structure: Structure, fiches: list[FichePage], recipients: list[str]) -> EmailMessage:
    what = counted(len(fiches), "fiche", "fiches")
    subject = f"{settings.WAGTAIL_SITE_NAME} – {what} à revoir ({structure})"
    items = [
        {
            "page": page,
            "published_on": timezone.localdate(page.first_published_at),
            "url": page.get_full_url(),
            "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
        }
        for page in fiches
    ]
    body = render_to_string(
        "editorial/emails/freshness_digest.txt",
        {"structure": structure, "fiches": items, "report_url": admin_url(reverse("editorial_stale_fiches"))},
    )
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)


class Command(BaseCommand):
    help = (
        "Envoie à chaque structure un courriel listant ses fiches publiées dont la date « À jour au » "
        f"remonte à {FRESHNESS_MONTHS} mois ou plus, à ses rédacteurs actifs et à son courriel de contact."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Affiche les courriels qui seraient envoyés, sans les envoyer.",
        )
        parser.add_argument(
            "--today",
            type=parse_day,
            metavar="AAAA-MM-JJ",
            help="Date de référence du calcul (par défaut : aujourd'hui, heure de La Réunion).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = options["today"]
        if isinstance(today, str):  # call_command(today="…") skips the parser's conversion
            try:
                today = parse_day(today)
            except argparse.ArgumentTypeError as error:
                raise CommandError(str(error)) from None
        today = today or timezone.localdate()
        with translation.override(settings.LANGUAGE_CODE):
            self.send_digests(today, dry_run=options["dry_run"], verbosity=options["verbosity"])

    def send_digests(self, today: dt.date, *, dry_run: bool, verbosity: int) -> None:
        by_structure: dict[int, list[FichePage]] = defaultdict(list)
        for page in stale_fiches(today=today):
            by_structure[page.structure_id].append(page)

        sent = fiche_count = 0
        failures: list[str] = []
        for structure in Structure.objects.order_by("name"):
            fiches = by_structure.get(structure.pk, [])
            if not fiches:
                if verbosity >= 2:
                    self.stdout.write(f"{structure} : aucune fiche à revoir, pas de courriel.")
                continue
            recipients = digest_recipients(structure)
            if not recipients:
                if verbosity >= 2:
                    self.stdout.write(
                        f"{structure} : {counted(len(fiches), 'fiche', 'fiches')} à revoir mais aucun "
                        "destinataire (ni rédacteur actif avec courriel, ni courriel de contact), "
                        "pas de courriel."
                    )
                continue
            message = digest_message(structure, fiches, recipients)
            if dry_run:
                self.stdout.write(
                    f"--- Courriel pour {structure}\nÀ : {', '.join(message.to)}\n"
                    f"Objet : {message.subject}\n\n{message.body}"
                )
            else:
                queued = queue_mail(message.subject, message.body, message.to, from_email=message.from_email)
                deliver(queued.pk)  # now, even inside a transaction; a message is never sent twice
                queued.refresh_from_db()
                if queued.status != OutboxEmail.Status.SENT:
                    failures.append(str(structure))
                    self.stderr.write(
                        f"{structure} : échec de l'envoi ({queued.last_error}) ; le courriel reste en "
                        "attente, send_outbox le renverra."
                    )
                elif verbosity >= 2:
                    self.stdout.write(
                        f"{structure} : {counted(len(fiches), 'fiche', 'fiches')}, "
                        f"courriel envoyé à {', '.join(recipients)}."
                    )
            sent += 1
            fiche_count += len(fiches)

        fiches_phrase = counted(fiche_count, "fiche concernée", "fiches concernées")
        if dry_run:
            self.stdout.write(
                f"Simulation : {counted(sent, 'courriel', 'courriels')} à envoyer, {fiches_phrase}. "
                "Aucun courriel n'a été envoyé."
            )
        else:
            self.stdout.write(f"{counted(sent, 'courriel envoyé', 'courriels envoyés')}, {fiches_phrase}.")
        if failures:
            self.stderr.write(f"En attente d'un nouvel essai : {', '.join(failures)}.")
