"""What each workflow transition tells the person who made it: what happened, what comes next.

Wagtail says « La page … a été mise à jour » after any decision; the admin hooks
(editorial.wagtail_hooks) replace that with the sentence built here from the page's new state,
the same sentence whether the decision was taken from the editor or from the dashboard.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from site_kazasso.typography import fr_date

SUBMIT, APPROVE, REJECT = "submit", "approve", "reject"


def posted_transition(request: HttpRequest) -> str | None:
    """Which transition an edit or create form post carried, if any."""
    if request.method != "POST":
        return None
    if request.POST.get("action-submit") or request.POST.get("action-restart-workflow"):
        return SUBMIT
    if request.POST.get("action-workflow-action"):
        name = request.POST.get("workflow-action-name")
        return name if name in (APPROVE, REJECT) else None
    return None


def transition_message(page: Page, transition: str) -> str:
    """The French sentence for `transition`, read from the page's state after it."""
    page = Page.objects.get(pk=page.pk)
    title = page.get_admin_display_title()
    state = page.current_workflow_state
    step = ""
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS and state.current_task_state:
        step = state.current_task_state.task.name
    if transition == SUBMIT:
        return _(
            "« %(title)s » est soumise à la relecture. Prochaine étape : %(step)s. Vous recevrez un "
            "courriel quand elle sera approuvée ou si des modifications sont demandées."
        ) % {"title": title, "step": step.lower()}
    if transition == REJECT:
        return _(
            "Vous avez demandé des modifications sur « %(title)s ». Sa structure en est prévenue par "
            "courriel ; la page reviendra en relecture quand elle la soumettra de nouveau."
        ) % {"title": title}
    if step:
        return _("Vous avez approuvé « %(title)s ». Prochaine étape : %(step)s.") % {
            "title": title,
            "step": step.lower(),
        }
    scheduled = page.scheduled_revision
    if scheduled is not None:
        moment = fr_date(timezone.localtime(scheduled.approved_go_live_at), "j F Y à H:i")
        return _("Vous avez approuvé « %(title)s » : sa publication est programmée le %(moment)s.") % {
            "title": title,
            "moment": moment,
        }
    return _("Vous avez approuvé « %(title)s » : elle est publiée sur le site.") % {"title": title}


def replace_success_messages(request: HttpRequest, text: str) -> None:
    """Drop the view's generic success messages and add `text`, keeping every other message.

    Iterating a message storage marks what it holds as read (Django's documented behaviour),
    so the messages to keep are added again.
    """
    storage = messages.get_messages(request)
    kept = [message for message in storage if message.level != messages.SUCCESS]
    for message in kept:
        messages.add_message(request, message.level, message.message, extra_tags=message.extra_tags)
    messages.success(request, text)
