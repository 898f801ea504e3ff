"""Issue 12, points 1 and 4: a reviewer from another structure reviews, never edits or locks.

Crafted POSTs as `damien` (Relecture, Ligue) on a CRAJEP event in review, whatever action they
carry, leave the event and its latest revision as they were; nobody approves the revision they
saved; the review screen offers the decisions, the preview and the comparison, and no cancel.
"""

import json

import pytest
from django.urls import reverse
from wagtail.models import Revision, WorkflowState

from events.models import EventPage
from tests.editorial import conftest as editorial
from tests.editorial.helpers import committed, hijacked_event, ownership, refused, workflow_action
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db
people = editorial.people  # the roles of the workflow, as tests/editorial defines them


def start_review(page: EventPage, user) -> EventPage:
    committed(page.get_workflow().start, page, user)
    return EventPage.objects.get(pk=page.pk)


@pytest.fixture
def event_in_review(people):
    """An unpublished CRAJEP webinar at peer review: a draft save would take effect at once."""
    return start_review(EventFactory(live=False, slug="rencontre-crajep", capacity=30), people.editor)


def revisions(page) -> int:
    content_type = page.get_base_content_type()
    return Revision.objects.filter(object_id=str(page.pk), base_content_type=content_type).count()


def snapshot(page) -> tuple:
    stored = EventPage.objects.get(pk=page.pk)
    organisers = sorted(stored.organisers.values_list("pk", flat=True))
    return ownership(page), stored.title, stored.structure_id, organisers


@pytest.mark.parametrize(
    "action", [None, "action-submit", "action-restart-workflow", "action-cancel-workflow", "action-publish"]
)
def test_a_reviewer_post_that_edits_is_refused_and_changes_nothing(client, people, event_in_review, action):
    page = event_in_review
    before, count = snapshot(page), revisions(page)
    data = hijacked_event(page)
    if action:
        data[action] = action
    client.force_login(people.reviewer)
    response = committed(client.post, reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert refused(response)
    assert snapshot(page) == before
    assert revisions(page) == count
    assert WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_IN_PROGRESS


def test_a_decision_from_the_editor_keeps_the_content_it_carries_out(client, people, event_in_review):
    """Wagtail saves the form with a workflow action: the reviewer's form ignores what they post."""
    page = event_in_review
    before = snapshot(page)
    data = hijacked_event(page)
    data.update(
        {
            "action-workflow-action": "1",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": json.dumps({"comment": "Précisez le public visé."}),
        }
    )
    client.force_login(people.reviewer)
    response = committed(client.post, reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302 and not refused(response)
    assert WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_NEEDS_CHANGES
    assert snapshot(page) == before


def test_reverting_to_an_older_revision_is_refused_to_a_reviewer(client, people, event_in_review):
    page = event_in_review
    old = page.get_latest_revision()
    page.visio_url = "https://visio.exemple.re/nouvelle-salle"
    page.save_revision(user=people.editor)
    before = snapshot(page)
    data = hijacked_event(page)
    data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
    client.force_login(people.reviewer)
    url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, old.pk])
    assert refused(committed(client.post, url, data))
    assert snapshot(page) == before


@pytest.mark.parametrize("step", [1, 2])
def test_nobody_approves_the_revision_they_saved(client, people, event_in_review, step):
    page = event_in_review
    author, other = people.reviewer, people.mda_reviewer
    if step == 2:
        client.force_login(people.reviewer)
        assert workflow_action(client, page, "approve").status_code == 302
        author, other = people.coordinator, people.coordinator2
    page = EventPage.objects.get(pk=page.pk)
    page.get_latest_revision_as_object().save_revision(user=author)  # e.g. saved before this fix
    page = EventPage.objects.get(pk=page.pk)
    task, task_state = page.current_workflow_task.specific, page.current_workflow_task_state
    assert [name for name, _label, _modal in task.get_actions(page, author)] == ["reject"]
    client.force_login(author)
    assert refused(workflow_action(client, page, "approve"))
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    client.force_login(other)
    assert workflow_action(client, page, "approve").status_code == 302
    task_state.refresh_from_db()
    assert (task_state.status, task_state.finished_by) == ("approved", other)


def test_request_changes_stays_open_to_the_author_of_the_latest_revision(client, people, event_in_review):
    page = event_in_review
    page.get_latest_revision_as_object().save_revision(user=people.reviewer)
    client.force_login(people.reviewer)
    assert workflow_action(client, page, "reject", comment="Je reprends ma relecture.").status_code == 302
    assert WorkflowState.objects.for_instance(page).get().status == WorkflowState.STATUS_NEEDS_CHANGES


def test_the_review_screen(client, people):
    """Decisions, preview and the comparison with the live version; no save, no cancel."""
    page = EventFactory(slug="rencontre-en-ligne", capacity=30)
    draft = page.get_latest_revision_as_object()
    draft.chapo = "Un chapô revu avant relecture."
    draft.save_revision(user=people.editor)
    page = start_review(page, people.editor)
    client.force_login(people.reviewer)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Demander des modifications" in html and "Approuver" in html
    assert "Vous relisez cette page" in html
    for hidden in ("action-cancel-workflow", "action-save-draft", "action-restart-workflow", "action-submit"):
        assert f'name="{hidden}"' not in html, hidden
    assert client.get(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])).status_code == 200
    compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", page.latest_revision_id])
    response = client.get(compare)
    assert response.status_code == 200
    assert "Un chapô revu avant relecture." in response.content.decode()


def test_the_owners_keep_cancelling_their_own_workflow(client, people, event_in_review):
    client.force_login(people.editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[event_in_review.pk])).content.decode()
    assert 'name="action-cancel-workflow"' in html
