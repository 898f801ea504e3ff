"""Erase the personal data whose retention period is over (cron, every night)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from site_kazasso.privacy.models import PrivacyAuditLog
from site_kazasso.privacy.registry import expire_all, sources


class Command(BaseCommand):
    help = "Efface les données personnelles arrivées au terme de leur durée de conservation."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Affiche ce qui serait effacé, sans rien effacer."
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        counts = expire_all(timezone.now(), dry_run=dry_run)
        labels = {source.key: source.label for source in sources()}
        verb = "à effacer" if dry_run else "effacé(s)"
        if dry_run:
            self.stdout.write("Simulation : rien n'est effacé.")
        for key, count in counts.items():
            self.stdout.write(f"{labels[key]} : {count} {verb}")
        total = sum(counts.values())
        if not total:
            self.stdout.write("Rien à effacer : aucune donnée n'a dépassé sa durée de conservation.")
        elif not dry_run:
            PrivacyAuditLog.objects.create(action=PrivacyAuditLog.Action.RETENTION, counts=counts)
