"""send_event_reminders: reminders before events, replays after them (cron, every 5 minutes)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from events.followups import send_due_followups, send_due_reminders


class Command(BaseCommand):
    help = (
        "Envoie le rappel des événements dont l'heure de rappel est venue (la veille par défaut) "
        "et le replay des événements terminés qui ne l'ont pas encore envoyé ; jamais deux fois "
        "à la même inscription, jamais aux inscriptions annulées. Les courriels passent par la "
        "file d'attente (send_outbox les retente en cas d'échec)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        reminders = send_due_reminders()
        followups = send_due_followups()
        self.stdout.write(
            f"{reminders} rappel(s) et {followups} courriel(s) de replay mis en file d'attente."
        )
