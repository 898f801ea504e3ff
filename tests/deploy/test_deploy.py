"""deploy/: the gunicorn config loads, the scripts parse, cron runs real commands, backups restore."""

import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
SH = shutil.which("sh") or "/bin/sh"
RESTORE_URL = os.environ.get(
    "KAZASSO_RESTORE_TEST_URL", "postgres://root@127.0.0.1:5432/kazasso_cache_restore"
)
PROD_ENV = {
    "SECRET_KEY": "un-secret-de-test-assez-long-pour-la-production-0123456789",
    "ALLOWED_HOSTS": "ressources.kazasso.re",
    "DATABASE_URL": "sqlite:////tmp/kazasso-deploy-check.sqlite3",
}


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env["KAZASSO_ENV_FILE"] = "/nonexistent"
    return {**env, **extra}


def test_gunicorn_config_reads_its_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_WORKERS", "4")
    monkeypatch.setenv("GUNICORN_BIND", "unix:/run/kazasso/gunicorn.sock")
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["workers"] == 4
    assert config["bind"] == "unix:/run/kazasso/gunicorn.sock"
    assert config["raw_env"] == ["DJANGO_SETTINGS_MODULE=site_kazasso.settings.production"]
    assert config["wsgi_app"] == "site_kazasso.wsgi:application"


def test_gunicorn_accepts_the_config_and_loads_the_production_app():
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "--check-config"],
        cwd=ROOT,
        env=clean_env(**PROD_ENV),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout


@pytest.mark.parametrize("script", ["backup.sh", "restore.sh", "manage.sh", "env.sh"])
def test_shell_scripts_parse(script):
    assert subprocess.run([SH, "-n", str(DEPLOY / script)], capture_output=True).returncode == 0


def test_cron_runs_existing_commands_and_the_backup():
    lines = [
        line
        for line in (DEPLOY / "kazasso.cron").read_text().splitlines()
        if line and not line.startswith("#") and "=" not in line.split()[0]
    ]
    commands = {m.group(1) for line in lines for m in [re.search(r"manage\.sh (\w+)", line)] if m}
    scheduled = {
        "publish_scheduled",
        "send_outbox",
        "send_freshness_digest",
        "clearsessions",
        "send_alerts",
        "send_review_reminders",
        "send_event_reminders",
        "erase_expired_data",
    }
    assert scheduled <= commands  # each app's scheduled command has its line
    assert commands <= set(get_commands())  # and every line runs a real command
    assert any("deploy/backup.sh" in line for line in lines)
    assert all(len(line.split()) >= 7 for line in lines)  # five time fields, a user, a command


def test_restore_without_a_dump_explains_its_usage():
    result = subprocess.run([SH, str(DEPLOY / "restore.sh")], env=clean_env(), capture_output=True, text=True)
    assert result.returncode == 2
    assert "Usage" in result.stderr


def sql(url: str, statement: str) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(statement)
        return cursor.fetchall() if cursor.description else []


@pytest.fixture
def scratch_database():
    """An empty PostgreSQL database for the round trip, dropped afterwards."""
    name = RESTORE_URL.rsplit("/", 1)[1]
    server = RESTORE_URL.rsplit("/", 1)[0] + "/postgres"
    sql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    sql(server, f'CREATE DATABASE "{name}"')
    yield RESTORE_URL
    sql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_then_restore_brings_back_the_database_and_the_media(scratch_database, tmp_path):
    sql(scratch_database, "CREATE TABLE fiche (titre text)")
    sql(scratch_database, "INSERT INTO fiche VALUES ('Tenir son AG à distance')")
    media = tmp_path / "media"
    (media / "documents").mkdir(parents=True)
    (media / "documents" / "pv-ag.pdf").write_bytes(b"%PDF-1.4 original")
    backups = tmp_path / "sauvegardes"
    env = clean_env(
        DATABASE_URL=scratch_database,
        MEDIA_ROOT=str(media),
        BACKUP_DIR=str(backups),
        DJANGO_SETTINGS_MODULE="site_kazasso.settings.test",
    )

    backup = subprocess.run([SH, str(DEPLOY / "backup.sh")], env=env, capture_output=True, text=True)
    assert backup.returncode == 0, backup.stderr
    (dump,) = backups.glob("kazasso-2*.dump")
    (archive,) = backups.glob("kazasso-media-*.tar.gz")

    # Everything goes wrong after the backup.
    sql(scratch_database, "DELETE FROM fiche")
    sql(scratch_database, "CREATE TABLE intruse (x int)")
    (media / "documents" / "pv-ag.pdf").write_bytes(b"abime")

    restore = subprocess.run(
        [SH, str(DEPLOY / "restore.sh"), "--yes", str(dump), str(archive)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert restore.returncode == 0, restore.stderr
    assert sql(scratch_database, "SELECT titre FROM fiche") == [("Tenir son AG à distance",)]
    assert (media / "documents" / "pv-ag.pdf").read_bytes() == b"%PDF-1.4 original"
    (kept,) = tmp_path.glob("media.avant-restauration-*")
    assert (kept / "documents" / "pv-ag.pdf").read_bytes() == b"abime"
    assert "Cache des pages vidé" in restore.stdout


def test_restore_asks_before_replacing_the_database(scratch_database, tmp_path):
    dump = tmp_path / "kazasso.dump"
    dump.write_bytes(b"pas une vraie sauvegarde")
    result = subprocess.run(
        [SH, str(DEPLOY / "restore.sh"), str(dump)],
        env=clean_env(DATABASE_URL=scratch_database),
        input="non\n",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "Restauration annulée" in result.stderr
