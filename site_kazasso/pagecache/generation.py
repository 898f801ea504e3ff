"""The purge generation: a token in every page-cache key; a new token purges every page at once.

Kept in the page cache itself when that cache is shared (Redis), or in a small file when each
process has its own local-memory cache, so that a change made by one worker or a cron job
purges the pages of every process of the host.
"""

from __future__ import annotations

import logging
import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db import connection, transaction

logger = logging.getLogger(__name__)

GENERATION_KEY = "kazasso:pagecache:generation"


def page_cache() -> BaseCache:
    return caches[settings.KAZASSO_PAGE_CACHE_ALIAS]


def current_generation() -> str:
    """The token of the pages that may be served now."""
    path = settings.KAZASSO_PAGE_CACHE_GENERATION_FILE
    if path:
        try:
            with open(path, encoding="ascii") as handle:
                return handle.read(64)
        except (FileNotFoundError, UnicodeDecodeError):
            return "0"
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
        generation = cache.get(GENERATION_KEY, "0")
    return generation


def _write_generation() -> None:
    token = uuid.uuid4().hex
    path = settings.KAZASSO_PAGE_CACHE_GENERATION_FILE
    if not path:
        page_cache().set(GENERATION_KEY, token, timeout=None)
        return
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_name(f".{target.name}.{token}")
        scratch.write_text(token, encoding="ascii")
        os.replace(scratch, target)
    except OSError:
        # A content change must never fail because of the cache; cached pages then expire alone.
        logger.exception("Impossible de purger le cache des pages (fichier %s).", target)


def purge_all_pages() -> None:
    """Retire every cached page, now and again when the current transaction commits.

    The second purge drops pages rendered from the old data while the transaction was open.
    """
    _write_generation()
    if connection.in_atomic_block:
        transaction.on_commit(_write_generation)
