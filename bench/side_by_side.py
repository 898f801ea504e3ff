"""Side by side with wagtail/bakerydemo: the same kinds of pages on both sites, measured in turns.

    .venv/bin/python -m bench.side_by_side --database-url postgres://root@127.0.0.1:5432/kazasso_benchh \\
        --bakerydemo http://127.0.0.1:8100 [--requests 200] [--warmup 10] [--concurrency 1]

Our side is measured without page cache, as `site_bench` measures latency: by default the script
starts our gunicorn itself with KAZASSO_PAGE_CACHE=0 (bench/server.py, same settings, same SQL
counter) and picks our pages in the database (bench/targets.py). With `--ours URL` it measures a
server already running instead, which must then have been started with KAZASSO_PAGE_CACHE=0: an
`X-Cache: HIT` answer is shown in the table and warned about. bakerydemo has no page cache.

Every URL of both sites is requested in turns (one round = each URL once, the order reversed
every other round), the same number of times, after the same warm-up, so that a change of load
on the shared machine weighs on both sites alike. The machine's load average is printed before
and after. The script measures and asserts nothing.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench import server, stats
from bench.site_bench import RESULTS_DIR, describe_database, git_commit, new_session
from bench.targets import pick_targets

OURS = "Kaz Asso"
BAKERYDEMO = "bakerydemo"
# bakerydemo's fixture: the blog index and its longest post (the heaviest body of the six).
BAKERYDEMO_HOME = "/"
BAKERYDEMO_INDEX = "/blog/"
BAKERYDEMO_POST = "/blog/icelandic-baking/"
# (label, our page kind in bench.targets, bakerydemo path or None for `--bakerydemo-post`):
# the pairs of issue 13, point 8.
DEFAULT_PAIRS = (
    ("accueil ↔ accueil", "accueil", BAKERYDEMO_HOME),
    ("fiche ↔ article de blog", "fiche", None),
    ("liste des fiches ↔ index du blog", "liste des fiches", BAKERYDEMO_INDEX),
    ("événement ↔ article de blog", "événement", None),
)


@dataclass(frozen=True)
class Url:
    site: str
    base: str
    path: str

    @property
    def full(self) -> str:
        return self.base.rstrip("/") + self.path


@dataclass(frozen=True)
class Pair:
    label: str
    ours: Url
    theirs: Url


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Compare nos pages à celles de wagtail/bakerydemo, mesurées en alternance."
    )
    parser.add_argument("--bakerydemo", required=True, help="adresse de bakerydemo (http://127.0.0.1:8100)")
    parser.add_argument(
        "--ours",
        help="adresse de notre serveur déjà lancé avec KAZASSO_PAGE_CACHE=0 "
        "(par défaut : le script lance gunicorn sans cache de pages sur --database-url)",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="notre base PostgreSQL, où choisir nos pages (obligatoire sans --ours ni --pair)",
    )
    parser.add_argument(
        "--pair",
        nargs=3,
        action="append",
        metavar=("LIBELLÉ", "NOTRE_CHEMIN", "CHEMIN_BAKERYDEMO"),
        help="une paire à comparer, répétable (remplace les paires par défaut)",
    )
    parser.add_argument(
        "--bakerydemo-post", default=BAKERYDEMO_POST, help="article de blog des paires par défaut"
    )
    parser.add_argument("--requests", type=int, default=200, help="requêtes mesurées par adresse")
    parser.add_argument("--warmup", type=int, default=10, help="requêtes d'échauffement par adresse")
    parser.add_argument(
        "--concurrency", type=int, default=1, help="clients simultanés (1 : requêtes l'une après l'autre)"
    )
    parser.add_argument("--workers", type=int, default=2, help="processus de notre gunicorn (sans --ours)")
    parser.add_argument("--static-root", type=Path, help="dossier de collectstatic (par défaut : temporaire)")
    parser.add_argument(
        "--output", type=Path, help="fichier JSON (par défaut : bench/results/side-<date>.json)"
    )
    return parser.parse_args(argv)


def default_pairs(ours: str, bakerydemo: str, post: str) -> list[Pair]:
    """The pairs of issue 13 with our pages picked in the database (Django must be set up)."""
    paths = {target.kind: target.path for target in pick_targets()}
    pairs = []
    for label, kind, theirs in DEFAULT_PAIRS:
        if kind not in paths:
            print(f"Pas de page « {kind} » dans notre base : paire « {label} » omise.", file=sys.stderr)
            continue
        pairs.append(Pair(label, Url(OURS, ours, paths[kind]), Url(BAKERYDEMO, bakerydemo, theirs or post)))
    return pairs


def given_pairs(specs: Sequence[Sequence[str]], ours: str, bakerydemo: str) -> list[Pair]:
    return [
        Pair(label, Url(OURS, ours, mine), Url(BAKERYDEMO, bakerydemo, theirs))
        for label, mine, theirs in specs
    ]


def distinct_urls(pairs: Sequence[Pair]) -> list[Url]:
    """Each URL once (two pairs may share bakerydemo's blog post), ours and theirs alternating."""
    seen: dict[Url, None] = {}
    for pair in pairs:
        seen.setdefault(pair.ours)
        seen.setdefault(pair.theirs)
    return list(seen)


def round_order(urls: Sequence[Url], number: int) -> list[Url]:
    """Round `number`'s order: as given on even rounds, reversed on odd ones, so that no URL
    always follows the same other one."""
    return list(urls) if number % 2 == 0 else list(reversed(urls))


def timed_get(session: Any, url: Url) -> tuple[str, Any, float]:
    """One GET, no redirect followed: status (or the error's name), headers, milliseconds."""
    import requests

    started = time.perf_counter()
    try:
        response = session.get(url.full, allow_redirects=False, timeout=120)
        status, headers = str(response.status_code), response.headers
    except requests.RequestException as error:  # a broken page is a result, not a reason to stop
        status, headers = type(error).__name__, {}
    return status, headers, (time.perf_counter() - started) * 1000


def check_reachable(urls: Sequence[Url]) -> None:
    """Stop before measuring when a URL does not answer 200: a dead server is not a figure."""
    session = new_session()
    for url in urls:
        status, _headers, _ms = timed_get(session, url)
        if status != "200":
            sys.exit(
                f"{url.full} répond {status} au lieu de 200 : vérifiez le serveur {url.site} et le chemin."
            )


def measure(
    urls: Sequence[Url], requests: int, warmup: int, concurrency: int = 1
) -> dict[Url, dict[str, Any]]:
    """`warmup` then `requests` rounds over every URL; with `concurrency` > 1, that many clients
    share the measured rounds (the latencies then include the servers' queues)."""
    session = new_session()
    for number in range(warmup):
        for url in round_order(urls, number):
            timed_get(session, url)
    samples: dict[Url, list[tuple[str, Any, float]]] = {url: [] for url in urls}
    rounds: Iterator[int] = iter(range(requests))
    lock = threading.Lock()

    def client() -> None:
        own = new_session()
        while True:
            with lock:
                number = next(rounds, None)
            if number is None:
                return
            for url in round_order(urls, number):
                result = timed_get(own, url)
                with lock:
                    samples[url].append(result)

    clients = [threading.Thread(target=client) for _ in range(max(concurrency, 1))]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    return {url: summarise(results) for url, results in samples.items()}


def summarise(results: Sequence[tuple[str, Any, float]]) -> dict[str, Any]:
    statuses = Counter(status for status, _headers, _ms in results)
    cache = Counter(headers.get("X-Cache", "–") for _status, headers, _ms in results)
    queries = [int(headers["X-Queries"]) if "X-Queries" in headers else None for _s, headers, _ms in results]
    return {
        "status": stats.status_summary(statuses),
        "n": len(results),
        **stats.summarise_timings([ms for _status, _headers, ms in results]),
        **stats.summarise_queries(queries),
        "x_cache": stats.status_summary(cache),
    }


def load_average() -> str:
    """What `uptime` shows as load average (1, 5 and 15 minutes)."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def url_table(rows: Sequence[dict[str, Any]]) -> str:
    headers = ["site", "URL", "statut", "n", "médiane (ms)", "p95 (ms)", "requêtes SQL", "X-Cache"]
    lines = []
    for row in rows:
        spread = f" (max {row['queries_max']})" if row["queries_max"] not in (None, row["queries"]) else ""
        queries = None if row["queries"] is None else f"{row['queries']}{spread}"
        cells = [row["site"], f"`{row['path']}`", row["status"], row["n"], row["median_ms"], row["p95_ms"]]
        lines.append([*cells, queries, row["x_cache"]])
    return stats.markdown_table(headers, lines, align="lllrrrrl")


def pair_rows(pairs: Sequence[Pair], rows: dict[Url, dict[str, Any]]) -> list[dict[str, Any]]:
    """Per pair: both medians and p95s, and how many times faster we are (theirs / ours)."""
    result = []
    for pair in pairs:
        ours, theirs = rows[pair.ours], rows[pair.theirs]
        result.append(
            {
                "label": pair.label,
                "ours": pair.ours.path,
                "theirs": pair.theirs.path,
                "ours_median_ms": ours["median_ms"],
                "theirs_median_ms": theirs["median_ms"],
                "ours_p95_ms": ours["p95_ms"],
                "theirs_p95_ms": theirs["p95_ms"],
                "ratio_median": stats.ratio(theirs["median_ms"], ours["median_ms"]),
                "ratio_p95": stats.ratio(theirs["p95_ms"], ours["p95_ms"]),
            }
        )
    return result


def pair_table(pairs: Sequence[dict[str, Any]]) -> str:
    headers = [
        "paire",
        f"{OURS} médiane (ms)",
        f"{BAKERYDEMO} médiane (ms)",
        "ratio médianes",
        f"{OURS} p95 (ms)",
        f"{BAKERYDEMO} p95 (ms)",
        "ratio p95",
    ]
    lines = [
        [
            p["label"],
            p["ours_median_ms"],
            p["theirs_median_ms"],
            p["ratio_median"],
            p["ours_p95_ms"],
            p["theirs_p95_ms"],
            p["ratio_p95"],
        ]
        for p in pairs
    ]
    return stats.markdown_table(headers, lines, align="lrrrrrr")


def describe_ours() -> str:
    """Our database and its size, when Django is set up on it (not with `--ours` and `--pair`)."""
    from django.conf import settings

    if not settings.configured:
        return ""
    from django.db import connection

    from events.models import EventPage
    from fiches.models import FichePage

    name = connection.settings_dict["NAME"]
    database = describe_database() if connection.vendor == "postgresql" else f"{connection.vendor} ({name})"
    fiches, events = FichePage.objects.live().count(), EventPage.objects.live().count()
    return f"{database}, {fiches} fiches, {events} événements"


def our_pairs(args: argparse.Namespace, ours: str) -> list[Pair]:
    if args.pair:
        return given_pairs(args.pair, ours, args.bakerydemo)
    return default_pairs(ours, args.bakerydemo, args.bakerydemo_post)


@contextlib.contextmanager
def our_server(args: argparse.Namespace, log_path: Path) -> Iterator[str]:
    """Our base URL: `--ours` as given, or a gunicorn without page cache started for the run.

    Django is set up on `--database-url` whenever our pages are picked there (no `--pair`).
    """
    if args.ours and args.pair:
        yield args.ours
        return
    if not args.database_url:
        sys.exit("Indiquez --database-url (notre base, où choisir nos pages) ou, avec --ours, des --pair.")
    # A running server's base is only read (any database); one we start is PostgreSQL, as in production.
    database_url = args.database_url if args.ours else server.check_database_url(args.database_url)
    with tempfile.TemporaryDirectory(prefix="kazasso-bench-") as tmp:
        server.configure(database_url, args.static_root or Path(tmp) / "static")
        import django

        django.setup()
        if args.ours:
            yield args.ours
            return
        server.prepare_database(0, 0, 0)  # migrate only: the base is measured as it is
        server.collectstatic()
        with server.gunicorn(
            workers=args.workers, log_path=log_path, page_cache=False, count_queries=True
        ) as base:
            yield base


def run(args: argparse.Namespace, log_path: Path) -> dict[str, Any]:
    with our_server(args, log_path) as ours:
        pairs = our_pairs(args, ours)
        if not pairs:
            sys.exit("Aucune paire à mesurer.")
        urls = distinct_urls(pairs)
        check_reachable(urls)
        load_before = load_average()
        print(f"Mesure de {len(urls)} adresses, {args.requests} tours…", file=sys.stderr, flush=True)
        started = time.monotonic()
        rows = measure(urls, args.requests, args.warmup, args.concurrency)
        elapsed = time.monotonic() - started
        load_after = load_average()
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(),
        "ours": ours,
        "ours_database": describe_ours(),
        "bakerydemo": args.bakerydemo,
        "requests": args.requests,
        "warmup": args.warmup,
        "concurrency": args.concurrency,
        "duration_s": round(elapsed, 1),
        "load_before": load_before,
        "load_after": load_after,
        "urls": [{"site": url.site, "path": url.path, "url": url.full, **rows[url]} for url in urls],
        "pairs": pair_rows(pairs, rows),
    }


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    stamp = f"{dt.datetime.now():%Y-%m-%d-%H%M%S}"
    log_path = RESULTS_DIR / f"side-{stamp}-gunicorn.log"
    result = run(args, log_path)
    database = f"Notre base : {result['ours_database']}.\n" if result["ours_database"] else ""
    print(
        f"\n{result['requests']} requêtes par adresse en alternance après {result['warmup']} "
        f"d'échauffement, {result['concurrency']} client(s), {result['duration_s']} s ; "
        f"notre site sans cache de pages ({result['ours']}), bakerydemo ({result['bakerydemo']}).\n"
        f"{database}"
        f"Charge moyenne (1, 5, 15 min) avant : {result['load_before']} ; après : {result['load_after']}\n"
    )
    print(url_table(result["urls"]))
    print("\nRatio : temps de bakerydemo divisé par le nôtre (2 : notre page est deux fois plus rapide).\n")
    print(pair_table(result["pairs"]))
    if any(row["site"] == OURS and "HIT" in row["x_cache"] for row in result["urls"]):
        print(
            "\nAttention : des réponses de notre site viennent du cache de pages (X-Cache: HIT) ; "
            "relancez notre serveur avec KAZASSO_PAGE_CACHE=0.",
            file=sys.stderr,
        )
    server.write_results(args.output or RESULTS_DIR / f"side-{stamp}.json", result)


if __name__ == "__main__":
    main()
