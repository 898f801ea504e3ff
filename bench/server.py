"""A production-like gunicorn on loopback for the site benchmark and the load test.

Both tools run in one process that also talks to the database through Django (to prepare it, pick
URLs and check registrations), with `bench.settings` and throwaway secrets: the process and the
servers it starts share one environment, built by `configure`.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
MANAGE = str(BASE_DIR / "manage.py")


def check_database_url(url: str) -> str:
    """The tools run against PostgreSQL, the production database; refuse anything else."""
    if urlsplit(url).scheme not in {"postgres", "postgresql", "pgsql"}:
        sys.exit("Indiquez une base PostgreSQL : --database-url postgres://utilisateur@hôte:5432/base")
    return url


def ensure_database(url: str, fresh: bool = False) -> None:
    """Create the database of `url` when the server does not have it yet (a fresh machine);
    with `fresh`, drop it first so that it starts empty.
    """
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name:
        sys.exit("Indiquez le nom de la base dans l'adresse : postgres://utilisateur@hôte:5432/base")
    try:
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
            if fresh:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                print(f"Création de la base {name}…", file=sys.stderr)
                admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.Error as error:
        sys.exit(f"Impossible de préparer la base {name} : {error}")


def configure(database_url: str, static_root: Path, redis_url: str = "") -> dict[str, str]:
    """Set (and return) the environment of this process and of the servers it starts.

    SECURE_SSL_REDIRECT=0: clients speak plain http on loopback, where production has a TLS proxy;
    cookies stay `Secure` as in production (the load test's client sends them back anyway).
    KAZASSO_RATELIMITS=0: every simulated client comes from 127.0.0.1.
    """
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "SECRET_KEY": os.environ.get("KAZASSO_BENCH_SECRET_KEY") or secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "KAZASSO_STATIC_ROOT": str(static_root),
        "KAZASSO_RATELIMITS": "0",
        "LOG_LEVEL": "WARNING",
    }
    if redis_url:
        env["REDIS_URL"] = redis_url
    os.environ.update(env)
    return dict(os.environ)


@contextlib.contextmanager
def django_process(database_url: str, static_root: Path | None = None, redis_url: str = "") -> Iterator[None]:
    """Check and create the PostgreSQL database, then start Django in this process with the
    environment of `configure` (static files in a throwaway folder unless `static_root` is given).
    """
    database_url = check_database_url(database_url)
    ensure_database(database_url)
    with tempfile.TemporaryDirectory(prefix="kazasso-bench-") as tmp:
        configure(database_url, static_root or Path(tmp) / "static", redis_url)
        import django

        django.setup()
        yield


def write_results(path: Path, result: dict) -> None:
    """Write a run's figures as JSON (its folder created when missing) and say where."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nRésultats écrits dans {path}")


def manage(*args: str, settings: str | None = None, quiet: bool = False) -> None:
    """Run a manage.py command in a child process (its own settings, our database)."""
    env = dict(os.environ)
    if settings:
        env["DJANGO_SETTINGS_MODULE"] = settings
    output = subprocess.DEVNULL if quiet else None
    subprocess.run([sys.executable, MANAGE, *args], cwd=BASE_DIR, env=env, check=True, stdout=output)


def prepare_database(fiches: int, events: int, seed: int) -> tuple[int, int]:
    """Migrate, then generate what is missing to reach the requested counts; return the counts.

    generate_content refuses production settings (its guard), hence the dev settings for it.
    """
    from events.models import EventPage
    from fiches.models import FichePage

    manage("migrate", "--noinput", "-v0")
    manage("createcachetable", "-v0")  # the rate-limit counters and the shared catalogue
    missing_fiches = max(fiches - FichePage.objects.count(), 0)
    missing_events = max(events - EventPage.objects.count(), 0)
    if missing_fiches or missing_events:
        print(f"Génération de {missing_fiches} fiches et {missing_events} événements…", file=sys.stderr)
        manage(
            "generate_content",
            f"--fiches={missing_fiches}",
            f"--events={missing_events}",
            f"--seed={seed}",
            settings="site_kazasso.settings.dev",
        )
    return FichePage.objects.count(), EventPage.objects.count()


def collectstatic() -> None:
    """Collect into KAZASSO_STATIC_ROOT with the production storage (hashed, compressed names)."""
    print(f"collectstatic dans {os.environ['KAZASSO_STATIC_ROOT']}…", file=sys.stderr)
    manage("collectstatic", "--noinput", "-v0", quiet=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_ready(url: str, process: subprocess.Popen, log_path: Path, timeout: float = 120) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"gunicorn s'est arrêté au démarrage :\n{tail}")
        try:
            requests.get(url, timeout=5)
            return  # any HTTP answer means the server is up
        except requests.RequestException:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn ne répond pas sur {url} après {timeout:.0f} s")


@contextlib.contextmanager
def gunicorn(*, workers: int = 2, threads: int = 1, log_path: Path, **switches: bool) -> Iterator[str]:
    """Start gunicorn on a free loopback port; yield its base URL; stop it on exit.

    `switches` become environment variables: page_cache → KAZASSO_PAGE_CACHE,
    count_queries → KAZASSO_BENCH_QUERIES (each "1" or "0").
    """
    env = dict(os.environ)
    names = {"page_cache": "KAZASSO_PAGE_CACHE", "count_queries": "KAZASSO_BENCH_QUERIES"}
    for key, value in switches.items():
        env[names[key]] = "1" if value else "0"
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "site_kazasso.wsgi:application",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--log-level=warning",
    ]
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("a", encoding="utf-8") as log:
        process = subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_ready(base + "/robots.txt", process, log_path)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
