"""Admin hooks of review claims and draft preview links: URLs, menu, page buttons, messages, history."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.models import Page

from editorial import claims, sharing
from editorial.review_views import ClaimView, ReassignView, ReviewQueueView, sees_queue
from editorial.sharing_views import PreviewLinksView, revoke
from site_kazasso.admin_menu import PermittedMenuItem


@hooks.register("register_admin_urls")
def review_urls() -> list[Any]:
    return [
        path("relectures/", ReviewQueueView.as_view(), name="editorial_review_queue"),
        path("relectures/<int:task_state_id>/prendre/", ClaimView.as_view(), name="editorial_review_claim"),
        path(
            "relectures/<int:task_state_id>/reattribuer/",
            ReassignView.as_view(),
            name="editorial_review_reassign",
        ),
        path("apercus/page/<int:page_id>/", PreviewLinksView.as_view(), name="editorial_preview_links"),
        path("apercus/<int:link_id>/revoquer/", revoke, name="editorial_preview_link_revoke"),
    ]


@hooks.register("register_admin_menu_item")
def review_queue_menu_item() -> MenuItem:
    return PermittedMenuItem(
        gettext_lazy("Relectures en cours"),
        reverse("editorial_review_queue"),
        shown_to=sees_queue,
        icon_name="tasks",
        order=250,
    )


@hooks.register("register_page_header_buttons")
def share_preview_button(page: Page, user: Any, view_name: str, next_url: str | None = None) -> list[Button]:
    if not page.pk or page.is_root() or not sharing.can_share(page, user):
        return []
    return [
        Button(
            _("Partager un aperçu"),
            reverse("editorial_preview_links", args=[page.pk]),
            icon_name="link",
            priority=68,
        )
    ]


@hooks.register("before_edit_page")
def show_who_holds_the_review(request: HttpRequest, page: Page) -> None:
    """Everyone who opens the page in review sees its step, due date and holder."""
    if request.method != "GET":
        return
    task_state = claims.current_task_state(page)
    if task_state is None:
        return
    claim = claims.claim_of(task_state)
    values = {"step": task_state.task.name, "due": claims.due_date(task_state).strftime("%d/%m/%Y")}
    here = reverse("wagtailadmin_pages:edit", args=[page.pk])
    buttons = []
    if claim is None:
        text = _("Relecture « %(step)s » : personne ne s'en occupe encore (échéance le %(due)s).") % values
        if claims.may_act(task_state, request.user):
            url = reverse("editorial_review_claim", args=[task_state.pk]) + f"?next={here}"
            buttons.append(messages.button(url, _("Je m'en occupe")))
    elif claim.user_id == request.user.pk:
        text = _("Relecture « %(step)s » : vous vous en occupez (échéance le %(due)s).") % values
    else:
        values["name"] = claims.display_name(claim.user)
        text = _("Relecture « %(step)s » : %(name)s s'en occupe (échéance le %(due)s).") % values
    if claims.can_reassign(request.user):
        buttons.append(
            messages.button(reverse("editorial_review_reassign", args=[task_state.pk]), _("Réattribuer"))
        )
    messages.info(request, text, buttons=buttons)


@hooks.register("register_log_actions")
def review_log_actions(actions: Any) -> None:
    actions.register_action(
        claims.CLAIMED,
        gettext_lazy("Relecture prise en charge"),
        gettext_lazy("Relecture prise en charge (« Je m'en occupe »)"),
    )
    actions.register_action(
        claims.RELEASED, gettext_lazy("Relecture laissée"), gettext_lazy("Ne s'occupe plus de la relecture")
    )
    actions.register_action(
        sharing.CREATED, gettext_lazy("Lien d'aperçu créé"), gettext_lazy("Lien d'aperçu créé")
    )
    actions.register_action(
        sharing.REVOKED, gettext_lazy("Lien d'aperçu révoqué"), gettext_lazy("Lien d'aperçu révoqué")
    )

    @actions.register_action(claims.REASSIGNED)
    class Reassigned(LogFormatter):
        label = gettext_lazy("Relecture réattribuée")

        def format_message(self, log_entry: Any) -> str:
            return _("Relecture réattribuée à %(name)s") % {"name": log_entry.data.get("to", "")}
