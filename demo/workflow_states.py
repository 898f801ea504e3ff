"""Take the pages of `workflow_states_data` through the real workflow, as their authors would.

A page counts as present when a child of its index has its slug, whatever its content or state:
it is then left alone. A missing page is created not live and owned by its structure's demo editor,
who saves a revision and submits it (`Workflow.start`); reviewers and coordinators act through the
task's `on_action`, after the same `get_actions` check as the admin views, so only eligible people
act. The states of the pages created are checked at the end.

The transitions queue workflow emails with `transaction.on_commit`: load_demo silences them with
`events_builders.registration_emails_silenced()` around its transaction.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from demo import accounts
from demo.builders import CHAPO_MAX_LENGTH, TAGS_PER_FICHE, DemoContext, build_fiche
from demo.events_builders import THEMES_PER_EVENT, build_event, get_event_index
from demo.events_data import event_slugs
from demo.events_spec import REUNION
from demo.fiches_data import fiche_slugs
from demo.report import StepReport, count_report
from demo.workflow_states_data import WORKFLOW_FICHES, workflow_slugs
from demo.workflow_states_spec import (
    COORDINATION,
    DRAFT,
    GO_LIVE_TIME,
    NEEDS_CHANGES,
    PEER_REVIEW,
    PUBLISHED,
    SCHEDULED,
    STATES,
    WORKFLOW_EVENTS,
    WorkflowFicheSpec,
)
from editorial.models import CoordinationApprovalTask, PeerReviewTask
from events import clock
from events.models import RESERVED_SLUGS, EventFormat, EventPage
from fiches.models import MAX_THEMES, FichePage, FicheRelatedLink
from members.models import Structure
from taxonomy.models import Theme, Typology

REVIEWED = (COORDINATION, NEEDS_CHANGES, SCHEDULED, PUBLISHED)
APPROVED_BY_COORDINATION = (SCHEDULED, PUBLISHED)

# --- Checks ----------------------------------------------------------------------------------------


def _check_people(spec: WorkflowFicheSpec) -> list[str]:
    """The reviewer and the coordinator a state needs, with the roles the workflow asks of them."""
    slug = spec.fiche.slug
    people = {account.username: account for account in accounts.DEMO_ACCOUNTS}
    problems: list[str] = []
    reviewer = people.get(spec.reviewer)
    if spec.state in REVIEWED and (
        reviewer is None
        or reviewer.role != accounts.EDITOR_REVIEWER
        or reviewer.structure == spec.fiche.structure
    ):
        problems.append(f"{slug} : relecteur « {spec.reviewer} » d'une autre structure attendu")
    coordinator = people.get(spec.coordinator)
    if spec.state in APPROVED_BY_COORDINATION and (
        coordinator is None or coordinator.role != accounts.COORDINATOR
    ):
        problems.append(f"{slug} : membre de la coordination « {spec.coordinator} » attendu")
    if spec.state == NEEDS_CHANGES and not spec.comment.strip():
        problems.append(f"{slug} : une demande de modifications doit être commentée")
    if (spec.state == SCHEDULED) != (spec.go_live_days > 0):
        problems.append(f"{slug} : seule la page programmée a une date de mise en ligne")
    return problems


def check_workflow_specs() -> list[str]:
    """Problems in the workflow demo data, found before anything is written."""
    known = {
        "structures": set(Structure.objects.values_list("slug", flat=True)),
        "themes": set(Theme.objects.values_list("slug", flat=True)),
        "typologies": set(Typology.objects.values_list("slug", flat=True)),
    }
    problems: list[str] = []
    slugs = workflow_slugs()
    if len(set(slugs)) != len(slugs) or set(slugs) & (fiche_slugs() | event_slugs()):
        problems.append("une page du circuit de relecture reprend l'identifiant d'URL d'une autre page")
    if sorted(spec.state for spec in WORKFLOW_FICHES) != sorted(STATES):
        problems.append("il faut une fiche de démonstration par état du circuit de relecture")
    for spec in WORKFLOW_FICHES:
        fiche = spec.fiche
        if fiche.structure not in known["structures"]:
            problems.append(f"{fiche.slug} : structure inconnue « {fiche.structure} »")
        if fiche.typology not in known["typologies"]:
            problems.append(f"{fiche.slug} : typologie inconnue « {fiche.typology} »")
        problems += [
            f"{fiche.slug} : thème inconnu « {t} »" for t in fiche.themes if t not in known["themes"]
        ]
        if not 1 <= len(fiche.themes) <= MAX_THEMES:
            problems.append(f"{fiche.slug} : {len(fiche.themes)} thèmes (1 à {MAX_THEMES} attendus)")
        if not TAGS_PER_FICHE[0] <= len(fiche.tags) <= TAGS_PER_FICHE[1]:
            problems.append(f"{fiche.slug} : {len(fiche.tags)} mots-clés (2 à 5 attendus)")
        if len(fiche.chapo) > CHAPO_MAX_LENGTH:
            problems.append(f"{fiche.slug} : chapô de {len(fiche.chapo)} caractères (400 au plus)")
        problems += [
            f"{fiche.slug} : fiche liée inconnue « {s} »" for s in fiche.related if s not in fiche_slugs()
        ]
        problems += _check_people(spec)
    for event_spec in WORKFLOW_EVENTS:
        event = event_spec.event
        if event.structure not in known["structures"]:
            problems.append(f"{event.slug} : structure inconnue « {event.structure} »")
        problems += [
            f"{event.slug} : thème inconnu « {t} »" for t in event.themes if t not in known["themes"]
        ]
        if not THEMES_PER_EVENT[0] <= len(event.themes) <= THEMES_PER_EVENT[1]:
            problems.append(f"{event.slug} : {len(event.themes)} thèmes (1 à 3 attendus)")
        if event.slug in RESERVED_SLUGS or event.format != EventFormat.WEBINAR or event.days_ahead <= 0:
            problems.append(f"{event.slug} : un webinaire à venir est attendu")
        if event_spec.state != PEER_REVIEW:
            problems.append(f"{event.slug} : l'événement de démonstration est laissé en relecture")
    return problems


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


def drive(page: Any, state: str, spec: WorkflowFicheSpec | None = None) -> None:
    """Submit, review and approve a freshly saved draft until it reaches `state`."""
    if state == DRAFT:
        return
    editor = accounts.get_user(accounts.editor_username(page.structure.slug))
    submit(page, editor)
    if state == PEER_REVIEW or spec is None:
        return
    reviewer = accounts.get_user(spec.reviewer)
    if state == NEEDS_CHANGES:
        act(page, reviewer, "reject", spec.comment)
        return
    act(page, reviewer, "approve")
    if state == COORDINATION:
        return
    act(page, accounts.get_user(spec.coordinator), "approve")


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


def _lookups() -> dict[str, dict[str, Any]]:
    return {
        "structures": {s.slug: s for s in Structure.objects.all()},
        "typologies": {t.slug: t for t in Typology.objects.all()},
        "themes": {t.slug: t for t in Theme.objects.all()},
    }


def save_draft(index: Page, page: Any) -> Any:
    """What "Enregistrer le brouillon" does on a new page: add it not live, then a first revision."""
    page.live = False
    try:
        index.add_child(instance=page)  # logs "wagtail.create" in the owner's name
        page.save_revision(user=page.owner, log_action=True)
    except ValidationError as exc:
        raise CommandError(f"Page de démonstration « {page.slug} » invalide : {exc}") from exc
    return page


def create_fiche(spec: WorkflowFicheSpec, ctx: DemoContext, lookups: dict[str, dict[str, Any]]) -> FichePage:
    fiche = spec.fiche
    page = build_fiche(fiche, ctx, lookups)
    page.owner = accounts.get_user(accounts.editor_username(fiche.structure))
    published = {p.slug: p for p in FichePage.objects.child_of(ctx.index).filter(slug__in=fiche.related)}
    targets = [published[slug] for slug in fiche.related if slug in published]
    page.related_links = [
        FicheRelatedLink(fiche=target, sort_order=order) for order, target in enumerate(targets)
    ]
    if spec.go_live_days:
        page.go_live_at = go_live_at(spec.go_live_days)
    return save_draft(ctx.index, page)


def ensure_workflow_states(ctx: DemoContext) -> list[StepReport]:
    """Create the missing workflow pages and take each one to its state; check them at the end."""
    lookups = _lookups()
    created: list[tuple[Page, str]] = []

    present = set(ctx.index.get_children().values_list("slug", flat=True))
    new_fiches = 0
    for spec in WORKFLOW_FICHES:
        if spec.fiche.slug in present:
            continue
        page = create_fiche(spec, ctx, lookups)
        drive(page, spec.state, spec)
        created.append((page, spec.state))
        new_fiches += 1

    event_index = get_event_index(ctx)
    present = set(event_index.get_children().values_list("slug", flat=True))
    new_events = 0
    for event_spec in WORKFLOW_EVENTS:
        if event_spec.event.slug in present:
            continue
        event: EventPage = build_event(event_spec.event, ctx, lookups, clock.now())
        event.owner = accounts.get_user(accounts.editor_username(event_spec.event.structure))
        save_draft(event_index, event)
        drive(event, event_spec.state)
        created.append((event, event_spec.state))
        new_events += 1

    verify(created)
    fiches = count_report(
        new_fiches,
        len(WORKFLOW_FICHES) - new_fiches,
        singular="fiche du circuit de relecture",
        plural="fiches du circuit de relecture",
        feminine=True,
    )
    events = count_report(
        new_events,
        len(WORKFLOW_EVENTS) - new_events,
        singular="événement soumis à la relecture",
        plural="événements soumis à la relecture",
        feminine=False,
    )
    detail = ", ".join(spec.state for spec in WORKFLOW_FICHES)
    return [StepReport(fiches.created, fiches.existing, f"{fiches.message} ({detail})"), events]
