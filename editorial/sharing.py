"""Draft preview links: a read-only view of a page's latest revision for someone without an account.

Created and revoked by the page's editors and the coordination (never by a reviewer from another
structure), they expire after KAZASSO_PREVIEW_LINK_DAYS days. The public view renders the latest
revision through Wagtail's preview path (`serve_preview`), as an anonymous visitor would see it,
marked `noindex` and never stored by any cache; it is a token URL, not a page, so no listing,
sitemap, feed or search knows it. Views are counted, nothing about the visitor is kept.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.log_actions import log
from wagtail.models import Page

from editorial.models import PreviewLink

CREATED = "editorial.preview_link_created"
REVOKED = "editorial.preview_link_revoked"
TOKEN_BYTES = 32
NOINDEX = "noindex, nofollow"


def lifetime() -> dt.timedelta:
    return dt.timedelta(days=getattr(settings, "KAZASSO_PREVIEW_LINK_DAYS", 7))


def can_share(page: Page, user: AbstractBaseUser | AnonymousUser) -> bool:
    """Those who edit the page's content (its structure, the coordination, administrators)."""
    if not (user.is_authenticated and user.is_active):
        return False
    perms = page.permissions_for_user(user)
    if not perms.can_edit():
        return False
    can_edit_content = getattr(perms, "can_edit_content", None)
    return can_edit_content() if can_edit_content is not None else True


def create_link(page: Page, user: AbstractBaseUser) -> PreviewLink:
    now = timezone.now()
    with transaction.atomic():
        link = PreviewLink.objects.create(
            page=page,
            token=secrets.token_urlsafe(TOKEN_BYTES),
            created_by=user,
            created_at=now,
            expires_at=now + lifetime(),
        )
        log(instance=page.specific, action=CREATED, user=user, data={"link": link.pk})
    return link


def revoke_link(link: PreviewLink, user: AbstractBaseUser) -> bool:
    """Revoke an active link; False if it was already revoked."""
    with transaction.atomic():
        revoked = PreviewLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_by=user
        )
        if revoked:
            log(instance=link.page.specific, action=REVOKED, user=user, data={"link": link.pk})
    return bool(revoked)


def links_of(page: Page) -> list[PreviewLink]:
    return list(PreviewLink.objects.filter(page=page).select_related("created_by", "revoked_by"))


def unavailable(request: HttpRequest, status: int, reason: str) -> HttpResponse:
    response = render(request, "editorial/preview_link_unavailable.html", {"reason": reason}, status=status)
    return private(response)


def private(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = NOINDEX
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return response


@require_safe
def shared_preview(request: HttpRequest, token: str) -> HttpResponse:
    """GET only: the latest revision of the page, rendered for an anonymous visitor."""
    link = PreviewLink.objects.select_related("page").filter(token=token).first() if len(token) < 64 else None
    if link is None:
        return unavailable(request, 404, "unknown")
    if link.revoked_at is not None:
        return unavailable(request, 410, "revoked")
    if link.is_expired:
        return unavailable(request, 410, "expired")
    page = link.page.specific.get_latest_revision_as_object()
    mode = page.default_preview_mode
    # Rendered as the partner sees it: no user bar, no admin link, even for a logged-in editor.
    request.user = AnonymousUser()
    request.is_preview = True
    request.preview_mode = mode
    response = page.serve_preview(request, mode)
    PreviewLink.objects.filter(pk=link.pk).update(
        view_count=F("view_count") + 1, last_viewed_at=timezone.now()
    )
    return private(response)
