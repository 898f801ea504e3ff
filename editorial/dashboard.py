"""The editor's dashboard: start a fiche or an event in one click, and see « Mes pages »."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, PageLogEntry

from editorial.my_pages import STATES, TO_DECIDE, my_pages
from editorial.transitions import transition_message
from events.models import EventIndexPage, EventPage
from fiches.models import FicheIndexPage, FichePage
from members.roles import COORDINATION_GROUP, REVIEW_GROUP, user_structures


def is_reviewer(user: AbstractBaseUser | AnonymousUser) -> bool:
    return user.is_authenticated and user.groups.filter(name__in=[REVIEW_GROUP, COORDINATION_GROUP]).exists()


PANEL_ROWS = 5  # rows per state on the dashboard; the « Mes pages » listing shows them all


@dataclass
class NewPageButton:
    label: str
    url: str


def new_page_buttons(user: AbstractBaseUser | AnonymousUser) -> list[NewPageButton]:
    """« Nouvelle fiche » and « Nouvel événement », under their index, for the user's structure
    (one button per structure for someone who writes for several)."""
    buttons = []
    structures = list(user_structures(user))
    for index_model, page_model, label in (
        (FicheIndexPage, FichePage, _("Nouvelle fiche")),
        (EventIndexPage, EventPage, _("Nouvel événement")),
    ):
        index = index_model.objects.first()
        if index is None or not index.permissions_for_user(user).can_add_subpage():
            continue
        meta = page_model._meta
        url = reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, index.pk])
        if len(structures) < 2:
            buttons.append(NewPageButton(label, url))
            continue
        for structure in structures:
            query = urlencode({"structure": structure.pk})
            buttons.append(NewPageButton(f"{label} ({structure.short_name})", f"{url}?{query}"))
    return buttons


class NewPagesPanel(Component):
    name = "new_pages"
    template_name = "editorial/dashboard/new_pages.html"
    order = 50

    def __init__(self, buttons: list[NewPageButton]) -> None:
        self.buttons = buttons

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
        return {"buttons": self.buttons}


class MyPagesPanel(Component):
    name = "my_pages"
    template_name = "editorial/dashboard/my_pages_panel.html"
    order = 60

    def __init__(self, user: AbstractBaseUser) -> None:
        self.user = user

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
        rows = my_pages(self.user)
        sections = [
            {
                "key": key,
                "label": label,
                "count": len(rows[key]),
                "rows": rows[key][:PANEL_ROWS],
                "url": f"{reverse('editorial_my_pages')}?etat={key}",
            }
            for key, label in STATES.items()
            if key != TO_DECIDE  # the dashboard's own « À relire » panel lists them
        ]
        return {"sections": sections, "listing_url": reverse("editorial_my_pages")}


def confirm_dashboard_transition(request: HttpRequest) -> None:
    """After a decision taken from the dashboard (EditorialTask.on_action sends the user back
    with `transition` and `page`), say what happened: only if this user's latest action on the
    page is that decision."""
    transition, page_id = request.GET.get("transition"), request.GET.get("page")
    if transition not in ("approve", "reject") or not (page_id or "").isdigit():
        return
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return
    latest = PageLogEntry.objects.filter(page=page, action__startswith="wagtail.workflow.").order_by(
        "-timestamp", "-pk"
    )
    entry = latest.filter(action__in=["wagtail.workflow.approve", "wagtail.workflow.reject"]).first()
    if entry is None or entry.user_id != request.user.pk or not entry.action.endswith(transition):
        return
    from django.contrib import messages

    messages.success(request, transition_message(page, transition))


def can_have_pages(user: AbstractBaseUser | AnonymousUser) -> bool:
    return user_structures(user).exists() or is_reviewer(user)


class MyPagesView(WagtailAdminTemplateMixin, TemplateView):
    """Every page of the user's structures in one state (`etat`), the listing filter of the panel."""

    template_name = "editorial/my_pages.html"
    page_title = gettext_lazy("Mes pages")
    header_icon = "doc-full"
    breadcrumbs_items: list[dict[str, str]] = []  # a top-level page: its title as the header
    paginate_by = 50

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        state = self.request.GET.get("etat") or ""
        if state and state not in STATES:
            raise Http404(_("Cet état de page n'existe pas."))
        rows = my_pages(self.request.user)
        if state:
            shown = rows[state]
        else:  # every page once, at its most pressing state
            seen: set[int] = set()
            shown = [
                row
                for key in STATES
                for row in rows[key]
                if not (row.page.pk in seen or seen.add(row.page.pk))
            ]
        paginator = Paginator(shown, self.paginate_by)
        context.update(
            {
                "state": state,
                "state_label": STATES.get(state, _("Toutes")),
                "tabs": [
                    {"key": key, "label": label, "count": len(rows[key])} for key, label in STATES.items()
                ],
                "page_obj": paginator.get_page(self.request.GET.get("p")),
                "has_structure": can_have_pages(self.request.user),
            }
        )
        return context
