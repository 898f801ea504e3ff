"""The purge tokens: the generation, in every page-cache key, and one seat token per event.

A new generation purges every page at once; a new seat token of an event drops only the cached
pages that show its seats (the middleware compares the tokens they were stored with). Tokens are
kept in the page cache itself when that cache is shared (Redis), or in small files when each
process has its own local-memory cache, so that a change made by one worker or a cron job
reaches the pages of every process of the host.
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db import connection, transaction

logger = logging.getLogger(__name__)

GENERATION = "generation"
CACHE_KEY = "kazasso:pagecache:{name}"
GENERATION_KEY = CACHE_KEY.format(name=GENERATION)


def page_cache() -> BaseCache:
    return caches[settings.KAZASSO_PAGE_CACHE_ALIAS]


def seat_token_name(event_id: int) -> str:
    """The token that changes with the registrations (seats left, "complet") of one event."""
    return f"seats-{int(event_id)}"


def token_file(name: str) -> Path | None:
    """Where token `name` lives without Redis: the generation file, or a file beside it."""
    path = settings.KAZASSO_PAGE_CACHE_GENERATION_FILE
    if not path:
        return None
    target = Path(path)
    return target if name == GENERATION else target.with_name(f"{target.name}.{name}")


def read_tokens(names: Iterable[str]) -> dict[str, str]:
    """{name: token} now; a token never written reads as a fixed value (file) or a new one (cache)."""
    names = list(names)
    if settings.KAZASSO_PAGE_CACHE_GENERATION_FILE:
        tokens = {}
        for name in names:
            try:
                tokens[name] = token_file(name).read_text(encoding="ascii")[:64]
            except (FileNotFoundError, UnicodeDecodeError):
                tokens[name] = "0"
        return tokens
    cache = page_cache()
    keys = {CACHE_KEY.format(name=name): name for name in names}
    found = cache.get_many(list(keys))
    for key in keys.keys() - found.keys():
        # A token lost from the cache (evicted) comes back new: what was stored with it goes too.
        cache.add(key, uuid.uuid4().hex, timeout=None)
        found[key] = cache.get(key, "0")
    return {name: found[key] for key, name in keys.items()}


def current_generation() -> str:
    """The token of the pages that may be served now."""
    return read_tokens([GENERATION])[GENERATION]


def _write_token(name: str) -> None:
    token = uuid.uuid4().hex
    target = token_file(name)
    if target is None:
        page_cache().set(CACHE_KEY.format(name=name), token, timeout=None)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_name(f".{target.name}.{token}")
        scratch.write_text(token, encoding="ascii")
        os.replace(scratch, target)
    except OSError:
        # A content change must never fail because of the cache; cached pages then expire alone.
        logger.exception("Impossible de purger le cache des pages (fichier %s).", target)


def renew_token(name: str) -> None:
    """Give token `name` a new value, now and again when the current transaction commits.

    The second write drops pages rendered from the old data while the transaction was open.
    """
    _write_token(name)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: _write_token(name))


def purge_all_pages() -> None:
    """Retire every cached page."""
    renew_token(GENERATION)


def purge_seats_of(event_id: int) -> None:
    """Retire the cached pages that show this event's seats, and only those."""
    renew_token(seat_token_name(event_id))
