"""`load_demo`: the spread of content, idempotence, passwords, and refusal in production."""

from collections import Counter
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone
from taggit.models import Tag
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, PageLogEntry, Revision, TaskState, WorkflowState

from events.models import EventPage
from fiches.models import FichePage, FicheRelatedLink
from home.legal import AccessibilityPage, LegalNoticePage
from members.models import Structure
from taxonomy.models import Theme, Typology

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "tags": Tag.objects.count(),
        "documents": Document.objects.count(),
        "images": Image.objects.count(),
        "users": get_user_model().objects.count(),
        "related": FicheRelatedLink.objects.count(),
        "structures": Structure.objects.count(),
        "memberships": get_user_model().groups.through.objects.count(),
        "workflow_states": WorkflowState.objects.count(),
        "task_states": TaskState.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
    }


def test_demo_content_covers_every_facet():
    call_command("load_demo", verbosity=0)
    fiches = FichePage.objects.live()
    assert fiches.count() >= 30
    themes = Counter(slug for f in fiches for slug in f.themes.values_list("slug", flat=True))
    assert set(themes) == set(Theme.objects.values_list("slug", flat=True))
    assert set(fiches.values_list("typology__slug", flat=True)) == set(
        Typology.objects.values_list("slug", flat=True)
    )
    assert set(fiches.values_list("structure__slug", flat=True)) == set(
        Structure.objects.values_list("slug", flat=True)
    )
    assert len({f.first_published_at.year for f in fiches}) >= 3
    tag_names = set(Tag.objects.values_list("name", flat=True))
    assert {"Résilience", "Covid-19", "AG à distance"} <= tag_names
    assert all(1 <= f.themes.count() <= 3 and f.chapo for f in fiches)
    # The legal pages the migration created get plausible (fictional) details, live.
    notice, statement = LegalNoticePage.objects.live().get(), AccessibilityPage.objects.live().get()
    assert "à compléter" not in (notice.publisher + notice.director + notice.host).lower()
    assert (statement.compliance_rate, str(statement.audit_date)) == (82, "2026-11-20")


def test_running_twice_changes_nothing():
    call_command("load_demo", verbosity=0)
    first = snapshot()
    out = StringIO()
    call_command("load_demo", verbosity=0, stdout=out)
    assert snapshot() == first
    assert out.getvalue() == ""  # --verbosity 0 prints no summary


def test_deleted_fiche_is_recreated_alone():
    call_command("load_demo", verbosity=0)
    victim = FichePage.objects.live().order_by("pk").first()
    slug = victim.slug
    victim.delete()
    before = FichePage.objects.count()
    call_command("load_demo", verbosity=0)
    assert FichePage.objects.count() == before + 1
    assert FichePage.objects.filter(slug=slug, live=True).exists()


def test_admin_password_from_option_then_environment(monkeypatch):
    monkeypatch.setenv("KAZASSO_DEMO_PASSWORD", "depuis-l-environnement")
    call_command("load_demo", verbosity=0, password="depuis-l-option")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("depuis-l-option")
    # A second run never changes an existing password.
    call_command("load_demo", verbosity=0, password="autre-chose")
    admin.refresh_from_db()
    assert admin.check_password("depuis-l-option")


def test_admin_password_from_environment(monkeypatch):
    monkeypatch.setenv("KAZASSO_DEMO_PASSWORD", "depuis-l-environnement")
    call_command("load_demo", verbosity=0)
    assert get_user_model().objects.get(username="admin").check_password("depuis-l-environnement")


def test_default_password(monkeypatch):
    monkeypatch.delenv("KAZASSO_DEMO_PASSWORD", raising=False)
    call_command("load_demo", verbosity=0)
    assert get_user_model().objects.get(username="admin").check_password("kazasso-demo")


def test_refuses_to_run_in_production(settings):
    settings.KAZASSO_ENVIRONMENT = "production"
    before = snapshot()
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo", verbosity=0)
    assert snapshot() == before


def test_demo_pages_render(client):
    call_command("load_demo", verbosity=0)
    assert client.get("/").status_code == 200
    listing = client.get("/ressources/")
    assert listing.context["result_count"] >= 30
    for fiche in FichePage.objects.live()[:40]:
        assert client.get(fiche.url).status_code == 200, fiche.url


# --- Demo people and the workflow states ---------------------------------------------------------

STEP1 = "Relecture par un pair"
STEP2 = "Validation par la coordination"
EDITORS = {
    "redaction-crajep": "crajep-reunion",
    "redaction-ligue974": "ligue-enseignement-reunion",
    "redaction-mar": "mouvement-associatif-reunion",
    "redaction-mda": "mda-saint-benoit",
    "redaction-drajes": "drajes-reunion",
    "redaction-udaf": "udaf-reunion",
    "redaction-cros": "cros-reunion",
}
COORDINATORS = ("coordination-1", "coordination-2")
# One page per state, by slug (see demo/data/workflow.yaml).
DRAFT = "bourse-vetements-jouets"
IN_STEP1 = "jeunes-dans-la-gouvernance"
IN_STEP2 = "agrement-jeunesse-education-populaire"
NEEDS_CHANGES = "valoriser-benevolat-comptes-annuels"
SCHEDULED = "preparer-forum-des-associations"
PUBLISHED = "debat-mouvant-animer-une-reunion"
EVENT_IN_STEP1 = "webinaire-comptabilite-tableur"


def user(username):
    return get_user_model().objects.get(username=username)


def page(slug):
    return Page.objects.get(slug=slug).specific


def workflow_state(slug):
    return WorkflowState.objects.for_instance(page(slug)).get()


def editor_of(fiche):
    return fiche.structure.editor_group.user_set.get(username__startswith="redaction-")


def test_demo_accounts_have_their_roles():
    out = StringIO()
    call_command("load_demo", verbosity=1, stdout=out)
    assert get_user_model().objects.count() == 1 + len(EDITORS) + len(COORDINATORS)
    assert user("admin").is_superuser
    for username, slug in EDITORS.items():
        account = user(username)
        structure = Structure.objects.get(slug=slug)
        assert account.groups.filter(pk=structure.editor_group_id).exists(), username
        assert account.email == f"{username}@exemple.re"
        assert account.first_name and account.last_name
        assert not account.is_superuser and not account.groups.filter(name="Coordination").exists()
    reviewers = Group.objects.get(name="Relecture").user_set.all()
    assert {r.username for r in reviewers} >= {"redaction-ligue974", "redaction-mda", "redaction-cros"}
    for structure in Structure.objects.all():  # every structure's pages have a peer from elsewhere
        assert reviewers.exclude(groups=structure.editor_group).exists(), structure.slug
    for username in COORDINATORS:
        assert list(user(username).groups.values_list("name", flat=True)) == ["Coordination"]
    output = out.getvalue()
    assert "Comptes de démonstration :" in output
    assert "redaction-ligue974 : Rédaction et relecture, Ligue 974" in output
    assert all(username in output for username in [*EDITORS, *COORDINATORS, "admin"])


def test_pages_in_every_workflow_state(client):
    before = timezone.now()
    call_command("load_demo", verbosity=0)
    for slug in (DRAFT, IN_STEP1, IN_STEP2, NEEDS_CHANGES, SCHEDULED, PUBLISHED):
        fiche = page(slug)
        editor = editor_of(fiche)
        assert fiche.owner == editor
        assert fiche.get_latest_revision().user == editor
        assert fiche.chapo and 1 <= fiche.themes.count() <= 3 and fiche.tags.count() >= 2 and fiche.body
        if slug != DRAFT:
            assert workflow_state(slug).requested_by == editor

    draft = page(DRAFT)
    assert not draft.live and draft.first_published_at is None
    assert not WorkflowState.objects.for_instance(draft).exists()

    assert page(IN_STEP1).current_workflow_task.name == STEP1
    assert workflow_state(IN_STEP1).status == WorkflowState.STATUS_IN_PROGRESS

    assert page(IN_STEP2).current_workflow_task.name == STEP2
    peer = workflow_state(IN_STEP2).task_states.get(task__name=STEP1)
    assert peer.status == TaskState.STATUS_APPROVED
    assert peer.finished_by.groups.filter(name="Relecture").exists()
    assert not peer.finished_by.groups.filter(pk=page(IN_STEP2).structure.editor_group_id).exists()

    state = workflow_state(NEEDS_CHANGES)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = state.task_states.get(status=TaskState.STATUS_REJECTED)
    assert rejected.task.name == STEP1 and "exemple chiffré" in rejected.comment
    assert page(NEEDS_CHANGES).current_workflow_task is None and not page(NEEDS_CHANGES).live

    scheduled = page(SCHEDULED)
    state = workflow_state(SCHEDULED)
    assert not scheduled.live and state.status == WorkflowState.STATUS_APPROVED
    go_live = scheduled.get_latest_revision().approved_go_live_at
    assert before + timedelta(days=9) < go_live < before + timedelta(days=11)
    assert scheduled.approved_schedule
    coordination = state.task_states.get(task__name=STEP2)
    assert coordination.finished_by.groups.filter(name="Coordination").exists()
    assert coordination.finished_by != state.requested_by

    published = page(PUBLISHED)
    state = workflow_state(PUBLISHED)
    assert published.live and state.status == WorkflowState.STATUS_APPROVED
    assert published.live_revision == state.current_task_state.revision
    assert PageLogEntry.objects.filter(page=published, action="wagtail.publish").exists()

    event = page(EVENT_IN_STEP1)
    assert isinstance(event, EventPage) and not event.live
    assert event.format == "webinaire" and event.visio_url and event.start > timezone.now()
    assert event.owner == user("redaction-mda")
    assert event.current_workflow_task.name == STEP1
    assert workflow_state(EVENT_IN_STEP1).requested_by == event.owner

    assert client.get(published.url).status_code == 200
    for slug in (DRAFT, IN_STEP1, IN_STEP2, NEEDS_CHANGES, SCHEDULED):
        assert client.get(f"/ressources/{slug}/").status_code == 404, slug


def test_no_email_leaves_during_the_load(monkeypatch):
    """Run on-commit callbacks at once (as the load's real commit would): emails are queued, then
    dropped by the silent backend, and nothing stays in the outbox for cron to send later."""
    from django.db import transaction

    from editorial import notifications
    from site_kazasso.outbox.models import OutboxEmail

    sent = []

    def spy(*args, **kwargs):
        sent.append(args[0])
        return real_queue_mail(*args, **kwargs)

    real_queue_mail = notifications.queue_mail
    monkeypatch.setattr(notifications, "queue_mail", spy)
    monkeypatch.setattr(transaction, "on_commit", lambda func, using=None, robust=False: func())
    mail.outbox.clear()
    call_command("load_demo", verbosity=0)
    assert sent, "the workflow emails should have been queued, then dropped"
    assert mail.outbox == []
    assert not OutboxEmail.objects.exclude(status=OutboxEmail.Status.SENT).exists()


def test_existing_users_are_left_as_they_are():
    model = get_user_model()
    model.objects.create_superuser("admin", "admin@kazasso.re", "ancien-admin")
    crajep = model.objects.create_user("redaction-crajep", "moi@exemple.org", "ancien-crajep")
    crajep.groups.add(Structure.objects.get(slug="crajep-reunion").editor_group)
    coordinator = model.objects.create_user("coordination-1", "", "ancien-coord", first_name="Déjà")
    coordinator.groups.add(Group.objects.get(name="Coordination"))

    call_command("load_demo", verbosity=0, password="nouveau")
    call_command("load_demo", verbosity=0, password="encore-autre")
    assert user("admin").check_password("ancien-admin")
    assert user("redaction-crajep").check_password("ancien-crajep")
    assert user("redaction-crajep").email == "moi@exemple.org"
    assert user("coordination-1").check_password("ancien-coord")
    assert user("coordination-1").first_name == "Déjà"
    assert list(user("redaction-crajep").groups.all()) == [
        Structure.objects.get(slug="crajep-reunion").editor_group
    ]
    assert list(user("coordination-1").groups.values_list("name", flat=True)) == ["Coordination"]
    assert user("redaction-udaf").check_password("nouveau")
    assert user("coordination-2").check_password("nouveau")
    assert page(IN_STEP1).current_workflow_task.name == STEP1
