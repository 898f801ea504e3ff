"""purge_page_cache: drop every cached anonymous page (after a restore or a change made in SQL)."""

from typing import Any

from django.core.management.base import BaseCommand

from site_kazasso.pagecache.generation import purge_all_pages


class Command(BaseCommand):
    help = "Vide le cache des pages publiques (les pages sont recalculées à la demande suivante)."

    def handle(self, *args: Any, **options: Any) -> None:
        purge_all_pages()
        self.stdout.write(self.style.SUCCESS("Cache des pages vidé."))
