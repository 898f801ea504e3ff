"""Admin for registrations ("Inscriptions") and the confirmation before deleting their events."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.models import Page
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from events import attendance_views
from events.admin_views import (
    EventFilter,
    RegistrationDeleteView,
    RegistrationEditView,
    RegistrationHistoryView,
    RegistrationIndexView,
    RegistrationInspectView,
    RegistrationPermissionHelper,
    visible_events,
    visible_registrations,
)
from events.models import EventPage, Registration
from events.privacy import retention_dates

CONFIRM_FIELD = "confirm_registrations"


class RegistrationAdmin(ModelAdmin):
    model = Registration
    menu_label = _("Inscriptions")
    menu_icon = "form"
    menu_order = 250
    permission_helper_class = RegistrationPermissionHelper
    # Every view reads through get_queryset(); per-object views 404 outside it.
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    history_view_class = RegistrationHistoryView
    edit_view_class = RegistrationEditView
    delete_view_class = RegistrationDeleteView
    inspect_view_enabled = True
    list_display = (
        "association_name",
        "contact_name",
        "email",
        "seats",
        "status",
        "attended",
        "event",
        "created_at",
        "erased_on",
    )
    list_filter = (EventFilter, "status")
    search_fields = ("association_name", "contact_name", "email", "rna_number")
    list_export = (
        "event",
        "association_name",
        "rna_number",
        "contact_name",
        "email",
        "seats",
        "status",
        "attended",
        "created_at",
    )
    export_filename = "inscriptions"
    ordering = ("-created_at",)

    def get_queryset(self, request: HttpRequest) -> Any:
        return visible_registrations(request.user)

    @admin.display(description=_("données effacées le"))
    def erased_on(self, registration: Registration) -> str:
        """When this registration's personal data is (or was) erased: the retention settings'
        date for its event and status (site_kazasso/privacy/retention.py)."""
        if registration.personal_data_erased_at:
            return date_format(localtime(registration.personal_data_erased_at), "d/m/Y")
        confirmed, other = retention_dates(registration.event)
        due = confirmed if registration.status == Registration.Status.CONFIRMED else other
        return _("prévu le %(date)s") % {"date": date_format(localtime(due), "d/m/Y")}


modeladmin_register(RegistrationAdmin)


@hooks.register("register_admin_urls")
def register_attendance_urls() -> list[URLPattern]:
    return [
        path("evenements/<int:event_id>/presences/", attendance_views.marks_view, name="events_attendance"),
        path(
            "evenements/<int:event_id>/emargement/",
            attendance_views.sheet_view,
            name="events_attendance_sheet",
        ),
        path(
            "evenements/<int:event_id>/attestations/",
            attendance_views.send_certificates_view,
            name="events_attendance_certificates",
        ),
    ]


@hooks.register("register_page_header_buttons")
def attendance_button(page: Page, user: Any, view_name: str, next_url: str | None = None) -> Any:
    """Shown on an event to those who see its registrations (the views check it again)."""
    if page.specific_class is EventPage and visible_events(user).filter(pk=page.pk).exists():
        yield ListingButton(
            _("Présences et émargement"),
            reverse("events_attendance", args=[page.pk]),
            icon_name="form",
            priority=80,
        )


def registrations_under(page: Page) -> int:
    """Registrations that deleting this page (and its descendants) would delete."""
    event_ids = EventPage.objects.descendant_of(page, inclusive=True).values("pk")
    return Registration.objects.filter(event_id__in=event_ids).aggregate(n=Count("pk"))["n"]


@hooks.register("before_delete_page")
def confirm_registration_deletion(request: HttpRequest, page: Page) -> HttpResponse | None:
    """Deleting an event deletes its registrations: ask for an explicit extra confirmation."""
    count = registrations_under(page)
    if not count:
        return None
    if request.method == "POST" and request.POST.get(CONFIRM_FIELD) == "1":
        return None
    return TemplateResponse(
        request,
        "events/admin/confirm_delete_registrations.html",
        {
            "page": page,
            "count": count,
            "confirm_field": CONFIRM_FIELD,
            "refused": request.method == "POST",
        },
        status=400 if request.method == "POST" else 200,
    )


@hooks.register("before_bulk_action")
def refuse_bulk_deletion_of_registrations(
    request: HttpRequest, action_type: str, objects: list[Any], action_class_instance: Any
) -> HttpResponse | None:
    """Bulk deletion offers no extra confirmation: pages holding registrations go one by one."""
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    blocked = [page for page in objects if registrations_under(page)]
    if not blocked:
        return None
    messages.error(
        request,
        _(
            "Suppression refusée : « %(title)s » a des inscriptions. Supprimez ces pages une à une, "
            "une confirmation supplémentaire vous sera demandée."
        )
        % {"title": blocked[0].get_admin_display_title()},
    )
    parent = blocked[0].get_parent()
    return redirect("wagtailadmin_explore", parent.pk) if parent else redirect("wagtailadmin_explore_root")
