"""One run of the alert digests (alerts/digest.py) for many subscribers, on PostgreSQL.

    DATABASE_URL=postgres://root@127.0.0.1:5432/kazasso .venv/bin/python -m bench.digest_bench \
        --subscribers 5000 --items 200 [--compare 1000]

Works in its own database (kazasso_bench_digest, recreated unless --reuse): generates --items
pages (fiches and events, generate_content) published inside the digest's window, and
--subscribers confirmed weekly subscriptions with random choices (themes, tags, structures,
formats; one in ten "everything"). Then times `send_due()` with Django's in-memory mail backend
(the outbox is written as in production, the mail server is not measured) and counts its SQL
queries; --compare runs the same with fewer subscribers first, to show the queries per email do
not depend on their number. Measures; asserts nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
import warnings
from pathlib import Path
from typing import Any

from bench import server
from bench.search_bench import database_url

BENCH_DATABASE = "kazasso_bench_digest"
RESULTS_DIR = Path(__file__).resolve().parent / "results"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Mesure un envoi des alertes par courriel (PostgreSQL).")
    parser.add_argument("--subscribers", type=int, default=5000, help="abonnements confirmés")
    parser.add_argument(
        "--items", type=int, default=200, help="nouveautés de la période (fiches et événements)"
    )
    parser.add_argument(
        "--compare", type=int, default=1000, help="nombre d'abonnés de la mesure de comparaison (0 : sans)"
    )
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--reuse", action="store_true", help="garde la base si elle existe")
    return parser.parse_args(argv)


def fill_items(count: int, seed: int, published: dt.datetime) -> int:
    """`count` live pages (4 fiches for 1 event), all first published at `published`."""
    from django.core.management import call_command

    from events.models import EventPage
    from fiches.models import FichePage

    events = count // 5
    fiches = count - events
    missing_f = max(fiches - FichePage.objects.count(), 0)
    missing_e = max(events - EventPage.objects.count(), 0)
    if missing_f or missing_e:
        call_command("generate_content", fiches=missing_f, events=missing_e, seed=seed)
    # The generator spreads publication dates over years: put them all in the digest's window.
    FichePage.objects.update(first_published_at=published)
    EventPage.objects.update(first_published_at=published, end=published + dt.timedelta(days=60))
    return FichePage.objects.count() + EventPage.objects.count()


def make_subscribers(count: int, seed: int, start: dt.datetime) -> None:
    from taggit.models import Tag

    from alerts.models import Frequency, Subscription
    from events.models import EventFormat
    from members.models import Structure
    from taxonomy.models import Theme

    Subscription.objects.all().delete()
    rng = random.Random(seed)
    themes = list(Theme.objects.values_list("pk", flat=True))
    tags = list(Tag.objects.values_list("pk", flat=True))
    structures = list(Structure.objects.values_list("pk", flat=True))
    common = {"consent_text": "accord", "consent_at": start, "confirmed_at": start, "covered_until": start}
    rows = [
        Subscription(
            email=f"abonne{n}@exemple.re",
            everything=rng.random() < 0.1,
            formats=rng.sample(EventFormat.values, k=rng.randint(0, 1)),
            frequency=Frequency.WEEKLY,
            **common,
        )
        for n in range(count)
    ]
    created = Subscription.objects.bulk_create(rows, batch_size=1000)
    links: dict[str, list[Any]] = {"themes": [], "tags": [], "structures": []}
    for subscription in created:
        for theme in rng.sample(themes, k=rng.randint(0, 2)):
            links["themes"].append(
                Subscription.themes.through(subscription_id=subscription.pk, theme_id=theme)
            )
        for tag in rng.sample(tags, k=min(len(tags), rng.randint(0, 2))):
            links["tags"].append(Subscription.tags.through(subscription_id=subscription.pk, tag_id=tag))
        for structure in rng.sample(structures, k=rng.randint(0, 1)):
            links["structures"].append(
                Subscription.structures.through(subscription_id=subscription.pk, structure_id=structure)
            )
    for name, through_rows in links.items():
        getattr(Subscription, name).through.objects.bulk_create(through_rows, batch_size=2000)


def measure(subscribers: int, seed: int, start: dt.datetime) -> dict[str, Any]:
    from django.core import mail
    from django.db import connection

    from alerts.digest import send_due
    from site_kazasso.outbox.models import OutboxEmail

    make_subscribers(subscribers, seed, start)
    OutboxEmail.objects.all().delete()
    mail.outbox = []
    queries = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries.append(1)  # Django's documented execute wrapper: no cap, unlike connection.queries
        return execute(sql, params, many, context)

    began = time.perf_counter()
    with connection.execute_wrapper(count):
        summary = send_due(start + dt.timedelta(days=8), pause=0)
    seconds = time.perf_counter() - began
    sent = summary.sent
    return {
        "subscribers": subscribers,
        "emails": sent,
        "nothing_new": summary.nothing_new,
        "seconds": round(seconds, 2),
        "ms_per_email": round(1000 * seconds / max(sent, 1), 2),
        "queries": len(queries),
        "queries_per_email": round(len(queries) / max(sent, 1), 2),
        "delivered": len(mail.outbox),
    }


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.search_settings")  # DEBUG off
    os.environ["KAZASSO_PAGE_CACHE"] = "0"
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("Indiquez le serveur PostgreSQL : DATABASE_URL=postgres://… python -m bench.digest_bench")
    server.ensure_database(database_url(url, BENCH_DATABASE), fresh=not args.reuse)
    os.environ["DATABASE_URL"] = database_url(url, BENCH_DATABASE)

    import django

    warnings.filterwarnings("ignore", "No directory at", UserWarning)
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("migrate", verbosity=0)
    start = timezone.now() - dt.timedelta(days=30)
    items = fill_items(args.items, args.seed, start + dt.timedelta(days=1))
    runs = [
        measure(n, args.seed, start) for n in ([args.compare] if args.compare else []) + [args.subscribers]
    ]
    load = os.getloadavg()
    print(f"\n{items} nouveautés dans la période ; charge moyenne {load[0]:.2f} à la fin\n")
    print(
        "| abonnés | courriels | sans nouveauté | durée (s) | ms par courriel | requêtes SQL "
        "| requêtes par courriel |"
    )
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for run in runs:
        print(
            f"| {run['subscribers']} | {run['emails']} | {run['nothing_new']} | {run['seconds']} | "
            f"{run['ms_per_email']} | {run['queries']} | {run['queries_per_email']} |"
        )
    server.write_results(
        RESULTS_DIR / f"digest-{dt.datetime.now():%Y-%m-%d-%H%M%S}.json",
        {"items": items, "runs": runs, "load_average": load},
    )


if __name__ == "__main__":
    main()
