"""Take the pages of `demo/data/workflow.yaml` through the real workflow, as their authors would.

A page counts as present when a child of its index has its slug, whatever its content or state:
it is then left alone. A missing page is created not live and owned by its structure's demo editor,
who saves a revision and submits it (`Workflow.start`); reviewers and coordinators act through the
task's `on_action`, after the same `get_actions` check as the admin views, so only eligible people
act. The states of the pages created are checked at the end.

The transitions queue workflow emails with `transaction.on_commit`: load_demo silences them with
`events_builders.registration_emails_silenced()` around its transaction.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from demo import accounts
from demo.builders import DemoContext, add_page, lookups, set_related
from demo.events_builders import get_event_index
from demo.loader import REUNION, Entry, Lookups, build_event, build_fiche, read
from demo.report import StepReport, count_report
from editorial.models import CoordinationApprovalTask, PeerReviewTask
from events import clock
from fiches.models import FichePage

# The states a page is left in, as `workflow.state` names them in demo/data/workflow.yaml.
DRAFT = "brouillon"
PEER_REVIEW = "relecture par un pair"
COORDINATION = "validation par la coordination"
NEEDS_CHANGES = "modifications demandées"
SCHEDULED = "publication programmée"
PUBLISHED = "publiée par le circuit"
GO_LIVE_TIME = time(8, 0)

# --- Workflow actions ------------------------------------------------------------------------------


def _fresh(page: Page) -> Any:
    """The page as stored now: workflow properties read the database, not a stale instance."""
    return Page.objects.get(pk=page.pk).specific


def submit(page: Any, user: AbstractBaseUser) -> None:
    """What the "Soumettre" button does, after the checks the edit view makes."""
    page = _fresh(page)
    perms = page.permissions_for_user(user)
    if not (perms.can_edit() and perms.can_submit_for_moderation()):
        raise CommandError(
            f"« {user.get_username()} » ne peut pas soumettre « {page.title} » à la relecture."
        )
    workflow = page.get_workflow()
    if workflow is None:
        raise CommandError(f"Aucun circuit de relecture ne s'applique à « {page.title} ».")
    workflow.start(page, user)


def act(page: Any, user: AbstractBaseUser, action: str, comment: str = "") -> None:
    """Approve or request changes at the current step, only if the task lets this user do so."""
    page = _fresh(page)
    task_state = page.current_workflow_task_state
    if task_state is None:
        raise CommandError(f"« {page.title} » n'est à aucune étape du circuit de relecture.")
    task = task_state.task.specific
    allowed = {name for name, _label, _needs_form in task.get_actions(page, user)}
    if action not in allowed:
        raise CommandError(
            f"« {user.get_username()} » ne peut pas agir sur « {page.title} » à l'étape « {task.name} »."
        )
    task.on_action(task_state, user, action, comment=comment)


def go_live_at(days: int) -> datetime:
    """A morning `days` days after the load, in La Réunion time."""
    day = timezone.localtime(timezone.now(), REUNION).date() + timedelta(days=days)
    return datetime.combine(day, GO_LIVE_TIME, tzinfo=REUNION)


def drive(page: Any, workflow: Entry) -> None:
    """Submit, review and approve a freshly saved draft until it reaches `workflow["state"]`."""
    state = workflow["state"]
    if state == DRAFT:
        return
    editor = accounts.get_user(accounts.editor_username(page.structure.slug))
    submit(page, editor)
    if state == PEER_REVIEW:
        return
    reviewer = accounts.get_user(workflow["reviewer"])
    if state == NEEDS_CHANGES:
        act(page, reviewer, "reject", workflow["comment"])
        return
    act(page, reviewer, "approve")
    if state == COORDINATION:
        return
    act(page, accounts.get_user(workflow["coordinator"]), "approve")


# --- States ----------------------------------------------------------------------------------------


def describe_state(page: Page) -> str:
    """Where a page stands in the workflow, read back from Wagtail's own records."""
    page = _fresh(page)
    states = WorkflowState.objects.for_instance(page).order_by("-created_at")
    latest = states.first()
    if latest is None:
        return DRAFT if not page.live else "publiée hors circuit"
    if latest.status == WorkflowState.STATUS_NEEDS_CHANGES:
        rejected = latest.current_task_state
        return NEEDS_CHANGES if rejected and rejected.comment.strip() else f"{NEEDS_CHANGES} sans commentaire"
    if latest.status == WorkflowState.STATUS_IN_PROGRESS:
        task = page.current_workflow_task
        if isinstance(task, PeerReviewTask):
            return PEER_REVIEW
        if isinstance(task, CoordinationApprovalTask):
            return COORDINATION
    if latest.status == WorkflowState.STATUS_APPROVED:
        if page.live:
            return PUBLISHED
        revision = page.get_latest_revision()
        if revision and revision.approved_go_live_at and revision.approved_go_live_at > timezone.now():
            return SCHEDULED
    return f"état inattendu ({latest.status})"


def verify(created: list[tuple[Page, str]]) -> None:
    """Stop (and roll everything back) if a page created now did not reach its state."""
    wrong = [
        f"« {page.title} » : {found} au lieu de {state}"
        for page, state in created
        if (found := describe_state(page)) != state
    ]
    if wrong:
        raise CommandError("Circuit de relecture de démonstration incohérent :\n" + "\n".join(wrong))


# --- Pages -----------------------------------------------------------------------------------------


def save_draft(index: Page, page: Any) -> Any:
    """What "Enregistrer le brouillon" does on a new page: add it not live, then a first revision."""
    add_page(index, page)  # logs "wagtail.create" in the owner's name
    page.save_revision(user=page.owner, log_action=True)
    return page


def create_fiche(entry: Entry, ctx: DemoContext, found: Lookups) -> FichePage:
    """A fiche written by its structure's editor, linked to the published fiches it names."""
    page = build_fiche(entry, found, accounts.get_user(accounts.editor_username(entry["structure"])))
    set_related(page, entry, {p.slug: p for p in FichePage.objects.child_of(ctx.index)})
    if "go_live_days" in entry["workflow"]:
        page.go_live_at = go_live_at(entry["workflow"]["go_live_days"])
    return save_draft(ctx.index, page)


def ensure_workflow_states(ctx: DemoContext) -> list[StepReport]:
    """Create the missing workflow pages and take each one to its state; check them at the end."""
    data = read("workflow.yaml")
    found = lookups(ctx)
    created: list[tuple[Page, str]] = []

    present = set(ctx.index.get_children().values_list("slug", flat=True))
    new_fiches = 0
    for entry in data["fiches"]:
        if entry["slug"] in present:
            continue
        page = create_fiche(entry, ctx, found)
        drive(page, entry["workflow"])
        created.append((page, entry["workflow"]["state"]))
        new_fiches += 1

    event_index = get_event_index(ctx)
    present = set(event_index.get_children().values_list("slug", flat=True))
    new_events = 0
    for entry in data["events"]:
        if entry["slug"] in present:
            continue
        owner = accounts.get_user(accounts.editor_username(entry["structure"]))
        event = save_draft(event_index, build_event(entry, found, owner, clock.now()))
        drive(event, entry["workflow"])
        created.append((event, entry["workflow"]["state"]))
        new_events += 1

    verify(created)
    fiches = count_report(
        new_fiches,
        len(data["fiches"]) - new_fiches,
        ("fiche du circuit de relecture", "fiches du circuit de relecture"),
        feminine=True,
    )
    events = count_report(
        new_events,
        len(data["events"]) - new_events,
        ("événement soumis à la relecture", "événements soumis à la relecture"),
        feminine=False,
    )
    detail = ", ".join(entry["workflow"]["state"] for entry in data["fiches"])
    return [StepReport(fiches.created, fiches.existing, f"{fiches.message} ({detail})"), events]
