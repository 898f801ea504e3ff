"""The "Fiches à revoir" admin report: each structure sees the fiches it should check again."""

from __future__ import annotations

import datetime as dt
from typing import Any

import django_filters
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView

from editorial.freshness import months_between, stale_fiches
from fiches.models import FichePage
from members.models import Structure
from members.roles import is_coordinator, user_structures
from site_kazasso.spreadsheets import neutralise_formula


def can_review_freshness(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Members of a structure review their fiches; the coordination reviews everyone's."""
    return is_coordinator(user) or user_structures(user).exists()


def concerned_structures(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Structure]:
    """The structures whose fiches this user is asked to keep up to date."""
    if is_coordinator(user):
        return Structure.objects.all()
    return user_structures(user)


class StaleFichesFilterSet(WagtailFilterSet):
    structure = django_filters.ModelChoiceFilter(
        label=_("Structure"),
        empty_label=_("Toutes les structures"),
        queryset=lambda request: concerned_structures(request.user).order_by("name"),
    )

    class Meta:
        model = FichePage
        fields = ["structure"]


class StaleFichesView(PageReportView):
    """Live fiches unchecked for 12 months or more, restricted to the user's structures.

    Access follows the structure roles, not page permissions: an editor may be allowed to edit
    pages anywhere in the tree, yet this report is about the fiches their structure answers for.
    """

    template_name = "editorial/reports/stale_fiches.html"
    results_template_name = "editorial/reports/stale_fiches_results.html"
    page_title = _("Fiches à revoir")
    header_icon = "time"
    index_url_name = "editorial_stale_fiches"
    index_results_url_name = "editorial_stale_fiches_results"
    model = FichePage
    # Roles decide, in dispatch(): no page permission policy is consulted.
    permission_policy = None
    filterset_class = StaleFichesFilterSet
    list_export = ["title", "structure", "updated_on", "published_on", "months_old", "full_url"]
    export_headings = {
        "title": _("Titre"),
        "structure": _("Structure"),
        "updated_on": _("À jour au"),
        "published_on": _("Publiée le"),
        "months_old": _("Ancienneté (mois)"),
        "full_url": _("Adresse"),
    }

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_review_freshness(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def today(self) -> dt.date:
        return timezone.localdate()

    @cached_property
    def structures(self) -> QuerySet[Structure] | None:
        """None for the coordination (every structure), else the user's own structures."""
        if is_coordinator(self.request.user):
            return None
        return user_structures(self.request.user)

    @cached_property
    def filters(self) -> StaleFichesFilterSet | None:
        """The structure filter is only worth showing to users concerned by several structures."""
        if self.structures is not None and self.structures.count() < 2:
            return None
        return super().filters

    def get_filename(self) -> str:
        return f"fiches-a-revoir-{self.today:%Y-%m-%d}"

    def get_queryset(self) -> QuerySet[FichePage]:
        self.queryset = stale_fiches(self.structures, today=self.today)
        return super().get_queryset()

    def decorate_paginated_queryset(self, object_list: QuerySet[FichePage]) -> QuerySet[FichePage]:
        """Add what the table and the export show; iterating fills the queryset's cache."""
        for page in object_list:
            page.published_on = timezone.localdate(page.first_published_at)
            page.months_old = months_between(page.checked_on, self.today)
        return object_list

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        """Titles are typed by editors: never let one run as a spreadsheet formula."""
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))

    def to_row_dict(self, item: FichePage) -> dict[str, Any]:
        row = super().to_row_dict(item)
        row["full_url"] = item.get_full_url(self.request)
        return row
