"""The alerts' admin page, in the coordination's menu only."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from alerts.admin_views import overview
from members.roles import is_coordinator


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [path("alertes/", overview, name="alerts_overview")]


class CoordinationMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return is_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item() -> MenuItem:
    return CoordinationMenuItem(
        "Alertes par courriel", reverse("alerts_overview"), icon_name="mail", order=900
    )
