"""The side-by-side comparison with bakerydemo: turns, counts, ratios; no speed is checked.

Two tiny HTTP servers stand in for the two sites and log the order of the requests they get.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import side_by_side
from bench.side_by_side import Pair, Url


@pytest.fixture
def sites() -> Iterator[tuple[str, str, list[str]]]:
    """Two servers on loopback ("ours" answers X-Queries, both 404 under /absent/); one shared log."""
    log: list[str] = []

    def handler(name: str) -> type[BaseHTTPRequestHandler]:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                log.append(f"{name}{self.path}")
                self.send_response(404 if self.path.startswith("/absent/") else 200)
                if name == "ours":
                    self.send_header("X-Queries", "7")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    servers = [ThreadingHTTPServer(("127.0.0.1", 0), handler(name)) for name in ("ours", "theirs")]
    for httpd in servers:
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
    bases = [f"http://127.0.0.1:{httpd.server_address[1]}" for httpd in servers]
    yield bases[0], bases[1], log
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def test_urls_are_measured_in_turns_the_same_number_of_times(sites):
    ours, theirs, log = sites
    pairs = side_by_side.given_pairs(
        [("fiche", "/f/", "/post/"), ("événement", "/e/", "/post/")], ours, theirs
    )
    urls = side_by_side.distinct_urls(pairs)
    assert [(u.site, u.path) for u in urls] == [
        ("Kaz Asso", "/f/"),
        ("bakerydemo", "/post/"),
        ("Kaz Asso", "/e/"),
    ]

    rows = side_by_side.measure(urls, requests=3, warmup=1)

    one_round = ["ours/f/", "theirs/post/", "ours/e/"]
    reversed_round = list(reversed(one_round))
    assert log == one_round + one_round + reversed_round + one_round  # warm-up, then 3 rounds
    assert {url.path: (row["n"], row["status"]) for url, row in rows.items()} == {
        "/f/": (3, "200"),
        "/post/": (3, "200"),
        "/e/": (3, "200"),
    }
    assert rows[urls[0]]["queries"] == 7
    assert rows[urls[1]]["queries"] is None


def test_concurrent_clients_share_the_rounds(sites):
    ours, theirs, log = sites
    urls = side_by_side.distinct_urls(side_by_side.given_pairs([("accueil", "/", "/")], ours, theirs))
    rows = side_by_side.measure(urls, requests=10, warmup=0, concurrency=3)
    assert [row["n"] for row in rows.values()] == [10, 10]
    assert len(log) == 20


def test_a_page_that_does_not_answer_200_stops_the_run(sites):
    ours, theirs, _log = sites
    urls = [Url("Kaz Asso", ours, "/"), Url("bakerydemo", theirs, "/absent/")]
    with pytest.raises(SystemExit, match="absent/ répond 404"):
        side_by_side.check_reachable(urls)


def test_pair_ratio_is_how_many_times_faster_we_are():
    ours, theirs = Url("Kaz Asso", "http://a", "/f/"), Url("bakerydemo", "http://b", "/post/")
    rows = {
        ours: {"median_ms": 40.0, "p95_ms": 50.0},
        theirs: {"median_ms": 92.0, "p95_ms": 150.0},
    }
    (row,) = side_by_side.pair_rows([Pair("fiche", ours, theirs)], rows)
    assert (row["ratio_median"], row["ratio_p95"]) == (2.3, 3.0)
    table = side_by_side.pair_table([row])
    assert "| fiche | 40.0 | 92.0 | 2.3 | 50.0 | 150.0 | 3.0 |" in table
