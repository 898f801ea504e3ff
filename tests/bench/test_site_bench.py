"""The site benchmark's parts: wrk parsing, statistics, tables, the query counter, the picked URLs.

Nothing here measures speed: the figures are fed in, or only their presence is checked.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from bench import site_bench, stats
from bench.targets import pick_targets, static_target
from tests.factories import EventFactory, FicheFactory, aware

WRK_OK = """Running 10s test @ http://127.0.0.1:8000/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   812.45us  120.10us   4.20ms   90.12%
    Req/Sec     4.90k   210.33     5.30k    70.00%
  97531 requests in 10.00s, 1.02GB read
Requests/sec:   9753.10
Transfer/sec:    104.50MB
"""

WRK_ERRORS = """Running 10s test @ http://127.0.0.1:8000/recherche/?q=association
  2 threads and 8 connections
    Latency     1.25s   300.00ms   2.00s    70.00%
  64 requests in 10.02s, 3.10MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 7
Requests/sec:      6.39
"""


def test_parse_wrk_reads_rate_requests_and_latency():
    figures = stats.parse_wrk(WRK_OK)
    assert figures["rps"] == 9753.1
    assert figures["requests"] == 97531
    assert figures["latency_avg_ms"] == 0.81  # microseconds converted
    assert figures["non_2xx"] == 0
    assert figures["socket_errors"] == 0


def test_parse_wrk_counts_errors_and_converts_seconds():
    figures = stats.parse_wrk(WRK_ERRORS)
    assert figures["rps"] == 6.4
    assert figures["latency_avg_ms"] == 1250.0
    assert figures["non_2xx"] == 7
    assert figures["socket_errors"] == 5


def test_parse_wrk_refuses_a_failed_run():
    with pytest.raises(ValueError, match="illisible"):
        stats.parse_wrk("unable to connect to 127.0.0.1:1 Connection refused")


def test_percentiles_and_summaries():
    samples = [float(n) for n in range(1, 101)]  # 1..100
    assert stats.percentile(samples, 95) == 95.0
    assert stats.percentile(samples, 50) == 50.0
    assert stats.percentile([7.0], 95) == 7.0
    assert stats.summarise_timings(list(reversed(samples))) == {"median_ms": 50.5, "p95_ms": 95.0}
    assert stats.summarise_queries([12, None, 14, 12]) == {"queries": 12, "queries_max": 14}
    assert stats.summarise_queries([None, None]) == {"queries": None, "queries_max": None}
    assert stats.status_summary(Counter({"200": 5})) == "200"
    assert stats.status_summary(Counter({"500": 1, "200": 4})) == "200 ×4, 500 ×1"


def test_ratios_are_computed_against_the_static_file_and_shown_in_the_table():
    home = {"kind": "accueil", "path": "/", "status": "200", "n": 200, "median_ms": 20.0, "p95_ms": 25.0}
    css = {"kind": "fichier statique", "path": "/static/css/kazasso.css", "status": "200", "n": 200}
    rows = [
        {**home, "queries": 9, "queries_max": 11},
        {**css, "median_ms": 1.0, "p95_ms": 2.0, "queries": 0, "queries_max": 0},
    ]
    rows[0]["rps_cached"] = {"rps": 600.0, "non_2xx": 0, "socket_errors": 1, "x_cache": "HIT"}
    rows[1]["rps_cached"] = {"rps": 1000.0, "non_2xx": 0, "socket_errors": 0, "x_cache": "–"}
    site_bench.add_ratios(rows, "rps_cached")
    assert rows[0]["rps_cached"]["ratio"] == 0.6
    assert rows[1]["rps_cached"]["ratio"] == 1.0
    lines = site_bench.table(rows).splitlines()
    assert lines[0].startswith(
        "| page | URL | statut | n | médiane (ms) | p95 (ms) | requêtes SQL | req/s avec cache"
    )
    assert lines[2] == "| accueil | `/` | 200 | 200 | 20.0 | 25.0 | 9 (max 11) | 600.0 | 0.6 | 1 | HIT |"
    assert stats.ratio(5.0, None) is None


@pytest.mark.django_db
def test_query_counter_header_matches_the_queries_django_runs(client, home_page):
    from django.conf import settings

    counting = ["bench.middleware.QueryCountMiddleware", *settings.MIDDLEWARE]
    with override_settings(MIDDLEWARE=counting), CaptureQueriesContext(connection) as captured:
        response = client.get("/ressources/")
    assert response.status_code == 200
    assert int(response["X-Queries"]) == len(captured) > 0


@pytest.mark.django_db
def test_picked_urls_are_real_pages_of_each_type(client):
    for number in range(3):
        FicheFactory(tags=["Trésorerie", "Assemblée générale"], published_at=aware(2024, 3, number + 1))
    FicheFactory(tags=["Trésorerie"], themes=("emploi-rh",), published_at=aware(2023))
    EventFactory()
    targets = pick_targets()
    kinds = [t.kind for t in targets]
    for kind in ("accueil", "liste filtrée (thème, année)", "liste filtrée (mot-clé)", "fiche", "événement",
                 "structure", "mot-clé", "thème", "recherche"):  # fmt: skip
        assert kind in kinds
    paths = {t.kind: t.path for t in targets}
    assert paths["liste filtrée (thème, année)"] == "/ressources/?theme=financement&annee=2024"
    assert paths["mot-clé"] == "/tags/tresorerie/"
    assert paths["structure"] == "/structures/crajep-reunion/"
    for target in targets:
        response = client.get(target.path)
        assert response.status_code == 200, target
    assert static_target().path == "/static/css/kazasso.css"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_latency_measure_against_a_live_server(live_server):
    """The client really requests the pages: statuses are counted, a missing header gives no count."""
    from bench.targets import Target

    ok = site_bench.measure_latency(live_server.url, Target("accueil", "/"), requests=3, warmup=1)
    assert ok["status"] == "200"
    assert ok["n"] == 3
    assert ok["queries"] is None  # the test settings have no query counter
    assert ok["median_ms"] <= ok["p95_ms"]
    missing = site_bench.measure_latency(live_server.url, Target("x", "/ressources/nexiste-pas/"), 2, 0)
    assert missing["status"] == "404"
    # A page slower than the budget stops after MIN_SAMPLES measured requests.
    hurried = site_bench.measure_latency(live_server.url, Target("accueil", "/"), 50, 3, budget_s=1e-6)
    assert hurried["n"] == site_bench.MIN_SAMPLES


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmark tools run against PostgreSQL")
def test_the_benchmark_database_is_created_when_missing_and_emptied_when_asked():
    """A fresh machine has no benchmark database: the tools create it instead of failing."""
    import uuid

    import psycopg

    from bench import server

    settings_dict = connection.settings_dict
    name = f"kazasso_check_{uuid.uuid4().hex[:8]}"
    base = f"postgres://{settings_dict['USER']}@{settings_dict['HOST']}:{settings_dict['PORT'] or 5432}"
    url = f"{base}/{name}"
    try:
        server.ensure_database(url)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE TABLE marker (id int)")
        server.ensure_database(url)  # kept as it is
        with psycopg.connect(url, autocommit=True) as conn:
            assert conn.execute("SELECT to_regclass('marker')").fetchone()[0] == "marker"
        server.ensure_database(url, fresh=True)  # dropped and created again, empty
        with psycopg.connect(url, autocommit=True) as conn:
            assert conn.execute("SELECT to_regclass('marker')").fetchone()[0] is None
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
