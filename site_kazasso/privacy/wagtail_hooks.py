"""Admin: the rights page (coordination only) and the versioned consent text."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet

from site_kazasso.privacy.models import ConsentText
from site_kazasso.privacy.views import can_manage, rights_view


class RightsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return can_manage(request.user)


@hooks.register("register_admin_urls")
def register_rights_url() -> list[Any]:
    return [path("donnees-personnelles/", rights_view, name="privacy_rights")]


@hooks.register("register_admin_menu_item")
def register_rights_menu_item() -> MenuItem:
    return RightsMenuItem(_("Données personnelles"), reverse("privacy_rights"), icon_name="lock", order=260)


class NewConsentVersionView(CreateView):
    """Starts from the current text, so a new version is an edit of the last one."""

    def get_initial(self) -> dict[str, Any]:
        current = ConsentText.objects.current()
        return {"text": current.text} if current else {}


class ConsentTextViewSet(ModelViewSet):
    model = ConsentText
    icon = "doc-full"
    menu_label = _("Texte de consentement")
    add_to_admin_menu = False
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    add_view_class = NewConsentVersionView
    form_fields = ["text"]
    list_display = ["__str__", "text", "created_at"]
    inspect_view_fields = ["version", "text", "created_at"]


@hooks.register("register_admin_viewset")
def register_consent_viewset() -> ConsentTextViewSet:
    return ConsentTextViewSet("consent_text")
