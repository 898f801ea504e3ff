"""Review claims ("Je m'en occupe"), due dates and the review queue: the rules, in one place.

A step of the workflow (a TaskState) may be claimed by one person who may act on it
(`EditorialTask.user_can_act`); while it is claimed, only they decide (EditorialTask.held_by_another).
The coordination reassigns a step to another eligible person. Each step is due
`task.due_working_days` working days after it started (editorial/workdays.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page, TaskState, WorkflowState

from editorial.models import EditorialTask, ReviewClaim
from editorial.notifications import admin_edit_url, eligible_users, send_each
from editorial.workdays import add_working_days, working_days_between
from members.roles import is_coordinator

CLAIMED = "editorial.review_claimed"
RELEASED = "editorial.review_released"
REASSIGNED = "editorial.review_reassigned"


class ClaimRefused(Exception):
    """A claim or reassignment the rules do not allow; the message is for the user, in French."""


def display_name(user: AbstractBaseUser | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def editorial_task(task_state: TaskState) -> EditorialTask | None:
    task = task_state.task.specific
    return task if isinstance(task, EditorialTask) else None


def page_of(task_state: TaskState) -> Page:
    return task_state.workflow_state.content_object.specific


def current_task_state(page: Page) -> TaskState | None:
    """The step a page's review is at, when it is one of ours and in progress."""
    state = WorkflowState.objects.active().for_instance(page).select_related("current_task_state").first()
    task_state = state.current_task_state if state else None
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None
    return task_state if editorial_task(task_state) else None


def claim_of(task_state: TaskState) -> ReviewClaim | None:
    return ReviewClaim.objects.filter(task_state=task_state).select_related("user").first()


def holder(page: Page) -> AbstractBaseUser | None:
    """Who holds the current step of the page's review, if anyone claimed it ("Mes pages")."""
    task_state = current_task_state(page)
    claim = claim_of(task_state) if task_state else None
    return claim.user if claim else None


def due_date(task_state: TaskState) -> dt.date:
    task = editorial_task(task_state)
    days = task.due_working_days if task else 5
    return add_working_days(timezone.localdate(task_state.started_at), days)


def age_in_working_days(task_state: TaskState, today: dt.date | None = None) -> int:
    return working_days_between(timezone.localdate(task_state.started_at), today or timezone.localdate())


def working_days_late(task_state: TaskState, today: dt.date | None = None) -> int:
    """0 until the due date has passed, then the working days since it."""
    return working_days_between(due_date(task_state), today or timezone.localdate())


def may_act(task_state: TaskState, user: AbstractBaseUser | AnonymousUser) -> bool:
    """The user is eligible for this step of this page (claims aside)."""
    task = editorial_task(task_state)
    if task is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return False
    if not (user.is_authenticated and user.is_active):
        return False
    return task.user_can_act(page_of(task_state), user)


def can_claim(task_state: TaskState, user: AbstractBaseUser | AnonymousUser) -> bool:
    claim = claim_of(task_state)
    return may_act(task_state, user) and (claim is None or claim.user_id == user.pk)


def can_reassign(user: AbstractBaseUser | AnonymousUser) -> bool:
    return is_coordinator(user)


def claim(task_state: TaskState, user: AbstractBaseUser) -> ReviewClaim:
    """ "Je m'en occupe": the first eligible person to claim a step holds it."""
    if not may_act(task_state, user):
        raise ClaimRefused(_("Vous ne pouvez pas relire cette page à cette étape."))
    with transaction.atomic():
        claimed, created = ReviewClaim.objects.get_or_create(task_state=task_state, defaults={"user": user})
        if not created and claimed.user_id != user.pk:
            raise ClaimRefused(
                _("%(name)s s'occupe déjà de cette relecture.") % {"name": display_name(claimed.user)}
            )
        if created:
            log(instance=page_of(task_state), action=CLAIMED, user=user, data=log_data(task_state))
    return claimed


def release(task_state: TaskState, user: AbstractBaseUser) -> None:
    """The claimant lets the step go back to every eligible reviewer."""
    with transaction.atomic():
        deleted, _count = ReviewClaim.objects.filter(task_state=task_state, user=user).delete()
        if deleted:
            log(instance=page_of(task_state), action=RELEASED, user=user, data=log_data(task_state))


def reassign(task_state: TaskState, new_holder: AbstractBaseUser, by: AbstractBaseUser) -> ReviewClaim:
    """The coordination gives a step to another eligible person, who is told by email."""
    if not can_reassign(by):
        raise ClaimRefused(_("Seule la coordination peut réattribuer une relecture."))
    if new_holder.pk not in {user.pk for user in reassign_choices(task_state)}:
        raise ClaimRefused(_("Cette personne ne peut pas relire cette page à cette étape."))
    with transaction.atomic():
        previous = claim_of(task_state)
        claimed, _created = ReviewClaim.objects.update_or_create(
            task_state=task_state,
            defaults={"user": new_holder, "assigned_by": by, "claimed_at": timezone.now()},
        )
        data = {
            **log_data(task_state),
            "from": display_name(previous.user) if previous else "",
            "to": display_name(new_holder),
        }
        page = page_of(task_state)
        log(instance=page, action=REASSIGNED, user=by, data=data)
        context = {**mail_context(task_state), "assigned_by": by}
        send_each("review_assigned", f"Relecture confiée : « {page.title} »", [new_holder.email], context)
    return claimed


def reassign_choices(task_state: TaskState) -> list[AbstractBaseUser]:
    """Everyone who may act on this step of this page (the reassignment form's choices)."""
    task = editorial_task(task_state)
    if task is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return []
    return eligible_users(task, page_of(task_state))


def log_data(task_state: TaskState) -> dict[str, Any]:
    return {"task": {"id": task_state.task_id, "title": task_state.task.name}}


def mail_context(task_state: TaskState) -> dict[str, Any]:
    page = page_of(task_state)
    claim = claim_of(task_state)
    return {
        "page": page,
        "task": task_state.task,
        "structure": getattr(page, "structure", None),
        "edit_url": admin_edit_url(page),
        "due_date": due_date(task_state),
        "holder": claim.user if claim else None,
    }


def keep_claim_after_changes(sender: Any, instance: TaskState, user: Any = None, **kwargs: Any) -> None:
    """A page sent back with changes returns to whoever held that step, if they still may act."""
    if editorial_task(instance) is None:
        return
    previous = (
        ReviewClaim.objects.filter(
            task_state__workflow_state_id=instance.workflow_state_id,
            task_state__task_id=instance.task_id,
            task_state__status=TaskState.STATUS_REJECTED,
        )
        .exclude(task_state=instance)
        .select_related("user")
        .order_by("-task_state__started_at")
        .first()
    )
    if previous is not None and may_act(instance, previous.user):
        ReviewClaim.objects.get_or_create(task_state=instance, defaults={"user": previous.user})


def connect() -> None:
    from wagtail.signals import task_submitted

    task_submitted.connect(keep_claim_after_changes, sender=TaskState, dispatch_uid="editorial_keep_claim")


@dataclass
class QueueRow:
    task_state: TaskState
    page: Page
    task: EditorialTask
    claim: ReviewClaim | None
    due_date: dt.date
    age: int
    late: int
    may_claim: bool


def review_queue(user: AbstractBaseUser, today: dt.date | None = None) -> list[QueueRow]:
    """Steps in progress, oldest first: all of them for the coordination, otherwise those the
    user may act on."""
    today = today or timezone.localdate()
    coordinator = is_coordinator(user)
    states = (
        TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related("workflow_state", "task", "review_claim__user")
        .order_by("started_at", "pk")
    )
    rows = []
    for task_state in states:
        task = editorial_task(task_state)
        if task is None:
            continue
        page = page_of(task_state)
        eligible = user.is_active and task.user_can_act(page, user)
        if not (eligible or coordinator):
            continue
        claim = getattr(task_state, "review_claim", None)
        rows.append(
            QueueRow(
                task_state=task_state,
                page=page,
                task=task,
                claim=claim,
                due_date=due_date(task_state),
                age=age_in_working_days(task_state, today),
                late=working_days_late(task_state, today),
                may_claim=eligible and claim is None,
            )
        )
    return rows
