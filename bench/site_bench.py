"""Site benchmark: every public page type under gunicorn, against a static file served by whitenoise.

    .venv/bin/python -m bench.site_bench --database-url postgres://root@127.0.0.1:5432/kazasso_benchh \\
        [--fiches 10000 --events 2000] [--requests 200] [--budget 60] [--concurrency 8] [--duration 10]

One run, two servers (bench/server.py), same database and settings except the page cache switch:
1. uncached (KAZASSO_PAGE_CACHE=0): sequential latency (median, p95) and SQL queries per page,
   read from the `X-Queries` header of bench/middleware.py;
2. cached (KAZASSO_PAGE_CACHE=1): requests per second with `--concurrency` clients (wrk, or a
   slower Python client when wrk is missing), and each page's ratio to the static file's figure;
3. on the uncached server again, `--publish-rounds` times: publish a fiche through Wagtail from this
   process, then time the very next /ressources/ and search request (the listings' catalogue
   changed: do the workers rebuild it, or load the copy the publishing process shared?).
It measures and asserts nothing; a page answering anything but 200 shows its status in the table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from bench import server, stats
from bench.targets import Target, pick_targets, static_target

RESULTS_DIR = Path(__file__).resolve().parent / "results"
MIN_SAMPLES = 5


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Mesure les pages publiques sous gunicorn (latence, SQL, req/s)."
    )
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""), help="base PostgreSQL")
    parser.add_argument("--fiches", type=int, default=0, help="génère des fiches si la base en a moins")
    parser.add_argument("--events", type=int, default=0, help="génère des événements si la base en a moins")
    parser.add_argument("--seed", type=int, default=2026, help="graine de generate_content")
    parser.add_argument("--requests", type=int, default=200, help="requêtes mesurées par page (latence)")
    parser.add_argument("--warmup", type=int, default=10, help="requêtes d'échauffement par page")
    parser.add_argument(
        "--budget",
        type=float,
        default=60,
        help="secondes de mesure de latence par page au plus (0 : sans limite)",
    )
    parser.add_argument("--concurrency", type=int, default=8, help="clients simultanés pour les req/s")
    parser.add_argument("--duration", type=int, default=10, help="durée de chaque mesure de req/s (s)")
    parser.add_argument("--workers", type=int, default=2, help="processus gunicorn")
    parser.add_argument("--threads", type=int, default=1, help="fils par processus gunicorn")
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", ""), help="cache Redis (REDIS_URL)"
    )
    parser.add_argument("--static-root", type=Path, help="dossier de collectstatic (par défaut : temporaire)")
    parser.add_argument(
        "--publish-rounds",
        type=int,
        default=5,
        help="publications suivies de la 1re requête, par page mesurée (0 : sans cette mesure)",
    )
    parser.add_argument("--no-rps", action="store_true", help="latence seulement, sans le serveur avec cache")
    parser.add_argument("--rps-uncached", action="store_true", help="mesure aussi les req/s sans cache")
    parser.add_argument(
        "--output", type=Path, help="fichier JSON (par défaut : bench/results/site-<date>.json)"
    )
    return parser.parse_args(argv)


def new_session():
    """A client that keeps no cookie: every request is a first, anonymous visit."""
    import http.cookiejar

    import requests

    session = requests.Session()
    session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    return session


def measure_latency(
    base: str, target: Target, requests: int, warmup: int, budget_s: float | None = None
) -> dict[str, Any]:
    """Sequential GETs (no redirect followed): status, median/p95 latency, SQL queries, X-Cache.

    With `budget_s`, a slow page stops early: warm-up after a quarter of the budget, measured
    requests after the budget once MIN_SAMPLES are in (`n` says how many were measured).
    """
    import requests as http

    session = new_session()

    def get() -> tuple[str, Any, float]:
        started = time.perf_counter()
        try:
            response = session.get(base + target.path, allow_redirects=False, timeout=120)
            status, headers = str(response.status_code), response.headers
        except http.RequestException as error:  # a broken page is a result, not a reason to stop
            status, headers = type(error).__name__, {}
        return status, headers, (time.perf_counter() - started) * 1000

    budget = budget_s or float("inf")
    phase = time.monotonic()
    for _ in range(warmup):
        get()
        if time.monotonic() - phase > budget / 4:
            break
    statuses: Counter[str] = Counter()
    cache: Counter[str] = Counter()
    timings: list[float] = []
    queries: list[int | None] = []
    phase = time.monotonic()
    for _ in range(requests):
        if len(timings) >= MIN_SAMPLES and time.monotonic() - phase > budget:
            break
        status, headers, elapsed = get()
        statuses[status] += 1
        timings.append(elapsed)
        queries.append(int(headers["X-Queries"]) if "X-Queries" in headers else None)
        cache[headers.get("X-Cache", "–")] += 1
    return {
        "status": stats.status_summary(statuses),
        "n": len(timings),
        **stats.summarise_timings(timings),
        **stats.summarise_queries(queries),
        "x_cache": stats.status_summary(cache),
    }


def measure_rps(base: str, target: Target, concurrency: int, duration: int) -> dict[str, Any]:
    """Prime the page (twice, so a cache holds it), then requests per second under load."""
    primed = measure_latency(base, target, requests=1, warmup=1)
    url = base + target.path
    if stats.wrk_available():
        try:
            result = stats.run_wrk(url, connections=concurrency, duration=duration)
        except ValueError as error:  # reported in the JSON, the other pages are still measured
            result = {"rps": None, "non_2xx": None, "socket_errors": None, "tool": "wrk", "error": str(error)}
    else:
        result = stats.python_rps(url, connections=concurrency, duration=duration)
    return {**result, "x_cache": primed["x_cache"], "queries": primed["queries"]}


def publish_a_fiche() -> float:
    """Publish a live fiche again through Wagtail's public API, in one transaction as the editor's
    request does; return the milliseconds it took this process (the writer's side of the change).
    """
    from django.db import transaction

    from fiches.models import FichePage

    fiche = FichePage.objects.live().order_by("pk").first()
    if fiche is None:
        raise RuntimeError("Aucune fiche publiée à republier.")
    started = time.perf_counter()
    with transaction.atomic():
        fiche.save_revision().publish()
    return (time.perf_counter() - started) * 1000


def measure_after_publish(base: str, target: Target, rounds: int) -> dict[str, Any]:
    """`rounds` times: publish, then time the first request for `target` (median, p95, max)."""
    session = new_session()
    statuses: Counter[str] = Counter()
    timings, publish, queries = [], [], []
    for _ in range(rounds):
        publish.append(publish_a_fiche())
        started = time.perf_counter()
        response = session.get(base + target.path, allow_redirects=False, timeout=120)
        timings.append((time.perf_counter() - started) * 1000)
        statuses[str(response.status_code)] += 1
        queries.append(int(response.headers["X-Queries"]) if "X-Queries" in response.headers else None)
    return {
        "kind": f"{target.kind}, 1re requête après publication",
        "path": target.path,
        "status": stats.status_summary(statuses),
        "n": rounds,
        **stats.summarise_timings(timings),
        "max_ms": round(max(timings), 1),
        **stats.summarise_queries(queries),
        "publish_median_ms": stats.summarise_timings(publish)["median_ms"],
    }


def after_publish_targets() -> list[Target]:
    return [t for t in pick_targets() if t.kind in ("liste des fiches", "recherche")]


def after_publish_table(rows: list[dict[str, Any]]) -> str:
    headers = ["page", "URL", "statut", "n", "médiane (ms)", "p95 (ms)", "max (ms)", "requêtes SQL"]
    headers.append("publication (ms, médiane)")
    lines = [
        [r["kind"], f"`{r['path']}`", r["status"], r["n"], r["median_ms"], r["p95_ms"], r["max_ms"]]
        + [r["queries"], r["publish_median_ms"]]
        for r in rows
    ]
    return stats.markdown_table(headers, lines, align="lllrrrrrr")


def add_ratios(rows: list[dict[str, Any]], key: str) -> None:
    """Each row's `key` req/s divided by the static file's (the last row)."""
    reference = rows[-1].get(key, {}).get("rps")
    for row in rows:
        if key in row:
            row[key]["ratio"] = stats.ratio(row[key]["rps"], reference)


def table(rows: list[dict[str, Any]]) -> str:
    headers = ["page", "URL", "statut", "n", "médiane (ms)", "p95 (ms)", "requêtes SQL"]
    modes = [m for m in ("rps_cached", "rps_uncached") if any(m in row for row in rows)]
    titles = {"rps_cached": "avec cache", "rps_uncached": "sans cache"}
    for mode in modes:
        headers += [f"req/s {titles[mode]}", "ratio statique", "erreurs"]
    if "rps_cached" in modes:
        headers.append("X-Cache")
    lines = []
    for row in rows:
        spread = f" (max {row['queries_max']})" if row["queries_max"] not in (None, row["queries"]) else ""
        queries = "–" if row["queries"] is None else f"{row['queries']}{spread}"
        cells = [row["kind"], f"`{row['path']}`", row["status"], row.get("n")]
        cells += [row["median_ms"], row["p95_ms"], queries]
        for mode in modes:
            rps = row.get(mode, {})
            errors = (rps.get("non_2xx") or 0) + (rps.get("socket_errors") or 0) if rps else None
            cells += [rps.get("rps"), rps.get("ratio"), errors]
        if "rps_cached" in modes:
            cells.append(row.get("rps_cached", {}).get("x_cache"))
        lines.append(cells)
    return stats.markdown_table(headers, lines, align="lllrrrrrrrrrrrl")


def describe_database() -> str:
    from django.db import connection

    version = connection.pg_version // 10000 if connection.vendor == "postgresql" else "?"
    return f"PostgreSQL {version} ({connection.settings_dict['NAME']})"


def git_commit() -> str:
    done = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    return done.stdout.strip()


def run(args: argparse.Namespace, log_path: Path) -> dict[str, Any]:
    fiches, events = server.prepare_database(args.fiches, args.events, args.seed)
    server.collectstatic()
    pages = [*pick_targets(), static_target()]
    rows: list[dict[str, Any]] = [{"kind": t.kind, "path": t.path} for t in pages]
    options = {"workers": args.workers, "threads": args.threads, "log_path": log_path}
    with server.gunicorn(page_cache=False, count_queries=True, **options) as base:
        for number, (target, row) in enumerate(zip(pages, rows, strict=True), start=1):
            print(f"Latence {number}/{len(pages)} : {target.path}", file=sys.stderr, flush=True)
            row.update(measure_latency(base, target, args.requests, args.warmup, args.budget or None))
            if args.rps_uncached:
                row["rps_uncached"] = measure_rps(base, target, args.concurrency, args.duration)
        after_publish = []
        for target in after_publish_targets() if args.publish_rounds > 0 else []:
            print(f"Après publication : {target.path}", file=sys.stderr, flush=True)
            after_publish.append(measure_after_publish(base, target, args.publish_rounds))
    if not args.no_rps:
        if not stats.wrk_available():
            print(
                "wrk est absent (apt-get install wrk) : req/s mesurées en Python, bien plus lent.",
                file=sys.stderr,
            )
        with server.gunicorn(page_cache=True, count_queries=True, **options) as base:
            for number, (target, row) in enumerate(zip(pages, rows, strict=True), start=1):
                print(f"Req/s {number}/{len(pages)} : {target.path}", file=sys.stderr, flush=True)
                row["rps_cached"] = measure_rps(base, target, args.concurrency, args.duration)
    for key in ("rps_cached", "rps_uncached"):
        add_ratios(rows, key)
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "commit": git_commit(),
        "database": describe_database(),
        "fiches": fiches,
        "events": events,
        "requests": args.requests,
        "warmup": args.warmup,
        "budget_s": args.budget,
        "concurrency": args.concurrency,
        "duration_s": args.duration,
        "workers": args.workers,
        "threads": args.threads,
        "redis": bool(args.redis_url),
        "rps_tool": "wrk" if stats.wrk_available() else "python",
        "rows": rows,
        "after_publish": after_publish,
    }


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    stamp = f"{dt.datetime.now():%Y-%m-%d-%H%M%S}"
    log_path = RESULTS_DIR / f"site-{stamp}-gunicorn.log"
    with server.django_process(args.database_url, args.static_root, args.redis_url):
        result = run(args, log_path)
    print(
        f"\n{result['fiches']} fiches, {result['events']} événements, {result['database']}, "
        f"{args.workers} processus gunicorn, {args.requests} requêtes par page "
        f"(au plus {args.budget:.0f} s par page), "
        f"req/s : {args.concurrency} clients pendant {args.duration} s ({result['rps_tool']})\n"
    )
    print(table(result["rows"]))
    if result["after_publish"]:
        print("\nPremière requête après une publication (serveur sans cache de pages) :\n")
        print(after_publish_table(result["after_publish"]))
    server.write_results(args.output or RESULTS_DIR / f"site-{stamp}.json", result)
    print(f"Journal de gunicorn : {log_path}")


if __name__ == "__main__":
    main()
