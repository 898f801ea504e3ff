"""Per-client rate limits on public endpoints, counted in the Django cache (fixed windows).

Each rule in settings.KAZASSO_RATELIMIT_RULES is "scope": (requests, seconds). A client is its IP
address: REMOTE_ADDR, or the last hop of X-Forwarded-For when KAZASSO_TRUST_X_FORWARDED_FOR says
a proxy we run (nginx) appends the real address there. KAZASSO_RATELIMITS = False turns every
limit off (load tests simulate many clients from one address).
"""

from __future__ import annotations

import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

KEY_PREFIX = "kazasso-rl"


def valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address as this deployment can trust it, or None (also used by django-axes,
    which stores it in an address column: anything that is not an IP address is dropped)."""
    if getattr(settings, "KAZASSO_TRUST_X_FORWARDED_FOR", False):
        last_hop = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1]
        if address := valid_ip(last_hop):
            return address
    return valid_ip(request.META.get("REMOTE_ADDR", ""))


def retry_after(request: HttpRequest, scope: str) -> int | None:
    """Count one request of this client in `scope`; seconds to wait if it is over the limit.

    The window is fixed (it starts at a multiple of its length), so the first request of a window
    creates the counter with cache.add() and the others increment it atomically.
    """
    if not getattr(settings, "KAZASSO_RATELIMITS", True):
        return None
    rule = settings.KAZASSO_RATELIMIT_RULES.get(scope)
    if not rule:
        return None
    limit, window = rule
    now = int(time.time())
    window_start = now - now % window
    client = hashlib.sha256((client_ip(request) or "inconnu").encode()).hexdigest()[:24]
    key = f"{KEY_PREFIX}:{scope}:{client}:{window_start}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the counter expired or was evicted between add() and incr()
        cache.set(key, 1, timeout=window + 1)
        count = 1
    if count is None:  # the cache is unreachable (Redis down): let the visitor through
        return None
    if count <= limit:
        return None
    return max(window_start + window - now, 1)


def too_many_requests(request: HttpRequest, wait: int, *, as_json: bool = False) -> HttpResponse:
    """The 429 answer: a French page (or JSON for scripts) with Retry-After."""
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
