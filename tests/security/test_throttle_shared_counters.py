"""Issue 12, point 13: rate-limit counters are shared by every worker (database) and host (Redis)."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.conf import settings

from site_kazasso.ratelimit import CounterDatabaseCache, count, counter_cache
from site_kazasso.settings.caching import RATELIMIT_CACHE_ALIAS, build_caches

ROOT = Path(__file__).resolve().parents[2]

# One "gunicorn worker": its own process and its own caches, 10 registrations from one address.
WORKER = """
import django
django.setup()
from django.conf import settings
from django.test import RequestFactory
from site_kazasso.ratelimit import retry_after

settings.KAZASSO_RATELIMITS = True
settings.KAZASSO_RATELIMIT_RULES = {"registration": (10, 10**9)}  # one window for the whole test
request = RequestFactory().post("/evenements/atelier/", REMOTE_ADDR="192.0.2.77")
print(sum(retry_after(request, "registration") is None for _ in range(10)))
"""


def test_three_worker_processes_share_one_limit_without_redis(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "site_kazasso.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    setup = "import django; django.setup(); from django.core.management import call_command; "
    subprocess.run(
        [sys.executable, "-c", setup + "call_command('createcachetable')"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    allowed = [int(worker.communicate(timeout=120)[0]) for worker in workers]
    assert sum(allowed) == 10, allowed  # 30 before: each worker counted in its own memory


def test_the_settings_give_the_database_without_redis_and_redis_with_it():
    local = build_caches({})[RATELIMIT_CACHE_ALIAS]
    assert local["BACKEND"] == "site_kazasso.ratelimit.CounterDatabaseCache"
    shared = build_caches({"REDIS_URL": "redis://redis.interne:6379/0"})
    # The same Redis backend as the other aliases, under its own prefix.
    assert {k: v for k, v in shared[RATELIMIT_CACHE_ALIAS].items() if k != "KEY_PREFIX"} == {
        k: v for k, v in shared["default"].items() if k != "KEY_PREFIX"
    }
    assert shared[RATELIMIT_CACHE_ALIAS]["KEY_PREFIX"] not in {
        shared[a]["KEY_PREFIX"] for a in ("default", "pages")
    }
    # The test settings count in the test database too.
    assert settings.CACHES[settings.KAZASSO_RATELIMIT_CACHE_ALIAS]["BACKEND"] == local["BACKEND"]


@pytest.mark.django_db
def test_a_database_counter_keeps_its_expiry_when_counted():
    assert isinstance(counter_cache(), CounterDatabaseCache)
    with time_machine.travel(dt.datetime(2030, 3, 1, 8, 0, tzinfo=dt.UTC), tick=False) as clock:
        assert [count("essai", 60) for _ in range(3)] == [1, 2, 3]
        clock.shift(dt.timedelta(seconds=50))
        assert count("essai", 60) == 4
        clock.shift(dt.timedelta(seconds=11))  # 61 s after the first count: a new counter
        assert count("essai", 60) == 1
