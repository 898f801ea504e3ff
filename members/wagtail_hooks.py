"""The "Ma structure" admin menu item and its views (members.contact)."""

from __future__ import annotations

from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from members import contact
from members.roles import user_structures
from site_kazasso.admin_menu import PermittedMenuItem


@hooks.register("register_admin_menu_item")
def register_own_structure_menu_item() -> MenuItem:
    return PermittedMenuItem(
        _("Ma structure"),
        reverse("members_structure_contact_index"),
        shown_to=lambda user: user_structures(user).exists(),  # the editors of a structure only
        name="ma-structure",
        icon_name="group",
        order=250,
    )


@hooks.register("register_admin_urls")
def register_own_structure_urls() -> list[URLPattern]:
    return [
        path("ma-structure/", contact.contact_index, name="members_structure_contact_index"),
        path("ma-structure/<int:pk>/", contact.contact_edit, name="members_structure_contact"),
    ]
