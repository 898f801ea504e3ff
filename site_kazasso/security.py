"""Content-Security-Policy for the public site (Django 5.2 has none built in).

The policy comes from settings.KAZASSO_CSP (directive -> sources). The Wagtail admin is left out
(it relies on inline scripts). Signed-in editors see Wagtail's userbar on public pages: its
accessibility checker (axe) compiles templates with `new Function` and injects <style> elements,
so for them KAZASSO_CSP_EDITOR_EXTRA adds 'unsafe-eval' and inline styles, never inline scripts.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

HEADER = "Content-Security-Policy"


def build_policy(directives: dict[str, list[str]], extra: dict[str, list[str]] | None = None) -> str:
    """'default-src 'self'; img-src 'self' data:; …' with `extra` sources appended per directive."""
    merged = {name: list(sources) for name, sources in directives.items()}
    for name, sources in (extra or {}).items():
        merged.setdefault(name, list(directives.get("default-src", [])))
        merged[name] += [s for s in sources if s not in merged[name]]
    return "; ".join(" ".join([name, *sources]).strip() for name, sources in merged.items())


def is_excluded(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in settings.KAZASSO_CSP_EXCLUDE_PREFIXES)


class ContentSecurityPolicyMiddleware:
    """Adds the CSP header to every response outside the admin, unless a view set its own."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.public_policy = build_policy(settings.KAZASSO_CSP)
        self.editor_policy = build_policy(settings.KAZASSO_CSP, settings.KAZASSO_CSP_EDITOR_EXTRA)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER in response or is_excluded(request.path_info):
            return response
        editor = self.is_editor(request)
        response[HEADER] = self.editor_policy if editor else self.public_policy
        return response

    @staticmethod
    def is_editor(request: HttpRequest) -> bool:
        """Signed in? Without a session cookie the session is not touched (no Vary: Cookie)."""
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return False
        user = getattr(request, "user", None)
        return user is not None and user.is_authenticated
