"""Template context every public page shares."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from home.models import SiteSettings
from site_kazasso import content_version


def all_site_settings() -> dict[int, SiteSettings]:
    return {found.site_id: found for found in SiteSettings.objects.all()}


SITE_SETTINGS = content_version.PerVersion(all_site_settings)


def settings_for(request: HttpRequest) -> SiteSettings:
    """The request's site settings, read once per content version rather than once per page."""
    site = Site.find_for_request(request)
    if site is None:
        return SiteSettings()  # the defaults, for a host no site answers
    return SITE_SETTINGS.read().get(site.pk) or SiteSettings.for_site(site)


def site_settings(request: HttpRequest) -> dict[str, Any]:
    """`site_settings` (the footer's contact and links), read only by a template that shows it."""
    return {"site_settings": SimpleLazyObject(lambda: settings_for(request))}
