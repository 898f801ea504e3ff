"""Admin hooks of the editorial workflow: refuse crafted actions, send edits back to review."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem, WorkflowMenuItem
from wagtail.models import Page, TaskState

from editorial import (
    report_hooks,  # noqa: F401  (registers the "Fiches à revoir" report)
    review_hooks,  # noqa: F401  (review claims, queue and draft preview links)
)
from editorial.transitions import SUBMIT, posted_transition, replace_success_messages, transition_message


def _refuse(message: str) -> None:
    raise PermissionDenied(message)


# Every edit-view action but a workflow decision saves the page or ends its review.
CONTENT_ACTIONS = ("action-publish", "action-submit", "action-restart-workflow", "action-cancel-workflow")


def is_reviewing_only(perms: Any) -> bool:
    """A reviewer from another structure: the editor is their review screen, not a way to edit."""
    can_edit_content = getattr(perms, "can_edit_content", None)
    return can_edit_content is not None and not can_edit_content()


def refuse_reviewer_edits(request: HttpRequest) -> None:
    """A reviewer's POST may only carry a workflow decision (and its comments), on the edit URL.

    Draft saves, submissions, restarts, cancellations and reverts are refused; the form also
    ignores any content a reviewer posts (EditorialPageForm.freeze_for_non_owners).
    """
    deciding = request.POST.get("action-workflow-action") and not any(
        request.POST.get(key) for key in CONTENT_ACTIONS
    )
    reverting = "revision_id" in (request.resolver_match.kwargs if request.resolver_match else {})
    if not deciding or reverting:
        _refuse(
            _(
                "Vous relisez cette page : commentez-la, approuvez-la ou demandez des modifications ; "
                "seules sa structure et la coordination la modifient."
            )
        )


@hooks.register("before_edit_page")
def refuse_actions_the_user_lacks(request: HttpRequest, page: Page) -> None:
    """Wagtail quietly turns a forbidden action into a draft save; here it is refused outright."""
    perms = page.permissions_for_user(request.user)
    reviewing = is_reviewing_only(perms)
    if request.method != "POST":
        if reviewing:
            messages.info(
                request,
                _(
                    "Vous relisez cette page : l'aperçu et la comparaison avec la version en ligne "
                    "montrent ce qui change ; commentez, puis approuvez ou demandez des modifications."
                ),
            )
        return
    if reviewing:
        refuse_reviewer_edits(request)
    if request.POST.get("action-publish") and not perms.can_publish():
        _refuse(_("Vous ne pouvez pas publier cette page : soumettez-la à la relecture."))
    if request.POST.get("action-workflow-action"):
        task = page.current_workflow_task
        name = request.POST.get("workflow-action-name")
        allowed = (
            {action for action, _label, _modal in task.get_actions(page, request.user)} if task else set()
        )
        if name not in allowed:
            _refuse(_("Cette action de relecture ne vous est pas permise sur cette page."))
    if (request.POST.get("action-submit") or request.POST.get("action-restart-workflow")) and not (
        perms.can_submit_for_moderation()
    ):
        _refuse(_("Vous ne pouvez pas soumettre cette page."))


@hooks.register("construct_page_action_menu")
def offer_reviewers_their_decisions_only(
    menu_items: list[ActionMenuItem], request: HttpRequest, context: dict
) -> None:
    """A reviewer's menu holds "Approuver" and "Demander des modifications", never a save or a
    cancellation of another structure's workflow."""
    page = context.get("page")
    if page is not None and page.pk and is_reviewing_only(page.permissions_for_user(request.user)):
        menu_items[:] = [item for item in menu_items if isinstance(item, WorkflowMenuItem)]


# The workflow's next step, first in the menu: the button a user sees is the one they may take.
PRIMARY_ACTIONS = ("approve", "action-submit")


@hooks.register("construct_page_action_menu", order=100)
def put_next_workflow_action_first(
    menu_items: list[ActionMenuItem], request: HttpRequest, context: dict
) -> None:
    """Wagtail shows the first item as the footer's button and hides the rest behind a chevron:
    "Approuver" for whoever may approve, else "Soumettre…" for whoever may submit."""
    for name in PRIMARY_ACTIONS:
        for position, item in enumerate(menu_items):
            if item.name == name:
                menu_items.insert(0, menu_items.pop(position))
                return


@hooks.register("after_create_page")
@hooks.register("after_edit_page", order=100)
def say_what_the_transition_did(request: HttpRequest, page: Page) -> None:
    """Replace Wagtail's « a été mise à jour » with what happened and what comes next."""
    transition = posted_transition(request)
    if transition is None:
        return
    if transition == SUBMIT and page.current_workflow_state is None:
        return
    replace_success_messages(request, transition_message(page, transition))


@hooks.register("construct_homepage_panels")
def add_editor_panels(request: HttpRequest, panels: list[Any]) -> None:
    """« Nouvelle fiche », « Nouvel événement » and « Mes pages » on the dashboard; and the
    sentence confirming a decision just taken from its « À relire » panel."""
    from editorial.dashboard import (
        MyPagesPanel,
        NewPagesPanel,
        confirm_dashboard_transition,
        new_page_buttons,
    )
    from members.roles import user_structures

    confirm_dashboard_transition(request)
    buttons = new_page_buttons(request.user)
    if buttons:
        panels.append(NewPagesPanel(buttons))
    if user_structures(request.user).exists():
        panels.append(MyPagesPanel(request.user))


@hooks.register("insert_global_admin_css")
def editorial_admin_css() -> str:
    """Readable listing columns (registrations) and the dashboard's « Mes pages »."""
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("editorial/admin.css"))


@hooks.register("register_admin_menu_item")
def register_my_pages_menu_item() -> Any:
    from django.urls import reverse
    from django.utils.translation import gettext_lazy

    from editorial.dashboard import can_have_pages
    from site_kazasso.admin_menu import PermittedMenuItem

    # Shown to the members of a structure and to those who review or validate pages.
    return PermittedMenuItem(
        gettext_lazy("Mes pages"),
        reverse("editorial_my_pages"),
        shown_to=can_have_pages,
        name="my-pages",
        icon_name="doc-full",
        order=150,
    )


@hooks.register("register_admin_urls")
def register_my_pages_url() -> list[Any]:
    from django.urls import path

    from editorial.dashboard import MyPagesView

    return [path("mes-pages/", MyPagesView.as_view(), name="editorial_my_pages")]


@hooks.register("before_create_page")
def refuse_publishing_new_pages(request: HttpRequest, parent_page: Page, page_class: Any) -> None:
    publishing = request.method == "POST" and request.POST.get("action-publish")
    if publishing and not parent_page.permissions_for_user(request.user).can_publish_subpage():
        _refuse(_("Vous ne pouvez pas publier cette page : enregistrez-la puis soumettez-la à la relecture."))


@hooks.register("after_edit_page")
def send_edited_pages_back_to_peer_review(request: HttpRequest, page: Page) -> None:
    """An edit made after the peer's approval needs a new peer review (rule 4)."""
    state = page.current_workflow_state
    if state is None or state.status != state.STATUS_IN_PROGRESS:
        return
    current = state.current_task_state
    first_task = state.workflow.tasks.first()
    if current is None or first_task is None or current.task_id == first_task.pk:
        return
    if current.status != TaskState.STATUS_IN_PROGRESS:
        return
    latest = page.get_latest_revision()
    if latest is None or latest.pk == current.revision_id:
        return
    current.specific.cancel(user=request.user, resume=False)


@hooks.register("register_admin_viewset")
def register_editorial_page_viewsets() -> list[Any]:
    """The pages editors create (fiches, events) go through OneAtATimeCreateView."""
    from editorial.views import EditorialPageViewSet
    from events.models import EventPage
    from fiches.models import FichePage

    return [
        EditorialPageViewSet("fiche_pages", model=FichePage),
        EditorialPageViewSet("event_pages", model=EventPage),
    ]
