"""The alerts' admin page, in the coordination's menu only."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from alerts.admin_views import overview
from members.roles import is_coordinator
from site_kazasso.admin_menu import PermittedMenuItem


@hooks.register("register_admin_urls")
def register_admin_urls() -> list[Any]:
    return [path("alertes/", overview, name="alerts_overview")]


@hooks.register("register_admin_menu_item")
def register_menu_item() -> MenuItem:
    return PermittedMenuItem(
        "Alertes par courriel",
        reverse("alerts_overview"),
        shown_to=is_coordinator,
        icon_name="mail",
        order=900,
    )
