"""Template context every public page shares."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site

from home.legal import AccessibilityPage, LegalNoticePage, PrivacyPage, SitePlanPage
from home.models import SiteSettings
from site_kazasso import content_version


def all_site_settings() -> dict[int, SiteSettings]:
    return {found.site_id: found for found in SiteSettings.objects.all()}


SITE_SETTINGS = content_version.PerVersion(all_site_settings)

LEGAL_PAGE_MODELS = {
    "notice": LegalNoticePage,
    "privacy": PrivacyPage,
    "accessibility": AccessibilityPage,
    "plan": SitePlanPage,
}


def all_legal_links() -> dict[int | None, dict[str, Any]]:
    """For each site: the live legal pages' titles and paths, and the accessibility status.

    Three queries whatever the number of sites: the pages (and Wagtail's view restrictions for
    `public()`), then the accessibility statements' status.
    """
    keys = {model: key for key, model in LEGAL_PAGE_MODELS.items()}
    pages = list(Page.objects.live().public().type(*keys).order_by("path"))
    statuses = dict(
        AccessibilityPage.objects.filter(pk__in=[page.pk for page in pages]).values_list("pk", "status")
    )
    status_labels = dict(AccessibilityPage._meta.get_field("status").flatchoices)
    links: dict[int | None, dict[str, Any]] = {}
    for page in pages:
        key = keys.get(page.specific_class)
        site_id, _root, path = page.get_url_parts() or (None, None, None)
        if key is None or path is None:
            continue
        site_links = links.setdefault(site_id, {})
        site_links.setdefault(key, {"title": page.title, "url": path})
        if key == "accessibility" and page.pk in statuses:
            site_links.setdefault("accessibility_status", status_labels.get(statuses[page.pk]))
    return links


LEGAL_LINKS = content_version.PerVersion(all_legal_links)


def settings_for(request: HttpRequest) -> SiteSettings:
    """The request's site settings, read once per content version rather than once per page."""
    site = Site.find_for_request(request)
    if site is None:
        return SiteSettings()  # the defaults, for a host no site answers
    return SITE_SETTINGS.read().get(site.pk) or SiteSettings.for_site(site)


def legal_links_for(request: HttpRequest) -> dict[str, Any]:
    site = Site.find_for_request(request)
    return LEGAL_LINKS.read().get(site.pk if site else None, {})


def site_settings(request: HttpRequest) -> dict[str, Any]:
    """`site_settings` (the footer's contact and links) and `legal_links` (the footer's legal
    pages), read only by a template that shows them, once per content version."""
    return {
        "site_settings": SimpleLazyObject(lambda: settings_for(request)),
        "legal_links": SimpleLazyObject(lambda: legal_links_for(request)),
    }
