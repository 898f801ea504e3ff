"""`manage.py generate_content`: thousands of realistic fiches and events for benchmarks.

The generation itself lives in `demo.generator` (importable by the benchmarks); this command
adds the guard against production, the progress bar, `--delete` and the summary. The generator is
imported only after the production check: it needs Faker, a development dependency, so that a
production install gets the French refusal rather than an ImportError.
"""

from __future__ import annotations

import time
from argparse import ArgumentParser
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, OutputWrapper
from django.db import connection, transaction
from wagtail.models import Page

from events.models import EventPage
from fiches.models import FichePage
from taxonomy.catalogue import one_build

PREFIX = "gen-"  # demo.generator.PREFIX, repeated here to keep the import lazy
Progress = Callable[[str, int, int], None]


def number(value: float, decimals: int = 0) -> str:
    """French number formatting: narrow no-break space for thousands, comma for decimals."""
    return f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",")


class ProgressBar:
    """A plain text bar on stderr: redrawn in place on a terminal, one line per batch otherwise."""

    width = 30

    def __init__(self, stream: OutputWrapper, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.interactive = enabled and getattr(stream, "isatty", lambda: False)()
        self.started: dict[str, float] = {}

    def update(self, label: str, done: int, total: int) -> None:
        if not self.enabled or total == 0:
            return
        now = time.perf_counter()
        started = self.started.setdefault(label, now)
        elapsed = now - started
        rate = done / elapsed if elapsed > 0 else 0.0
        filled = self.width * done // total
        line = (
            f"{label:<11} [{'#' * filled}{'.' * (self.width - filled)}] {number(100 * done / total, 1):>5} % "
            f"{number(done)}/{number(total)} · {number(rate)} pages/s"
        )
        finished = done >= total
        if self.interactive:
            self.stream.write("\r" + line + ("\n" if finished else ""), style_func=str, ending="")
        elif done or finished:
            self.stream.write(line, style_func=str)
        self.stream.flush()


def delete_generated(batch_size: int, progress: Progress) -> dict[str, int]:
    """Delete every fiche and event whose slug starts with `gen-`, one transaction per batch.

    Treebeard's queryset `delete()` keeps the parents' `numchild` right; the search index entries
    go with the pages, through the `index_entries` generic relation modelsearch adds to them. It
    is the ORM's delete on purpose, slower than generation (Wagtail and modelsearch run their
    delete signals page by page, about 13 queries each) but it follows every cascade, including
    whatever someone added to a generated page by hand (revisions, registrations, related links).
    """
    deleted = {}
    with one_build():  # the listings' catalogue: built once at the end, not after every batch
        for label, model in (("fiches", FichePage), ("événements", EventPage)):
            ids = list(model.objects.filter(slug__startswith=PREFIX).values_list("pk", flat=True))
            progress(label, 0, len(ids))
            for done in range(0, len(ids), batch_size):
                with transaction.atomic():
                    Page.objects.filter(pk__in=ids[done : done + batch_size]).delete()
                progress(label, min(done + batch_size, len(ids)), len(ids))
            deleted[label] = len(ids)
    return deleted


class Command(BaseCommand):
    help = (
        "Génère des fiches (sous /ressources/) et des événements (sous /evenements/) publiés, au contenu "
        "réaliste en français, pour mesurer les performances : mots-clés selon une loi de Zipf, thèmes, "
        "structures et typologies existants, dates de 2019 à 2026, événements passés et à venir. Les pages "
        f"sont écrites par lots et indexées pour la recherche ; leurs slugs commencent par « {PREFIX} ». "
        "--delete supprime les pages générées auparavant. Refuse de s'exécuter en production."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--fiches", type=int, default=0, help="Nombre de fiches à créer (défaut : 0).")
        parser.add_argument("--events", type=int, default=0, help="Nombre d'événements à créer (défaut : 0).")
        parser.add_argument("--seed", type=int, help="Graine du hasard, pour refaire le même contenu.")
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Pages écrites par transaction (défaut : 500)."
        )
        parser.add_argument(
            "--delete",
            action="store_true",
            help=f"Supprime d'abord les pages générées (slugs « {PREFIX}… ») et leur entrée d'index.",
        )
        parser.add_argument(
            "--no-index",
            action="store_true",
            help="Ne met pas à jour l'index de recherche (à reconstruire ensuite avec update_index).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if getattr(settings, "KAZASSO_ENVIRONMENT", "") == "production":
            raise CommandError(
                "Refus : le contenu de test ne se génère pas en production "
                "(KAZASSO_ENVIRONMENT vaut « production »). Aucune page n'a été créée ni supprimée."
            )
        fiches, events, batch_size = options["fiches"], options["events"], options["batch_size"]
        if fiches < 0 or events < 0 or batch_size < 1:
            raise CommandError("--fiches et --events doivent être positifs, --batch-size au moins 1.")
        if not (fiches or events or options["delete"]):
            raise CommandError("Rien à faire : indiquez --fiches, --events ou --delete.")
        verbose = options["verbosity"] >= 1
        bar = ProgressBar(self.stderr, enabled=verbose)

        if options["delete"]:
            started = time.perf_counter()
            deleted = delete_generated(batch_size, bar.update)
            if verbose:
                self.stdout.write(
                    f"Supprimé en {number(time.perf_counter() - started, 1)} s : {number(deleted['fiches'])} "
                    f"fiches et {number(deleted['événements'])} événements générés."
                )
        if not (fiches or events):
            return
        from demo.generator import GenerationError, generate

        try:
            report = generate(
                fiches,
                events,
                seed=options["seed"],
                batch_size=batch_size,
                index=not options["no_index"],
                progress=bar.update,
            )
        except GenerationError as error:
            raise CommandError(str(error)) from error
        if connection.vendor == "postgresql":
            # Fresh statistics (bulk inserts leave the planner guessing) and, outside a transaction,
            # a vacuum that marks the new rows visible: the search index is then read from its
            # covering index alone, as it will be once autovacuum has passed on a live site.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        if verbose:
            index = (
                "non mis à jour (--no-index)"
                if options["no_index"]
                else f"mis à jour en {number(report.index_seconds, 1)} s (compris dans le total)"
            )
            self.stdout.write(
                self.style.SUCCESS(f"Contenu généré en {number(report.seconds, 1)} s :")
                + f"\n  - {number(report.fiches)} fiches publiées sous /ressources/"
                + f"\n  - {number(report.events)} événements publiés sous /evenements/"
                + f"\n  - index de recherche {index}"
                + f"\n  - {number(report.tags_created)} mots-clés créés ; graine {report.seed} "
                + f"(--seed {report.seed} pour refaire le même contenu)"
                + "\n  Pour les supprimer : manage.py generate_content --delete"
            )
