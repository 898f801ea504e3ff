"""send_review_reminders: remind late review steps (claimant, then reviewers, then coordination).

Run by cron on working days; each reminder is sent once (editorial/reminders.py).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import translation

from editorial.reminders import send_due_reminders


class Command(BaseCommand):
    help = (
        "Relance les étapes de relecture en retard : la personne qui s'en occupe, puis toutes les "
        "personnes habilitées, puis la coordination. Une relance n'est jamais envoyée deux fois."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            rows = send_due_reminders()
        for row in rows:
            if options["verbosity"] >= 2:
                self.stdout.write(
                    f"{row.get_level_display()} : étape {row.task_state_id}, "
                    f"{row.recipient_count} destinataire(s)."
                )
        self.stdout.write(f"{len(rows)} relance(s) envoyée(s).")
