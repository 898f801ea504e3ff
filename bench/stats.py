"""Pure helpers shared by the site benchmark and the load test: percentiles, wrk, tables.

Kept free of Django and of the network (except `run_wrk` and `python_rps`, which only drive a
client) so that tests/bench can check them cheaply.
"""

from __future__ import annotations

import math
import re
import shutil
import statistics
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (the value below which `pct` % of the samples fall)."""
    if not values:
        raise ValueError("no samples")
    ordered = sorted(values)
    rank = max(math.ceil(pct / 100 * len(ordered)) - 1, 0)
    return ordered[rank]


def summarise_timings(timings_ms: Sequence[float]) -> dict[str, float]:
    """Median and p95 in milliseconds, rounded for the table."""
    return {
        "median_ms": round(statistics.median(timings_ms), 1),
        "p95_ms": round(percentile(timings_ms, 95), 1),
    }


def summarise_queries(counts: Iterable[int | None]) -> dict[str, int | None]:
    """Median and maximum SQL queries; None when the server did not send X-Queries."""
    known = [c for c in counts if c is not None]
    if not known:
        return {"queries": None, "queries_max": None}
    return {"queries": int(statistics.median(known)), "queries_max": max(known)}


def status_summary(statuses: Counter[str]) -> str:
    """ "200" when every response agreed, else "200 ×190, 500 ×10"."""
    if len(statuses) == 1:
        return next(iter(statuses))
    return ", ".join(f"{code} ×{n}" for code, n in sorted(statuses.items()))


def _to_ms(number: str, unit: str) -> float:
    return float(number) * _UNITS_MS[unit]


def parse_wrk(output: str) -> dict[str, Any]:
    """Read the figures of a `wrk` run from its text report.

    Raises ValueError when the report has no "Requests/sec" line (wrk failed to connect, etc.).
    """
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if not rps:
        raise ValueError(f"sortie de wrk illisible : {output.strip()[:200]!r}")
    total = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m)", output)
    latency = re.search(r"Latency\s+([\d.]+)(us|ms|s|m)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    socket_errors = sum(int(n) for n in socket.groups()) if socket else 0
    return {
        "rps": round(float(rps.group(1)), 1),
        "requests": int(total.group(1)) if total else None,
        "latency_avg_ms": round(_to_ms(*latency.groups()), 2) if latency else None,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": socket_errors,
        "tool": "wrk",
    }


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def run_wrk(url: str, *, connections: int, duration: int, threads: int = 2) -> dict[str, Any]:
    """Requests per second on one URL with `connections` concurrent keep-alive clients."""
    command = [
        "wrk",
        f"--threads={max(1, min(threads, connections))}",
        f"--connections={connections}",
        f"--duration={duration}s",
        "--timeout=30s",
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=duration + 60)
    return parse_wrk(done.stdout + done.stderr)


def python_rps(url: str, *, connections: int, duration: float) -> dict[str, Any]:
    """Fallback when wrk is missing: threads with requests sessions (the client is the bottleneck)."""
    import requests

    deadline = time.monotonic() + duration
    counts: Counter[str] = Counter()
    lock = threading.Lock()

    def client() -> None:
        session = requests.Session()
        local: Counter[str] = Counter()
        while time.monotonic() < deadline:
            try:
                response = session.get(url, timeout=30)
                local["ok" if response.status_code < 400 else "non_2xx"] += 1
            except requests.RequestException:
                local["socket_errors"] += 1
        with lock:
            counts.update(local)

    started = time.monotonic()
    workers = [threading.Thread(target=client) for _ in range(connections)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.monotonic() - started
    total = counts["ok"] + counts["non_2xx"]
    return {
        "rps": round(total / elapsed, 1),
        "requests": total,
        "latency_avg_ms": None,
        "non_2xx": counts["non_2xx"],
        "socket_errors": counts["socket_errors"],
        "tool": "python",
    }


def ratio(value: float | None, reference: float | None) -> float | None:
    """value / reference rounded to 3 places, or None when either is missing or zero."""
    if not value or not reference:
        return None
    return round(value / reference, 3)


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[Any]], align: str = "") -> str:
    """A Markdown table; `align` has one letter per column, "r" right-aligns it (numbers)."""
    marks = ["---:" if align[i : i + 1] == "r" else "---" for i in range(len(headers))]
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join(marks) + " |"]
    for row in rows:
        lines.append("| " + " | ".join("–" if cell is None else str(cell) for cell in row) + " |")
    return "\n".join(lines)
