"""Workflow emails, in French, to the people concerned and only to them.

Replaces Wagtail's generic workflow emails (disconnected in `connect`): reviewers hear about a
page only when they may act on it; submitters hear about approvals, requests for changes and
publication; when the coordination requests changes the peer reviewer hears it too.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.template.loader import render_to_string
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import page_published, task_approved, task_rejected, task_submitted

from site_kazasso.outbox.mail import queue_mail


def admin_edit_url(page: Page) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_pages:edit", args=[page.pk])


def send_each(template: str, subject: str, recipients: list[str], context: dict[str, Any]) -> None:
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return
    body = render_to_string(f"editorial/emails/{template}.txt", context)
    for address in recipients:  # one message each: reviewers do not see each other's address
        queue_mail(subject, body, [address])


def editorial_task(task_state: TaskState) -> Any:
    from editorial.models import EditorialTask

    task = task_state.task.specific
    return task if isinstance(task, EditorialTask) else None


def eligible_users(task: Any, page: Page) -> list[AbstractBaseUser]:
    """Members of the task's groups who may act on this page (with an email address)."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__in=task.groups.all())
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    return [user for user in users if task.user_can_act(page, user)]


def _context(task_state: TaskState, **extra: Any) -> dict[str, Any]:
    page = task_state.workflow_state.content_object.specific
    return {
        "page": page,
        "task": task_state.task,
        "task_state": task_state,
        "edit_url": admin_edit_url(page),
        "structure": getattr(page, "structure", None),
        "submitter": task_state.workflow_state.requested_by,
        **extra,
    }


def on_task_submitted(sender: Any, instance: TaskState, user: Any = None, **kwargs: Any) -> None:
    task = editorial_task(instance)
    if task is None:
        return
    page = instance.workflow_state.content_object.specific
    context = _context(instance)
    recipients = [u.email for u in eligible_users(task, page)]
    send_each("to_review", f"À relire : « {page.title} » ({task.name})", recipients, context)


def on_task_approved(sender: Any, instance: TaskState, user: Any = None, **kwargs: Any) -> None:
    if editorial_task(instance) is None:
        return
    submitter = instance.workflow_state.requested_by
    if submitter is None:  # the submitter's account was deleted
        return
    page = instance.workflow_state.content_object.specific
    final = instance.workflow_state.status == WorkflowState.STATUS_APPROVED
    context = _context(instance, approver=user, final=final)
    send_each(
        "approved", f"Étape validée : « {page.title} » ({instance.task.name})", [submitter.email], context
    )


def on_task_rejected(sender: Any, instance: TaskState, user: Any = None, **kwargs: Any) -> None:
    from editorial.models import PeerReviewTask

    task = editorial_task(instance)
    if task is None:
        return
    page = instance.workflow_state.content_object.specific
    submitter = instance.workflow_state.requested_by
    recipients = [submitter.email] if submitter else []
    if not isinstance(task, PeerReviewTask):
        peer_approval = (
            instance.workflow_state.task_states.filter(
                status=TaskState.STATUS_APPROVED,
                task__in=PeerReviewTask.objects.all(),
            )
            .select_related("finished_by")
            .order_by("-finished_at")
            .first()
        )
        if peer_approval and peer_approval.finished_by:
            recipients.append(peer_approval.finished_by.email)
    context = _context(instance, reviewer=user, comment=instance.comment)
    send_each("changes_requested", f"Modifications demandées : « {page.title} »", recipients, context)


def on_page_published(sender: Any, instance: Page, revision: Any = None, **kwargs: Any) -> None:
    """Tell the submitter when the page they took through the workflow goes live."""
    if revision is None or not instance.live:  # Wagtail also sends this signal when it only schedules
        return
    state = (
        WorkflowState.objects.for_instance(instance)
        .filter(status=WorkflowState.STATUS_APPROVED)
        .select_related("requested_by", "current_task_state")
        .order_by("-created_at")
        .first()
    )
    if (
        state is None
        or state.current_task_state is None
        or state.current_task_state.revision_id != revision.pk
        or state.requested_by is None
    ):
        return
    context = {
        "page": instance.specific,
        "public_url": instance.specific.get_full_url(),
        "submitter": state.requested_by,
    }
    send_each("published", f"En ligne : « {instance.title} »", [state.requested_by.email], context)


def connect() -> None:
    """Swap Wagtail's generic workflow emails for these ones."""
    from wagtail.signals import workflow_approved, workflow_rejected, workflow_submitted

    task_submitted.disconnect(
        sender=TaskState, dispatch_uid="group_approval_task_submitted_email_notification"
    )
    workflow_submitted.disconnect(
        sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
    )
    workflow_rejected.disconnect(
        sender=WorkflowState, dispatch_uid="workflow_state_rejected_email_notification"
    )
    workflow_approved.disconnect(
        sender=WorkflowState, dispatch_uid="workflow_state_approved_email_notification"
    )
    task_submitted.connect(on_task_submitted, dispatch_uid="editorial_task_submitted")
    task_approved.connect(on_task_approved, dispatch_uid="editorial_task_approved")
    task_rejected.connect(on_task_rejected, dispatch_uid="editorial_task_rejected")
    page_published.connect(on_page_published, dispatch_uid="editorial_page_published")
