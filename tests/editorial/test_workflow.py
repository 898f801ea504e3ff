"""The moderated workflow end to end, through the real admin endpoints."""

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, WorkflowState

from fiches.models import FichePage
from members.models import Structure
from taxonomy.models import Theme
from tests.editorial.helpers import (
    committed,
    create_fiche,
    current_task_name,
    edit,
    refused,
    submit,
    workflow_action,
)

pytestmark = pytest.mark.django_db(transaction=False)

STEP1 = "Relecture par un pair"
STEP2 = "Validation par la coordination"


@pytest.fixture
def themes():
    return [Theme.objects.get(slug="benevolat-engagement").pk]


@pytest.fixture
def draft(client, people, fiche_index, themes):
    """A complete fiche drafted by the CRAJEP editor (not submitted yet)."""
    client.force_login(people.editor)
    response = create_fiche(client, themes=themes)
    assert response.status_code == 302, response.content[:2000]
    client.logout()
    return FichePage.objects.get(slug="accueillir-benevoles")


@pytest.fixture
def submitted(client, people, draft):
    """The draft, submitted by its CRAJEP editor: waiting for a peer review."""
    as_user(client, people.editor)
    submit(client, draft)
    return draft


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def test_the_editor_page_belongs_to_their_structure_whatever_is_posted(client, people, fiche_index, themes):
    client.force_login(people.editor)
    ligue = Structure.objects.get(slug="ligue-enseignement-reunion")
    response = create_fiche(client, themes=themes, structure=ligue.pk)
    assert response.status_code == 302
    assert FichePage.objects.get(slug="accueillir-benevoles").structure.slug == "crajep-reunion"


def test_an_editor_cannot_move_their_page_to_another_structure(client, people, draft):
    as_user(client, people.editor)
    edit(client, draft, structure=Structure.objects.get(slug="cros-reunion").pk)
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().structure.slug == "crajep-reunion"


def test_full_happy_path_with_every_notification(client, people, draft):
    mail.outbox.clear()
    as_user(client, people.editor)
    response = submit(client, draft)
    assert response.status_code == 302
    assert current_task_name(draft) == STEP1
    # Only reviewers who may act: another structure, not the submitter.
    assert recipients() == ["damien@exemple.re", "fabrice@exemple.re"]
    assert "À relire" in mail.outbox[0].subject

    mail.outbox.clear()
    as_user(client, people.reviewer)
    assert workflow_action(client, draft, "approve").status_code == 302
    assert current_task_name(draft) == STEP2
    by_subject = {
        m.subject.split(" :")[0]: sorted(m.to[0] for m in mail.outbox if m.subject == s)
        for s in {m.subject for m in mail.outbox}
        for m in mail.outbox
        if m.subject == s
    }
    assert by_subject["À relire"] == ["gaelle@exemple.re", "hugo@exemple.re"]
    assert by_subject["Étape validée"] == ["amelie@exemple.re"]

    mail.outbox.clear()
    as_user(client, people.coordinator)
    assert workflow_action(client, draft, "approve").status_code == 302
    draft.refresh_from_db()
    assert draft.live
    subjects = {m.subject.split(" :")[0]: m.to for m in mail.outbox}
    assert subjects["En ligne"] == ["amelie@exemple.re"]
    assert subjects["Étape validée"] == ["amelie@exemple.re"]
    client.logout()
    assert client.get("/ressources/accueillir-benevoles/").status_code == 200
    actions = list(PageLogEntry.objects.filter(page=draft).values_list("action", "user__username"))
    assert ("wagtail.workflow.start", "amelie") in actions
    assert ("wagtail.workflow.approve", "damien") in actions
    assert ("wagtail.workflow.approve", "gaelle") in actions
    assert ("wagtail.publish", "gaelle") in actions


def test_checklist_blocks_an_incomplete_submission_in_french(client, people, fiche_index, themes):
    client.force_login(people.editor)
    assert (
        create_fiche(client, themes=themes, tags="", chapo="").status_code == 302
    )  # a draft may be incomplete
    page = FichePage.objects.get(slug="accueillir-benevoles")
    response = submit(client, page, themes=[], tags="", chapo="", typology="")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Avant de soumettre cette page à la relecture, complétez" in html
    for what in ("le chapô", "au moins un thème", "la typologie", "au moins un mot-clé"):
        assert what in html
    assert current_task_name(page) is None
    assert not WorkflowState.objects.for_instance(page).exists()


def test_submitter_never_reviews_even_as_reviewer(client, people, fiche_index, themes):
    as_user(client, people.same_reviewer)  # CRAJEP editor who is also a reviewer
    create_fiche(client, themes=themes)
    page = FichePage.objects.get(slug="accueillir-benevoles")
    submit(client, page)
    assert refused(workflow_action(client, page, "approve"))
    assert current_task_name(page) == STEP1


def test_reviewer_of_the_same_structure_is_refused(client, people, submitted):
    as_user(client, people.same_reviewer)
    assert refused(workflow_action(client, submitted, "approve"))
    as_user(client, people.other_editor)  # another structure but not a reviewer
    assert refused(workflow_action(client, submitted, "approve"))
    assert current_task_name(submitted) == STEP1


def test_request_changes_needs_a_comment_and_returns_the_page(client, people, submitted):
    as_user(client, people.reviewer)
    workflow_action(client, submitted, "reject", comment="")
    assert current_task_name(submitted) == STEP1  # nothing happened without a comment
    mail.outbox.clear()
    workflow_action(client, submitted, "reject", comment="Précisez le rôle du référent bénévole.")
    state = WorkflowState.objects.for_instance(submitted).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert recipients() == ["amelie@exemple.re"]
    assert "Précisez le rôle du référent bénévole." in mail.outbox[0].body
    # A colleague of the same structure corrects and resubmits: back to step 1.
    as_user(client, people.colleague)
    response = submit(client, submitted, chapo="Accueillir un bénévole : référent, livret d'accueil, suivi.")
    assert response.status_code == 302
    assert current_task_name(submitted) == STEP1
    # The colleague who resubmitted cannot review either.
    assert WorkflowState.objects.for_instance(submitted).get().status == WorkflowState.STATUS_IN_PROGRESS


def test_coordination_request_for_changes_tells_the_peer_reviewer_too(client, people, submitted):
    as_user(client, people.reviewer)
    workflow_action(client, submitted, "approve")
    mail.outbox.clear()
    as_user(client, people.coordinator)
    workflow_action(client, submitted, "reject", comment="Ajoutez un modèle de livret d'accueil.")
    assert recipients() == ["amelie@exemple.re", "damien@exemple.re"]


def test_editing_after_peer_approval_goes_back_to_peer_review(client, people, submitted):
    as_user(client, people.reviewer)
    workflow_action(client, submitted, "approve")
    assert current_task_name(submitted) == STEP2
    mail.outbox.clear()
    as_user(client, people.coordinator)
    response = edit(client, submitted, title="Accueillir et fidéliser de nouveaux bénévoles")
    assert response.status_code == 302
    assert current_task_name(submitted) == STEP1
    assert sorted(m.to[0] for m in mail.outbox) == ["damien@exemple.re", "fabrice@exemple.re"]


def test_four_eyes_rule_for_the_coordination(client, people, fiche_index, themes):
    as_user(client, people.coordinator)
    create_fiche(client, themes=themes, structure=Structure.objects.get(slug="udaf-reunion").pk)
    page = FichePage.objects.get(slug="accueillir-benevoles")
    submit(client, page)
    as_user(client, people.reviewer)
    workflow_action(client, page, "approve")
    as_user(client, people.coordinator)
    assert refused(workflow_action(client, page, "approve"))
    assert current_task_name(page) == STEP2
    as_user(client, people.coordinator2)
    assert workflow_action(client, page, "approve").status_code == 302
    page.refresh_from_db()
    assert page.live


def test_an_administrator_may_approve_their_own_submission_at_step_two(client, people, fiche_index, themes):
    as_user(client, people.admin)
    create_fiche(client, themes=themes, structure=Structure.objects.get(slug="udaf-reunion").pk)
    page = FichePage.objects.get(slug="accueillir-benevoles")
    submit(client, page)
    assert refused(workflow_action(client, page, "approve"))  # step 1: never the submitter
    as_user(client, people.reviewer)
    workflow_action(client, page, "approve")
    as_user(client, people.admin)
    assert workflow_action(client, page, "approve").status_code == 302
    assert FichePage.objects.get(pk=page.pk).live


def test_scheduled_publication(client, people, draft):
    go_live = timezone.now() + timezone.timedelta(hours=3)
    as_user(client, people.editor)
    submit(client, draft, go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M"))
    as_user(client, people.reviewer)
    workflow_action(client, draft, "approve")
    as_user(client, people.coordinator)
    mail.outbox.clear()
    workflow_action(client, draft, "approve")
    draft.refresh_from_db()
    assert not draft.live
    assert "sera publiée le" in mail.outbox[0].body
    client.logout()
    assert client.get("/ressources/accueillir-benevoles/").status_code == 404
    mail.outbox.clear()
    with time_machine.travel(go_live + timezone.timedelta(minutes=5)):
        committed(call_command, "publish_scheduled", verbosity=0)
    draft.refresh_from_db()
    assert draft.live
    assert [m.subject for m in mail.outbox] == ["En ligne : « Accueillir de nouveaux bénévoles »"]


def test_anonymous_never_sees_drafts_revisions_or_previews(client, people, draft):
    assert client.get("/ressources/accueillir-benevoles/").status_code == 404
    preview = client.get(f"/admin/pages/{draft.pk}/edit/preview/")
    assert preview.status_code == 302 and "/admin/login/" in preview["Location"]
    revision = draft.get_latest_revision()
    revisions = client.get(f"/admin/pages/{draft.pk}/revisions/{revision.pk}/view/")
    assert revisions.status_code == 302 and "/admin/login/" in revisions["Location"]
    assert Page.objects.get(pk=draft.pk).live is False


def test_rules_hold_outside_the_admin_too(people, draft):
    """The task itself refuses an ineligible user, whatever calls it (shell, script, API)."""
    from django.core.exceptions import PermissionDenied

    workflow = draft.get_workflow()
    committed(workflow.start, draft, people.editor)
    page = Page.objects.get(pk=draft.pk).specific
    task_state = page.current_workflow_task_state
    with pytest.raises(PermissionDenied):
        task_state.task.specific.on_action(task_state, people.same_reviewer, "approve")
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"


def test_a_deleted_submitter_does_not_break_the_workflow(client, people, submitted):
    people.editor.delete()
    as_user(client, people.reviewer)
    assert workflow_action(client, submitted, "approve").status_code == 302
    as_user(client, people.coordinator)
    assert workflow_action(client, submitted, "reject", comment="Manque un exemple.").status_code == 302
