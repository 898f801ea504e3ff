"""Admin rules for registrations: personal data, seen only by their event's organisers."""

from __future__ import annotations

from typing import Any

from django.contrib.admin import SimpleListFilter
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail_modeladmin.helpers import PermissionHelper

from events.models import EventPage, Registration
from members.roles import is_coordinator, user_structures


def visible_registrations(user: AbstractBaseUser) -> QuerySet[Registration]:
    """Coordination sees every registration; an editor those of their structures' events."""
    registrations = Registration.objects.select_related("event")
    if is_coordinator(user):
        return registrations
    structures = user_structures(user)
    return registrations.filter(
        Q(event__structure__in=structures) | Q(event__organisers__in=structures)
    ).distinct()


def visible_events(user: AbstractBaseUser) -> QuerySet[EventPage]:
    events = EventPage.objects.order_by("-start")
    if is_coordinator(user):
        return events
    structures = user_structures(user)
    return events.filter(Q(structure__in=structures) | Q(organisers__in=structures)).distinct()


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


class EventFilter(SimpleListFilter):
    """Lists only the events whose registrations this user may see."""

    title = _("événement")
    parameter_name = "event"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [
            (str(event.pk), f"{event.title} ({event.start:%d/%m/%Y})")
            for event in visible_events(request.user)
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(event_id=int(value))
        return queryset
