"""Cache settings built from the environment: Django caches, the page cache, the CDN purge.

Pure functions of an environment mapping so that tests can check every combination; base.py
imports the values computed from os.environ.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured

PAGE_CACHE_ALIAS = "pages"
# Rate-limit counters (site_kazasso.ratelimit): one store for every worker and every host.
RATELIMIT_CACHE_ALIAS = "ratelimit"
RATELIMIT_DATABASE_CACHE = {
    "BACKEND": "site_kazasso.ratelimit.CounterDatabaseCache",
    "LOCATION": "kazasso_ratelimit",  # created by `manage.py createcachetable`
    "OPTIONS": {"MAX_ENTRIES": 50_000},
}
# The listings' catalogue (taxonomy/catalogue.py): built once per content version by the process
# that changed it, loaded by every other worker and host; without Redis, a table of the database.
CATALOGUE_CACHE_ALIAS = "catalogue"
CATALOGUE_DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "kazasso_catalogue",  # created by `manage.py createcachetable`
    "OPTIONS": {"MAX_ENTRIES": 20},
}
# Rendered fragments the public pages repeat (lists of cards, a listing's facet lists), keyed by
# what they show (taxonomy/cards.py, FacetedListing.facets_key): this process's memory, whatever
# the other stores, since markup is cheap to make again and a network round trip would cost what
# it saves (and could fail). About 20 kB each: at most some 20 MB per process.
FRAGMENT_CACHE_ALIAS = "template_fragments"  # the alias Django's {% cache %} uses by default
FRAGMENT_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "kazasso-fragments",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
DEFAULT_PAGE_CACHE_TIMEOUT = 600
# Seconds a Redis connection or command may take before the cache counts as a miss.
REDIS_TIMEOUT = 0.25
# django-redis: log every error it turns into a miss, under the project's cache logger.
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "site_kazasso.cache"


def build_caches(env: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Local memory by default; Redis (one server, three key prefixes) when REDIS_URL is set.

    Rate-limit counters must be shared by every worker: the database without Redis. Redis away
    must not take the site down: django-redis turns its errors into cache misses (logged, see
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS) and short timeouts keep requests moving.
    """
    redis_url = env.get("REDIS_URL", "").strip()
    if redis_url:
        backend = {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
                "SOCKET_TIMEOUT": REDIS_TIMEOUT,
            },
        }
        return {
            "default": {**backend, "KEY_PREFIX": "kazasso"},
            PAGE_CACHE_ALIAS: {**backend, "KEY_PREFIX": "kazasso-pages"},
            RATELIMIT_CACHE_ALIAS: {**backend, "KEY_PREFIX": "kazasso-ratelimit"},
            CATALOGUE_CACHE_ALIAS: {**backend, "KEY_PREFIX": "kazasso-catalogue"},
            FRAGMENT_CACHE_ALIAS: FRAGMENT_CACHE,
        }
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "kazasso"},
        PAGE_CACHE_ALIAS: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "kazasso-pages",
            "OPTIONS": {"MAX_ENTRIES": 1000},
        },
        RATELIMIT_CACHE_ALIAS: RATELIMIT_DATABASE_CACHE,
        CATALOGUE_CACHE_ALIAS: CATALOGUE_DATABASE_CACHE,
        FRAGMENT_CACHE_ALIAS: FRAGMENT_CACHE,
    }


def page_cache_settings(env: Mapping[str, str], base_dir: Path) -> dict[str, Any]:
    """KAZASSO_PAGE_CACHE ("0" disables), its timeout, and where its purge generation lives.

    Without Redis each gunicorn worker has its own local-memory cache, so the generation that
    purges them all is kept in a file every process of the host reads (cron jobs included).
    """
    generation_file: str | None = env.get("KAZASSO_PAGE_CACHE_GENERATION_FILE", "").strip() or None
    if generation_file is None and not env.get("REDIS_URL", "").strip():
        generation_file = str(base_dir / "var" / "pagecache-generation")
    return {
        "KAZASSO_PAGE_CACHE": env.get("KAZASSO_PAGE_CACHE", "1").strip() != "0",
        "KAZASSO_PAGE_CACHE_TIMEOUT": int(env.get("KAZASSO_PAGE_CACHE_TIMEOUT", DEFAULT_PAGE_CACHE_TIMEOUT)),
        "KAZASSO_PAGE_CACHE_ALIAS": PAGE_CACHE_ALIAS,
        "KAZASSO_PAGE_CACHE_GENERATION_FILE": generation_file,
    }


def frontend_cache(env: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """Wagtail's frontend cache purge: an HTTP PURGE proxy (Varnish, nginx) and/or Cloudflare."""
    backends: dict[str, dict[str, Any]] = {}
    purge_url = env.get("FRONTEND_CACHE_PURGE_URL", "").strip()
    if purge_url:
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_url,
        }
    zone = env.get("CLOUDFLARE_ZONEID", "").strip()
    if zone:
        cloudflare: dict[str, Any] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
        }
        if env.get("CLOUDFLARE_BEARER_TOKEN", "").strip():
            cloudflare["BEARER_TOKEN"] = env["CLOUDFLARE_BEARER_TOKEN"].strip()
        elif env.get("CLOUDFLARE_EMAIL", "").strip() and env.get("CLOUDFLARE_API_KEY", "").strip():
            cloudflare["EMAIL"] = env["CLOUDFLARE_EMAIL"].strip()
            cloudflare["API_KEY"] = env["CLOUDFLARE_API_KEY"].strip()
        else:
            raise ImproperlyConfigured(
                "CLOUDFLARE_ZONEID demande aussi CLOUDFLARE_BEARER_TOKEN, "
                "ou bien CLOUDFLARE_EMAIL et CLOUDFLARE_API_KEY (voir deploy/README.md)."
            )
        backends["cloudflare"] = cloudflare
    hostnames = [h.strip() for h in env.get("FRONTEND_CACHE_HOSTNAMES", "").split(",") if h.strip()]
    if hostnames:
        for backend in backends.values():
            backend["HOSTNAMES"] = hostnames
    return backends


CACHES = build_caches(os.environ)
KAZASSO_RATELIMIT_CACHE_ALIAS = RATELIMIT_CACHE_ALIAS
KAZASSO_CATALOGUE_CACHE_ALIAS = CATALOGUE_CACHE_ALIAS
_page_cache = page_cache_settings(os.environ, Path(__file__).resolve().parents[2])
KAZASSO_PAGE_CACHE: bool = _page_cache["KAZASSO_PAGE_CACHE"]
KAZASSO_PAGE_CACHE_TIMEOUT: int = _page_cache["KAZASSO_PAGE_CACHE_TIMEOUT"]
KAZASSO_PAGE_CACHE_ALIAS: str = _page_cache["KAZASSO_PAGE_CACHE_ALIAS"]
KAZASSO_PAGE_CACHE_GENERATION_FILE: str | None = _page_cache["KAZASSO_PAGE_CACHE_GENERATION_FILE"]
WAGTAILFRONTENDCACHE = frontend_cache(os.environ)
