"""Admin menu pieces: an item only some users see, and the model viewsets of the settings menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet


class PermittedMenuItem(MenuItem):
    """A menu item shown to the users `shown_to(user)` accepts; the other arguments are MenuItem's."""

    def __init__(self, label: Any, url: str, *, shown_to: Callable[[Any], bool], **options: Any) -> None:
        super().__init__(label, url, **options)
        self.shown_to = shown_to

    def is_shown(self, request: HttpRequest) -> bool:
        return self.shown_to(request.user)


class SettingsModelViewSet(ModelViewSet):
    """A model listed under Settings (not in the main menu), with an inspect view and no copy."""

    add_to_admin_menu = False
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
