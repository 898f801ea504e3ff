"""Per-client rate limits and lockouts, counted in a cache every process shares (fixed windows).

Each rule in settings.KAZASSO_RATELIMIT_RULES is "scope": (requests, seconds). A client is its IP
address: REMOTE_ADDR, or, when REMOTE_ADDR is one of KAZASSO_TRUSTED_PROXIES, the right-most
X-Forwarded-For address that is not a trusted proxy. Counters live in the cache alias
settings.KAZASSO_RATELIMIT_CACHE_ALIAS (the database, or Redis), so that every gunicorn worker and
every host counts together. KAZASSO_RATELIMITS = False turns the request limits off (load tests
simulate many clients from one address); lockouts after failed passwords always hold.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import time
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import BaseCache
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connections, models, router, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from site_kazasso.proxies import in_networks, trusted_networks, valid_ip

KEY_PREFIX = "kazasso-rl"
logger = logging.getLogger(__name__)


def is_trusted_proxy(address: str) -> bool:
    return in_networks(address, trusted_networks(tuple(getattr(settings, "KAZASSO_TRUSTED_PROXIES", ()))))


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as this deployment can trust it, or None (also used by django-axes,
    which stores it in an address column: anything that is not an IP address is dropped).

    X-Forwarded-For is read only when the socket peer is a trusted proxy: then the client is the
    right-most hop that is not one (hops to its left are whatever the client chose to send).
    """
    address = valid_ip(request.META.get("REMOTE_ADDR", ""))
    if address is None or not is_trusted_proxy(address):
        return address
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        forwarded = valid_ip(hop)
        if forwarded is None:
            break  # a trusted proxy passed on garbage: the last proxy is all we know
        address = forwarded
        if not is_trusted_proxy(forwarded):
            break
    return address


class CounterDatabaseCache(DatabaseCache):
    """Django's database cache with an incr() that is atomic across processes and keeps the key's
    expiry (the base incr() reads then writes, so two workers could both count 5 → 6)."""

    def __init__(self, table: str, params: dict) -> None:
        super().__init__(table, params)
        self.table_name = table

    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, cache_key, expires = quote(self.table_name), quote("cache_key"), quote("expires")
        with transaction.atomic(using=db), connection.cursor() as cursor:
            # A no-op write locks the row (or the SQLite file) until the new count is saved.
            cursor.execute(
                f"UPDATE {table} SET {expires} = {expires} WHERE {cache_key} = %s",  # noqa: S608
                [self.make_and_validate_key(key, version=version)],
            )
            cursor.execute(
                f"SELECT {expires} FROM {table} WHERE {cache_key} = %s",  # noqa: S608
                [self.make_and_validate_key(key, version=version)],
            )
            row = cursor.fetchone()
            value = self.get(key, version=version) if row else None
            if value is None:
                raise ValueError(f"Key '{key}' not found")
            expression = models.Expression(output_field=models.DateTimeField())
            expiry = row[0]
            for converter in connection.ops.get_db_converters(expression) + expression.get_db_converters(
                connection
            ):
                expiry = converter(expiry, expression, connection)
            remaining = max(int((expiry - timezone.now()).total_seconds()), 1)
            self.set(key, value + delta, timeout=remaining, version=version)
        return value + delta


@contextlib.contextmanager
def store_errors_degrade() -> Iterator[None]:
    """The counters' store failing (e.g. `createcachetable` not run yet) lifts the limits, no 500."""
    try:
        yield
    except DatabaseError:
        logger.exception("Compteurs de limite de débit indisponibles (table du cache « ratelimit » ?)")


def counter_cache() -> BaseCache:
    """The shared cache that holds every counter (one alias, declared in settings/caching.py)."""
    return caches[settings.KAZASSO_RATELIMIT_CACHE_ALIAS]


def rule(scope: str) -> tuple[int, int] | None:
    return settings.KAZASSO_RATELIMIT_RULES.get(scope)


def counter_key(
    request: HttpRequest, scope: str, kind: str, subject: str | None, parts: Iterable[object]
) -> str:
    identity = subject if subject is not None else (client_ip(request) or "inconnu")
    digest = hashlib.sha256("\x1f".join([identity, *map(str, parts)]).encode()).hexdigest()[:24]
    return f"{KEY_PREFIX}:{scope}:{kind}:{digest}"


def count(key: str, timeout: int) -> int:
    """Add one to a counter that lives `timeout` seconds from its first count; the new count."""
    cache = counter_cache()
    value = None
    with store_errors_degrade():
        cache.add(key, 0, timeout=timeout)
        try:
            value = cache.incr(key)
        except ValueError:  # the counter expired or was evicted between add() and incr()
            cache.set(key, 1, timeout=timeout)
            value = 1
    # A cache that ignores its connection errors answers None: nothing is counted, nothing fails.
    return value if isinstance(value, int) else 0


def retry_after(request: HttpRequest, scope: str, *, subject: str | None = None) -> int | None:
    """Count one request of this client in `scope`; seconds to wait if it is over the limit.

    `subject` counts something else than the client's address (e.g. the email address a password
    reset is asked for, whoever asks). The window is fixed (it starts at a multiple of its length).
    """
    if not getattr(settings, "KAZASSO_RATELIMITS", True):
        return None
    limits = rule(scope)
    if not limits:
        return None
    limit, window = limits
    now = int(time.time())
    window_start = now - now % window
    if count(counter_key(request, scope, f"w{window_start}", subject, ()), window + 1) <= limit:
        return None
    return max(window_start + window - now, 1)


def locked_out(request: HttpRequest, scope: str, *parts: object) -> int | None:
    """Seconds left if this client is locked out of `scope` (for `parts`, e.g. one restriction)."""
    if not rule(scope):
        return None
    unlock_at = None
    with store_errors_degrade():
        unlock_at = counter_cache().get(counter_key(request, scope, "lock", None, parts))
    if unlock_at is None:
        return None
    left = int(unlock_at - time.time())
    return left if left > 0 else None


def record_failure(request: HttpRequest, scope: str, *parts: object) -> int | None:
    """Count a failed attempt; at the scope's limit the client is locked out for its window, as
    django-axes does for the admin login: returns the lockout's length then."""
    limits = rule(scope)
    if not limits:
        return None
    limit, cool_off = limits
    failures = counter_key(request, scope, "fail", None, parts)
    if count(failures, cool_off) < limit:
        return None
    cache = counter_cache()
    with store_errors_degrade():
        cache.set(counter_key(request, scope, "lock", None, parts), time.time() + cool_off, timeout=cool_off)
        cache.delete(failures)
    return cool_off


def forget_failures(request: HttpRequest, scope: str, *parts: object) -> None:
    """A success clears the failures (when AXES_RESET_ON_SUCCESS says so for the admin login)."""
    if getattr(settings, "AXES_RESET_ON_SUCCESS", False):
        with store_errors_degrade():
            counter_cache().delete(counter_key(request, scope, "fail", None, parts))


def too_many_requests(
    request: HttpRequest, wait: int, *, as_json: bool = False, message: str | None = None
) -> HttpResponse:
    """The 429 answer: a French page (or JSON for scripts) with Retry-After."""
    if message is None:
        message = _("Trop de demandes en peu de temps. Merci de réessayer dans %(minutes)s.") % {
            "minutes": wait_text(wait)
        }
    if as_json:
        response: HttpResponse = JsonResponse({"error": message, "results": []}, status=429)
    else:
        response = TemplateResponse(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(wait)
    return response


def wait_text(seconds: int) -> str:
    """'1 minute', '10 minutes' or 'quelques secondes' for the French messages."""
    if seconds < 60:
        return _("quelques secondes")
    minutes = -(-seconds // 60)
    return _("%(n)s minute") % {"n": minutes} if minutes == 1 else _("%(n)s minutes") % {"n": minutes}
