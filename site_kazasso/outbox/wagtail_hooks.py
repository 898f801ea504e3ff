"""The outbox in the admin, read-only: what left, what waits, what failed and why."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column

from site_kazasso.admin_menu import SettingsModelViewSet
from site_kazasso.outbox.models import OutboxEmail


class OutboxViewSet(SettingsModelViewSet):
    model = OutboxEmail
    icon = "mail"
    menu_label = _("Courriels")
    form_fields: list[str] = []  # nobody adds or edits (outbox/apps.py); Wagtail wants a form
    list_display = [
        "subject",
        Column("recipients", label=_("Destinataires")),
        "status",
        "attempts",
        "next_attempt_at",
        "last_error",
        "created_at",
    ]
    list_filter = ["status"]
    search_fields = ["subject"]
    inspect_view_fields = [
        "subject",
        "recipients",
        "status",
        "attempts",
        "created_at",
        "claimed_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]


@hooks.register("register_admin_viewset")
def register_outbox_viewset() -> OutboxViewSet:
    return OutboxViewSet("outbox")
