"""Admin rules for registrations: personal data, seen only by their event's organisers."""

from __future__ import annotations

from typing import Any

from django.contrib.admin import SimpleListFilter
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponseBase
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.views import DeleteView, EditView, HistoryView, IndexView, InspectView

from events.models import EventPage, Registration
from events.privacy import retention_dates
from members.roles import is_coordinator, user_structures
from site_kazasso.spreadsheets import neutralise_formula


def visible_events(user: AbstractBaseUser) -> QuerySet[EventPage]:
    """The one rule: coordination sees every event's registrations, an editor those of the events
    their structures run or co-organise. Reviewing for another structure gives nothing more."""
    if is_coordinator(user):
        return EventPage.objects.all()
    structures = user_structures(user)
    return EventPage.objects.filter(Q(structure__in=structures) | Q(organisers__in=structures)).distinct()


def visible_registrations(user: AbstractBaseUser) -> QuerySet[Registration]:
    """Registrations of the events in `visible_events`: every view of the admin starts here."""
    return Registration.objects.select_related("event").filter(event__in=visible_events(user).values("pk"))


class RegistrationPermissionHelper(PermissionHelper):
    """Read and export only: seats change through the public form and its cancellation link."""

    def user_can_list(self, user: AbstractBaseUser) -> bool:
        return is_coordinator(user) or user_structures(user).exists()

    def user_can_inspect_obj(self, user: AbstractBaseUser, obj: Registration) -> bool:
        return visible_registrations(user).filter(pk=obj.pk).exists()

    def user_can_create(self, user: AbstractBaseUser) -> bool:
        return False

    def user_can_edit_obj(self, user: AbstractBaseUser, obj: Any) -> bool:
        return False

    def user_can_delete_obj(self, user: AbstractBaseUser, obj: Any) -> bool:
        return False


def event_label(event: EventPage) -> str:
    """The event, its date and when its registrations' personal data is erased."""
    erased_on = localtime(retention_dates(event)[0])
    return _("%(title)s (%(start)s, données effacées le %(erased)s)") % {
        "title": event.title,
        "start": f"{localtime(event.start):%d/%m/%Y}",
        "erased": f"{erased_on:%d/%m/%Y}",
    }


class EventFilter(SimpleListFilter):
    """Lists only the events whose registrations this user may see."""

    title = _("événement")
    parameter_name = "event"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            (str(event.pk), event_label(event)) for event in visible_events(request.user).order_by("-start")
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(event_id=int(value))
        return queryset


class InScopeInstanceMixin:
    """Per-object views load their object without the admin's queryset: outside it, answer 404
    as for an unknown id, so sequential ids reveal nothing."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not self.model_admin.get_queryset(request).filter(pk=self.instance.pk).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class RegistrationInspectView(InScopeInstanceMixin, InspectView):
    pass


class RegistrationHistoryView(InScopeInstanceMixin, HistoryView):
    pass


class RegistrationEditView(InScopeInstanceMixin, EditView):
    pass


class RegistrationDeleteView(InScopeInstanceMixin, DeleteView):
    pass


class RegistrationIndexView(IndexView):
    """The list and its CSV/XLSX exports; every exported cell goes through one formula guard."""

    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))
