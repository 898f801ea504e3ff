"""Cron (deploy/kazasso.cron): the due alert digests, batched and throttled; safe to rerun."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from alerts.digest import send_due


class Command(BaseCommand):
    help = (
        "Envoie les alertes dues (immédiates, hebdomadaires, mensuelles) par lots, et efface les "
        "abonnements non confirmés. Relancée après un arrêt, elle reprend sans doublon."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--batch-size", type=int, help="abonnements par lot (KAZASSO_ALERTS_BATCH_SIZE)")
        parser.add_argument(
            "--pause", type=float, help="secondes entre deux lots (KAZASSO_ALERTS_BATCH_PAUSE)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        summary = send_due(batch_size=options["batch_size"], pause=options["pause"])
        self.stdout.write(str(summary))
