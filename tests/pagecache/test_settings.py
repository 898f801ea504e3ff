"""Cache settings from the environment: local memory or Redis, the switch, the CDN purge."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from site_kazasso.settings.caching import (
    CATALOGUE_CACHE_ALIAS,
    CATALOGUE_DATABASE_CACHE,
    RATELIMIT_CACHE_ALIAS,
    RATELIMIT_DATABASE_CACHE,
    build_caches,
    frontend_cache,
    page_cache_settings,
)

ROOT = Path(__file__).resolve().parents[2]


def test_local_memory_by_default_with_a_separate_page_cache():
    caches = build_caches({})
    shared = (RATELIMIT_CACHE_ALIAS, CATALOGUE_CACHE_ALIAS)
    local = {alias: c["BACKEND"] for alias, c in caches.items() if alias not in shared}
    assert set(local.values()) == {"django.core.cache.backends.locmem.LocMemCache"}
    assert caches["default"]["LOCATION"] != caches["pages"]["LOCATION"]
    # Rate-limit counters and the listings' catalogue are shared by every worker: the database.
    assert caches[RATELIMIT_CACHE_ALIAS] == RATELIMIT_DATABASE_CACHE
    assert caches[CATALOGUE_CACHE_ALIAS] == CATALOGUE_DATABASE_CACHE


def test_redis_when_redis_url_is_set():
    caches = build_caches({"REDIS_URL": "redis://cache.interne:6379/1"})
    assert caches["pages"]["BACKEND"] == "django_redis.cache.RedisCache"
    # Redis away is a cache miss, not an error (issue 12, point 14).
    assert caches["pages"]["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert caches["default"]["LOCATION"] == caches["pages"]["LOCATION"] == "redis://cache.interne:6379/1"
    assert caches["default"]["KEY_PREFIX"] != caches["pages"]["KEY_PREFIX"]


def test_page_cache_switch_timeout_and_generation_store(tmp_path):
    default = page_cache_settings({}, tmp_path)
    assert default["KAZASSO_PAGE_CACHE"] is True
    assert default["KAZASSO_PAGE_CACHE_TIMEOUT"] == 600
    assert default["KAZASSO_PAGE_CACHE_GENERATION_FILE"] == str(tmp_path / "var" / "pagecache-generation")
    off = page_cache_settings({"KAZASSO_PAGE_CACHE": "0", "KAZASSO_PAGE_CACHE_TIMEOUT": "60"}, tmp_path)
    assert off["KAZASSO_PAGE_CACHE"] is False
    assert off["KAZASSO_PAGE_CACHE_TIMEOUT"] == 60
    on_redis = page_cache_settings({"REDIS_URL": "redis://cache.interne:6379/1"}, tmp_path)
    assert on_redis["KAZASSO_PAGE_CACHE_GENERATION_FILE"] is None


def test_no_frontend_cache_unless_configured():
    assert frontend_cache({}) == {}


def test_frontend_cache_for_an_http_purge_proxy_and_cloudflare():
    backends = frontend_cache(
        {
            "FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081",
            "CLOUDFLARE_ZONEID": "zone-123",
            "CLOUDFLARE_BEARER_TOKEN": "jeton",
            "FRONTEND_CACHE_HOSTNAMES": "ressources.kazasso.re",
        }
    )
    assert backends["proxy"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://127.0.0.1:6081",
        "HOSTNAMES": ["ressources.kazasso.re"],
    }
    assert backends["cloudflare"]["ZONEID"] == "zone-123"
    assert backends["cloudflare"]["BEARER_TOKEN"] == "jeton"


def test_cloudflare_without_credentials_stops_with_a_french_message():
    with pytest.raises(ImproperlyConfigured, match="CLOUDFLARE_BEARER_TOKEN"):
        frontend_cache({"CLOUDFLARE_ZONEID": "zone-123"})


def test_production_installs_wagtail_frontend_cache_when_a_purge_url_is_set():
    env = {
        "DJANGO_SETTINGS_MODULE": "site_kazasso.settings.production",
        "SECRET_KEY": "un-secret-de-test-assez-long-pour-la-production-0123456789",
        "ALLOWED_HOSTS": "ressources.kazasso.re",
        "DATABASE_URL": "sqlite:////tmp/kazasso-cache-check.sqlite3",
        "FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081",
        "PATH": "/usr/bin:/bin",
    }
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print('wagtail.contrib.frontend_cache' in settings.INSTALLED_APPS, "
        "settings.WAGTAILFRONTENDCACHE['proxy']['LOCATION'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.split() == ["True", "http://127.0.0.1:6081"], result.stderr
