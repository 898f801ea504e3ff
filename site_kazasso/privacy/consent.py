"""The consent text the registration form shows, read once per content version (apps.py registers
ConsentText with content_version: a new version is a change of public pages)."""

from __future__ import annotations

from site_kazasso import content_version
from site_kazasso.privacy.models import ConsentText

CURRENT = content_version.PerVersion(ConsentText.objects.current)


def current_consent() -> ConsentText | None:
    return CURRENT.read()
