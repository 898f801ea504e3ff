"""Search benchmark: latency and SQL query counts of /recherche/ on a large generated database.

    DATABASE_URL=postgres://root@127.0.0.1:5432/kazasso .venv/bin/python -m bench.search_bench \\
        --fiches 10000 --events 2000 [--requests 200] [--reuse] [--compare-sizes]

Why a dedicated database: the generated pages must never land in someone's working database,
so the script only ever creates, fills or drops `kazasso_bench` on the server of DATABASE_URL.
Why in-process with Django's test `Client`: no network and no server process in the numbers,
and `CaptureQueriesContext` counts the SQL queries of each request. It measures, it asserts
nothing: a URL that answers anything but 200 (the search page is being rewritten) is reported
with its status in the table instead of stopping the run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import math
import os
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit, urlunsplit

from bench import server

BENCH_DATABASE = "kazasso_bench"
RESULTS_DIR = Path(__file__).resolve().parent / "results"
WARMUP = 5

# Ten slight variations of each query, so that repeated requests do not only measure a cache.
VARIANTS = {
    "association": "association | associations | association sportive | association culturelle | petite "
    "association | association employeuse | association de quartier | association loi 1901 | association "
    "de parents | association réunionnaise",
    "assemblée générale": "assemblée générale | assemblée générale extraordinaire | assemblée générale "
    "ordinaire | convocation assemblée générale | assemblée générale à distance | procès-verbal assemblée "
    "générale | quorum assemblée générale | assemblée générale annuelle | préparer l'assemblée générale | "
    "vote en assemblée générale",
    "fiscalite": "fiscalite | fiscalite association | tresorerie | recu fiscal | mecenat | benevolat | "
    "chomage partiel | comptabilite | reduction d'impot | fiscalite des associations",
    "benevoles": "benevoles | bénévoles | bénévolat | benevolat | accueil des bénévoles | formation des "
    "bénévoles | bénévole | valorisation du bénévolat | engagement bénévole | recrutement de bénévoles",
}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Mesure la recherche sur une base générée (kazasso_bench).")
    parser.add_argument("--fiches", type=int, default=10_000, help="fiches voulues dans la base")
    parser.add_argument("--events", type=int, default=2_000, help="événements voulus dans la base")
    parser.add_argument("--requests", type=int, default=200, help="requêtes mesurées par adresse")
    parser.add_argument("--reuse", action="store_true", help="garde la base kazasso_bench si elle existe")
    parser.add_argument("--seed", type=int, default=2026, help="graine de generate_content")
    parser.add_argument(
        "--compare-sizes", action="store_true", help="recompte les requêtes SQL après 50 %% de pages en plus"
    )
    return parser.parse_args(argv)


def database_url(url: str, name: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        sys.exit("DATABASE_URL doit désigner un serveur PostgreSQL (postgres://…).")
    return urlunsplit(parts._replace(path=f"/{name}"))


def fill(fiches: int, events: int, seed: int) -> tuple[int, int]:
    """Generate what is missing to reach the requested counts; return the counts."""
    from django.core.management import call_command

    from events.models import EventPage
    from fiches.models import FichePage

    missing_fiches = max(fiches - FichePage.objects.count(), 0)
    missing_events = max(events - EventPage.objects.count(), 0)
    if missing_fiches or missing_events:
        call_command("generate_content", fiches=missing_fiches, events=missing_events, seed=seed)
    return FichePage.objects.count(), EventPage.objects.count()


def common_tag_slug() -> str:
    from django.db.models import Count
    from taggit.models import Tag

    tag = Tag.objects.annotate(uses=Count("fiches_fichetag_items")).order_by("-uses").first()
    return tag.slug if tag else "benevolat"


def targets() -> list[tuple[str, Callable[[int], str]]]:
    """(label, url for request i): the URLs of the brief, the query varying where there is one."""

    def search(base: str, **filters: str) -> Callable[[int], str]:
        variants = [v.strip() for v in VARIANTS[base].split("|")]
        return lambda i: "/recherche/?" + urlencode({"q": variants[i % len(variants)], **filters})

    def fixed(url: str) -> Callable[[int], str]:
        return lambda i: url

    tag = common_tag_slug()
    return [
        ("/recherche/?q=association", search("association")),
        ("/recherche/?q=assemblée générale", search("assemblée générale")),
        ("/recherche/?q=fiscalite", search("fiscalite")),
        (
            "/recherche/?q=association&type=fiche&theme=financement",
            search("association", type="fiche", theme="financement"),
        ),
        (f"/recherche/?q=benevoles&tag={tag} (facettes)", search("benevoles", tag=tag)),
        ("/recherche/?q= (tout parcourir)", fixed("/recherche/?q=")),
        ("/ressources/", fixed("/ressources/")),
        ("/ressources/?theme=financement&annee=2024", fixed("/ressources/?theme=financement&annee=2024")),
    ]


def measure(url_for: Callable[[int], str], requests: int) -> dict[str, Any]:
    """Warm up, then time `requests` GETs and count their SQL queries."""
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    statuses: Counter[str] = Counter()
    timings, queries = [], []
    for i in range(-WARMUP, requests):
        reset_queries()  # the query log keeps 9,000 entries: a full one would count zero queries
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            try:
                status = str(client.get(url_for(i)).status_code)
            except Exception as error:  # a broken page is a result, not a reason to stop
                status = type(error).__name__
            elapsed = (time.perf_counter() - started) * 1000
        if i >= 0:
            statuses[status] += 1
            timings.append(elapsed)
            queries.append(len(captured))
    ordered = sorted(timings)
    return {
        "status": ", ".join(f"{code} ×{n}" if len(statuses) > 1 else code for code, n in statuses.items()),
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)], 1),
        "queries": int(statistics.median(queries)),
        "queries_max": max(queries),
    }


def markdown(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| URL | statut | médiane (ms) | p95 (ms) | requêtes SQL |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for row in rows:
        spread = f" (max {row['queries_max']})" if row["queries_max"] != row["queries"] else ""
        cells = [
            f"`{row['url']}`",
            row["status"],
            row["median_ms"],
            row["p95_ms"],
            f"{row['queries']}{spread}",
        ]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> dict[str, Any]:
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    call_command("migrate", verbosity=0)
    fiches, events = fill(args.fiches, args.events, args.seed)
    result: dict[str, Any] = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "database": f"PostgreSQL {connection.pg_version // 10000} ({BENCH_DATABASE})",
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "fiches": fiches,
        "events": events,
        "requests": args.requests,
        "warmup": WARMUP,
    }
    # Production-like: DEBUG off; one log line per 404 or 500 would drown the table.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    with override_settings(DEBUG=False):
        result["rows"], urls = [], targets()  # the same URLs, common tag included, for both sizes
        for number, (label, url_for) in enumerate(urls, start=1):
            print(f"Mesure {number}/{len(urls)} : {label}", file=sys.stderr, flush=True)
            result["rows"].append({"url": label, **measure(url_for, args.requests)})
        if args.compare_sizes:
            bigger = fill(fiches + fiches // 2, events + events // 2, args.seed + 1)
            result["compare_sizes"] = {
                "sizes": [[fiches, events], list(bigger)],
                "rows": [
                    {"url": row["url"], "queries": [row["queries"], measure(url_for, 10)["queries"]]}
                    for row, (_, url_for) in zip(result["rows"], urls, strict=True)
                ],
            }
    return result


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.search_settings")  # DEBUG off
    # Measure the work of each page: no anonymous page cache, no per-client rate limit.
    os.environ["KAZASSO_PAGE_CACHE"] = "0"
    os.environ["KAZASSO_RATELIMITS"] = "0"
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        sys.exit("Indiquez le serveur PostgreSQL : DATABASE_URL=postgres://… python -m bench.search_bench")
    server.ensure_database(database_url(url, BENCH_DATABASE), fresh=not args.reuse)
    os.environ["DATABASE_URL"] = database_url(url, BENCH_DATABASE)  # before Django reads its settings

    import django

    warnings.filterwarnings("ignore", "No directory at", UserWarning)  # whitenoise, no collectstatic here
    django.setup()
    result = run(args)
    print(
        f"\n{result['fiches']} fiches, {result['events']} événements, {args.requests} requêtes par adresse\n"
    )
    print(markdown(result["rows"]))
    if "compare_sizes" in result:
        (small, big) = result["compare_sizes"]["sizes"]
        print(f"\n| URL | requêtes SQL à {small[0]} fiches | à {big[0]} fiches |\n| --- | ---: | ---: |")
        for row in result["compare_sizes"]["rows"]:
            print(f"| `{row['url']}` | {row['queries'][0]} | {row['queries'][1]} |")
    server.write_results(RESULTS_DIR / f"search-{dt.datetime.now():%Y-%m-%d-%H%M%S}.json", result)


if __name__ == "__main__":
    main()
