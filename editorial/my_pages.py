"""« Mes pages » : where each page of the user's structures stands in the editorial circuit.

One question, asked by the dashboard panel and by the « Mes pages » listing: for the fiches and
events of these structures, which are drafts, in review (at which step, held by whom), sent back
with changes requested (and the reviewer's comment), scheduled, published, or due for a refresh.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision, Task, TaskState, WorkflowState

from editorial.freshness import stale_fiches
from events.models import EventPage
from fiches.models import FichePage
from members.models import Structure
from members.roles import user_structures

TO_DECIDE, DRAFT, IN_REVIEW, CHANGES, SCHEDULED, PUBLISHED, TO_REFRESH = (
    "a-relire",
    "brouillons",
    "en-relecture",
    "modifications-demandees",
    "programmees",
    "publiees",
    "a-revoir",
)
STATES = {
    TO_DECIDE: _("À relire"),
    DRAFT: _("Brouillons"),
    IN_REVIEW: _("En relecture"),
    CHANGES: _("Modifications demandées"),
    SCHEDULED: _("Publication programmée"),
    PUBLISHED: _("Publiées"),
    TO_REFRESH: _("Fiches à revoir"),
}


@dataclass
class PageRow:
    """One page as « Mes pages » shows it: what it is waiting for, and from whom."""

    page: Page
    kind: str
    state: str = DRAFT
    step: str = ""
    holder: str = ""
    comment: str = ""
    commented_by: str = ""
    when: dt.datetime | dt.date | None = None


def task_holder(task_state: TaskState, known: dict[int, str] | None = None) -> str:
    """Who holds the step now: whoever claimed it (« Je m'en occupe », the `review_claim` of the
    task state once claims exist), else the groups of the task. `known` keeps each task's groups
    for the rest of a listing."""
    claim = getattr(task_state, "review_claim", None)
    if claim is not None:
        return display_name(claim.user)
    known = {} if known is None else known
    if task_state.task_id not in known:
        groups = getattr(task_state.task.specific, "groups", None)
        known[task_state.task_id] = ", ".join(group.name for group in groups.all()) if groups else ""
    return known[task_state.task_id]


def structure_pages(structures: Iterable[Structure]) -> QuerySet[Page]:
    """The fiches and events these structures own, as base pages (one query)."""
    owned = Q(pk__in=FichePage.objects.filter(structure__in=structures).values("pk")) | Q(
        pk__in=EventPage.objects.filter(structure__in=structures).values("pk")
    )
    return Page.objects.filter(owned).select_related("content_type", "latest_revision")


def kind_of(page: Page) -> str:
    return str(page.content_type.model_class()._meta.verbose_name)


def display_name(user: AbstractBaseUser | None) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def awaiting_decision(user: AbstractBaseUser | AnonymousUser) -> list[PageRow]:
    """Pages whose current step this user may decide now (the steps' own rules decide who)."""
    if not user.is_authenticated:
        return []
    rows = []
    for task in Task.objects.filter(active=True).specific():
        states = task.get_task_states_user_can_moderate(user).select_related("workflow_state")
        for task_state in states.order_by("started_at"):
            page = task_state.workflow_state.content_object
            if isinstance(page, Page):
                rows.append(
                    PageRow(
                        page=page,
                        kind=kind_of(page),
                        state=TO_DECIDE,
                        step=task.name,
                        when=task_state.started_at,
                    )
                )
    return rows


def my_pages(user: AbstractBaseUser | AnonymousUser) -> dict[str, list[PageRow]]:
    """Rows per state: the pages awaiting the user's decision, then their structures' pages."""
    rows: dict[str, list[PageRow]] = {state: [] for state in STATES}
    rows[TO_DECIDE] = awaiting_decision(user)
    structures = list(user_structures(user))
    if not structures:
        return rows
    pages = list(structure_pages(structures).order_by("-latest_revision_created_at", "-pk"))
    page_type = ContentType.objects.get_for_model(Page)
    ids = [str(page.pk) for page in pages]
    states = {
        state.object_id: state
        for state in WorkflowState.objects.filter(
            base_content_type=page_type,
            object_id__in=ids,
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).select_related("current_task_state__task")
    }
    rejections = {}
    for task_state in (
        TaskState.objects.filter(
            workflow_state__in=[s for s in states.values() if s.status == WorkflowState.STATUS_NEEDS_CHANGES],
            status=TaskState.STATUS_REJECTED,
        )
        .select_related("finished_by", "task")
        .order_by("finished_at")
    ):
        rejections[task_state.workflow_state_id] = task_state
    scheduled = dict(
        Revision.objects.filter(
            base_content_type=page_type, object_id__in=ids, approved_go_live_at__isnull=False
        )
        .order_by("approved_go_live_at")
        .values_list("object_id", "approved_go_live_at")
    )
    holders: dict[int, str] = {}
    for page in pages:
        key = str(page.pk)
        row = PageRow(page=page, kind=kind_of(page), when=page.latest_revision_created_at)
        state = states.get(key)
        if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
            task_state = state.current_task_state
            row.step = task_state.task.name if task_state else ""
            row.holder = task_holder(task_state, holders) if task_state else ""
            row.when = task_state.started_at if task_state else state.created_at
            row.state = IN_REVIEW
            rows[IN_REVIEW].append(row)
        elif state is not None:
            rejection = rejections.get(state.pk)
            if rejection is not None:
                row.step = rejection.task.name
                row.comment = rejection.get_comment() or ""
                row.commented_by = display_name(rejection.finished_by)
                row.when = rejection.finished_at
            row.state = CHANGES
            rows[CHANGES].append(row)
        elif key in scheduled:
            row.when, row.state = scheduled[key], SCHEDULED
            rows[SCHEDULED].append(row)
        elif page.has_unpublished_changes:
            rows[DRAFT].append(row)
        if page.live:
            rows[PUBLISHED].append(
                PageRow(page=page, kind=row.kind, state=PUBLISHED, when=page.last_published_at)
            )
    rows[PUBLISHED].sort(key=lambda r: (r.when is not None, r.when), reverse=True)
    rows[TO_REFRESH] = [
        PageRow(page=fiche, kind=kind_of(fiche), state=TO_REFRESH, when=fiche.checked_on)
        for fiche in stale_fiches(structures).select_related("content_type", "latest_revision")
    ]
    return rows
