"""send_outbox: retries the emails a mail server failure left in the outbox (cron, every 5 min)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from site_kazasso.outbox.mail import deliver_due, purge_sent
from site_kazasso.outbox.models import OutboxEmail


class Command(BaseCommand):
    help = (
        "Envoie les courriels en attente dont l'heure est venue (un échec est retenté plus tard, "
        "jamais deux envois du même courriel) et oublie les courriels envoyés depuis longtemps."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--keep-days",
            type=int,
            default=getattr(settings, "KAZASSO_OUTBOX_KEEP_DAYS", 30),
            help="Jours pendant lesquels un courriel envoyé reste visible dans l'admin (30 par défaut).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = deliver_due()
        purged = purge_sent(options["keep_days"])
        waiting = OutboxEmail.objects.filter(status=OutboxEmail.Status.PENDING).count()
        failed = OutboxEmail.objects.filter(status=OutboxEmail.Status.FAILED).count()
        self.stdout.write(
            f"{counts['sent']} courriel(s) envoyé(s) sur {counts['due']} à essayer ; "
            f"{waiting} en attente, {failed} abandonné(s), {purged} ancien(s) oublié(s)."
        )
        if counts["stale"]:
            self.stderr.write(f"{counts['stale']} envoi(s) interrompu(s) marqué(s) abandonné(s).")
