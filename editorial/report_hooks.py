"""Registers the "Fiches à revoir" report: its entry in the "Rapports" menu and its admin URLs."""

from __future__ import annotations

from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.reports import StaleFichesView, can_review_freshness
from site_kazasso.admin_menu import PermittedMenuItem


@hooks.register("register_reports_menu_item")
def register_stale_fiches_menu_item() -> MenuItem:
    # Shown to structure members and the coordination, the people the report is about.
    return PermittedMenuItem(
        _("Fiches à revoir"),
        reverse("editorial_stale_fiches"),
        shown_to=can_review_freshness,
        name="stale-fiches",
        icon_name="time",
        order=1150,
    )


@hooks.register("register_admin_urls")
def register_stale_fiches_urls() -> list[URLPattern]:
    return [
        path("reports/fiches-a-revoir/", StaleFichesView.as_view(), name="editorial_stale_fiches"),
        path(
            "reports/fiches-a-revoir/results/",
            StaleFichesView.as_view(results_only=True),
            name="editorial_stale_fiches_results",
        ),
    ]
