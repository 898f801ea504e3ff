"""Production settings refuse to start without their environment; check --deploy stays clean."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PROD_ENV = {
    "SECRET_KEY": "un-secret-de-test-assez-long-pour-check-deploy-0123456789-abcdefghijklmnop",
    "ALLOWED_HOSTS": "ressources.kazasso.re",
    "DATABASE_URL": "sqlite:////tmp/kazasso-check.sqlite3",
}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in PROD_ENV}
    base["DJANGO_SETTINGS_MODULE"] = "site_kazasso.settings.production"
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120
    )


def test_french_and_reunion_defaults():
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Indian/Reunion"
    assert settings.USE_TZ


@pytest.mark.parametrize("missing", sorted(PROD_ENV))
def test_production_stops_with_a_clear_message_when_a_variable_is_missing(missing):
    env = {k: v for k, v in PROD_ENV.items() if k != missing}
    result = run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert f"La variable d'environnement {missing} est obligatoire en production" in result.stderr


def test_check_deploy_is_clean_with_the_environment_set():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PROD_ENV)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_production_serves_compressed_hashed_static_files():
    result = run(
        [
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.STORAGES['staticfiles']['BACKEND'])",
        ],
        PROD_ENV,
    )
    assert result.stdout.strip() == "whitenoise.storage.CompressedManifestStaticFilesStorage"
