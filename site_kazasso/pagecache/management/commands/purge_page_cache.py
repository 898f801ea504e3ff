"""purge_page_cache: a new content version (after a restore or a change made in SQL)."""

from typing import Any

from django.core.management.base import BaseCommand

from site_kazasso import content_version


class Command(BaseCommand):
    help = "Vide le cache des pages publiques (les pages sont recalculées à la demande suivante)."

    def handle(self, *args: Any, **options: Any) -> None:
        content_version.changed()
        self.stdout.write(self.style.SUCCESS("Cache des pages vidé."))
