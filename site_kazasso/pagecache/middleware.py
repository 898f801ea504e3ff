"""Serve anonymous visitors' public pages from the cache, before sessions, auth and views run.

A hit costs two cache reads (the published content version, then the page; three for a page
showing an event's seats, to check they did not change) and no database query, session load or
template rendering. Only responses that are the same for every visitor are stored: 200, GET, a
public content type, no cookie set, no CSRF token used, an anonymous user and no
`Cache-Control: private/no-store`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from operator import itemgetter
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import patch_cache_control

from site_kazasso import content_version

# /apercu/: draft preview links (editorial/sharing.py), personal to whoever holds the token.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/", "/apercu/")
# A registration's confirmation, cancellation and certificate links are personal, whatever their response.
EXCLUDED_FRAGMENTS = ("/inscription/", "/attestation/")
CACHED_CONTENT_TYPES = frozenset(
    {
        "text/html",
        "text/plain",
        "text/xml",
        "application/xml",
        "application/rss+xml",
        "application/atom+xml",
        "text/calendar",
        "application/json",  # the search box's suggestions
    }
)
# Vary headers whose value cannot change the response of a visitor we serve from the cache.
HARMLESS_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
MESSAGES_COOKIE = "messages"
MAX_QUERY_LENGTH = 2000
# v3: an entry holds the seat versions of the events it shows, besides its content and headers.
KEY_PREFIX = "kazasso:page:v3"
# Set on the request by `shows_seats_of`: {event id: seat version} read before the seats were.
SEAT_VERSIONS_ATTRIBUTE = "kazasso_seat_versions"

Entry = tuple[bytes, list[tuple[str, str]], dict[int, str]]


def page_cache() -> BaseCache:
    return caches[settings.KAZASSO_PAGE_CACHE_ALIAS]


def is_cacheable_request(request: HttpRequest) -> bool:
    """GET/HEAD of a public URL by a visitor with nothing personal (no session, no messages)."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or MESSAGES_COOKIE in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
        return False
    path = request.path
    if path.startswith(EXCLUDED_PREFIXES):
        return False
    return not any(fragment in path for fragment in EXCLUDED_FRAGMENTS)


def cache_key(request: HttpRequest, version: str) -> str:
    """Scheme, host, path and the parameters as Django parsed them, sorted by name only.

    The sort is stable: a repeated parameter keeps its values' order, which views read
    (`QueryDict.get` returns the last value), so two keys are equal only for the same render.
    """
    params = sorted(request.GET.lists(), key=itemgetter(0))
    query = urlencode(params, doseq=True)
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    digest = hashlib.blake2b(url.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
    return f"{KEY_PREFIX}:{version}:{digest}"


def used_csrf_token(request: HttpRequest) -> bool:
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"))


def is_personal(request: HttpRequest, response: HttpResponseBase) -> bool:
    """The response belongs to this visitor alone: it sets a cookie, holds a token or a user."""
    if response.cookies or used_csrf_token(request):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def is_storable(request: HttpRequest, response: HttpResponseBase) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
    if content_type not in CACHED_CONTENT_TYPES or response.has_header("Content-Encoding"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if vary - HARMLESS_VARY:
        return False
    return not is_personal(request, response)


def shows_seats_of(request: HttpRequest | None, *event_ids: int) -> None:
    """Called by a view before it reads events' registrations (an event page, a list of cards):
    its cached page then lives only as long as those registrations do not change
    (`content_version.seats_changed`). Without a request (a command), nothing to do.
    """
    if request is None or not event_ids:
        return
    if not settings.KAZASSO_PAGE_CACHE or not is_cacheable_request(request):
        return
    versions = getattr(request, SEAT_VERSIONS_ATTRIBUTE, None)
    if versions is None:
        versions = {}
        setattr(request, SEAT_VERSIONS_ATTRIBUTE, versions)
    versions.update(content_version.seats_versions(event_ids))


def frozen(request: HttpRequest, response: HttpResponseBase) -> Entry:
    return response.content, list(response.items()), getattr(request, SEAT_VERSIONS_ATTRIBUTE, {})


def is_current(entry: Entry) -> bool:
    """False when the registrations of an event the page shows changed since it was stored."""
    seat_versions = entry[2]
    return not seat_versions or content_version.seats_versions(seat_versions) == seat_versions


def thawed(entry: Entry, method: str) -> HttpResponse:
    content, headers, _seat_versions = entry
    # HEAD gets the headers (Content-Length included) without the body.
    response = HttpResponse(b"" if method == "HEAD" else content, headers=dict(headers))
    response["X-Cache"] = "HIT"
    return response


class PageCacheMiddleware:
    """Placed right after WhiteNoise: a hit returns before the session and auth middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not settings.KAZASSO_PAGE_CACHE or not is_cacheable_request(request):
            return self.mark_personal(request, self.get_response(request))
        # The version is read before rendering: a page rendered while content changes is stored
        # under the old version, which the commit of the change retires.
        key = cache_key(request, content_version.published())
        cache = page_cache()
        entry = cache.get(key)
        if entry is not None and is_current(entry):
            return thawed(entry, request.method)
        response = self.get_response(request)
        if is_storable(request, response):
            cache.set(key, frozen(request, response), settings.KAZASSO_PAGE_CACHE_TIMEOUT)
        else:
            self.mark_personal(request, response)
        response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def mark_personal(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        """Tell shared caches (a CDN, a proxy) never to keep a visitor's own page."""
        if request.method in ("GET", "HEAD") and (
            settings.SESSION_COOKIE_NAME in request.COOKIES or is_personal(request, response)
        ):
            patch_cache_control(response, private=True)
        return response
