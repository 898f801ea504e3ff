"""Admin: the rights page (coordination only) and the versioned consent text."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import CreateView

from site_kazasso.admin_menu import PermittedMenuItem, SettingsModelViewSet
from site_kazasso.privacy.models import ConsentText
from site_kazasso.privacy.views import can_manage, rights_view


@hooks.register("register_admin_urls")
def register_rights_url() -> list[Any]:
    return [path("donnees-personnelles/", rights_view, name="privacy_rights")]


@hooks.register("register_admin_menu_item")
def register_rights_menu_item() -> MenuItem:
    return PermittedMenuItem(
        _("Données personnelles"), reverse("privacy_rights"), shown_to=can_manage, icon_name="lock", order=260
    )


class NewConsentVersionView(CreateView):
    """Starts from the current text, so a new version is an edit of the last one."""

    def get_initial(self) -> dict[str, Any]:
        current = ConsentText.objects.current()
        return {"text": current.text} if current else {}


class ConsentTextViewSet(SettingsModelViewSet):
    model = ConsentText
    icon = "doc-full"
    menu_label = _("Texte de consentement")
    add_view_class = NewConsentVersionView
    form_fields = ["text"]
    list_display = ["__str__", "text", "created_at"]
    inspect_view_fields = ["version", "text", "created_at"]


@hooks.register("register_admin_viewset")
def register_consent_viewset() -> ConsentTextViewSet:
    return ConsentTextViewSet("consent_text")
