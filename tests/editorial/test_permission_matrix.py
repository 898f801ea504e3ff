"""Every role against own-structure and other-structure pages, through the real admin endpoints.

A refused action must change nothing: no new revision, same live state, page still there.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, Revision

from events.models import EventPage
from members.models import Structure
from tests.editorial.helpers import (
    committed,
    edit,
    fiche_form,
    hijacked_event,
    ownership,
    refused,
    submit,
    workflow_action,
)
from tests.factories import EventFactory, FicheFactory

pytestmark = pytest.mark.django_db

ROLES = ["editor", "colleague", "other_editor", "reviewer", "coordinator", "admin", "anonymous"]


@pytest.fixture
def pages(people, fiche_index, client):
    crajep = Structure.objects.get(slug="crajep-reunion")
    mda = Structure.objects.get(slug="mda-saint-benoit")
    result = {
        "own_draft": FicheFactory(structure=crajep, slug="brouillon-crajep", live=False, tags=["Essai"]),
        "own_live": FicheFactory(structure=crajep, slug="en-ligne-crajep", tags=["Essai"]),
        "other_live": FicheFactory(structure=mda, slug="en-ligne-mda", tags=["Essai"]),
        "own_review": FicheFactory(structure=crajep, slug="en-relecture-crajep", live=False, tags=["Essai"]),
    }
    client.force_login(people.editor)
    assert submit(client, result["own_review"]).status_code == 302
    client.logout()
    return result


def login(client, people, role):
    if role != "anonymous":
        client.force_login(getattr(people, role))
    return client


def state(page):
    page = Page.objects.filter(pk=page.pk).first()
    if page is None:
        return None
    return (
        page.live,
        Revision.objects.filter(
            object_id=str(page.pk), base_content_type=page.get_base_content_type()
        ).count(),
    )


def expect(response, allowed: bool, role: str):
    if role == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    elif allowed:
        assert response.status_code in (200, 302) and not refused(response), response.status_code
    else:
        assert refused(response), (response.status_code, response.get("Location"))


def post_action(client, people, role: str, action: str, page, allowed: set[str]) -> None:
    """POST one of the admin's page actions as `role`; answered or refused as `allowed` says."""
    response = login(client, people, role).post(reverse(f"wagtailadmin_pages:{action}", args=[page.pk]))
    expect(response, role in allowed, role)


# The owning structure (its editor and a colleague), the coordination and administrators.
OWNERS = {"editor", "colleague", "coordinator", "admin"}
COORDINATION = {"coordinator", "admin"}
EDIT = {"own_draft": OWNERS, "own_live": OWNERS, "other_live": COORDINATION}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", sorted(EDIT))
def test_open_the_editor(client, people, pages, role, key):
    response = login(client, people, role).get(reverse("wagtailadmin_pages:edit", args=[pages[key].pk]))
    expect(response, role in EDIT[key], role)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", sorted(EDIT))
def test_save_a_draft(client, people, pages, role, key):
    page = pages[key]
    before = state(page)
    response = edit(login(client, people, role), page, title="Titre modifié")
    if role in EDIT[key]:
        assert response.status_code == 302
        assert state(page)[1] == before[1] + 1
    else:
        expect(response, False, role)
        assert state(page) == before


PUBLISH = {"admin"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", ["own_draft", "other_live"])
def test_publish_is_for_administrators_only(client, people, pages, role, key):
    page = pages[key]
    before = state(page)
    client = login(client, people, role)
    data = fiche_form(page, title="Publication directe")
    data["action-publish"] = "action-publish"
    response = committed(client.post, reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    if role in PUBLISH:
        assert response.status_code == 302
        assert Page.objects.get(pk=page.pk).live
        assert Page.objects.get(pk=page.pk).title == "Publication directe"
    else:
        expect(response, False, role)
        assert state(page) == before  # refused: no new revision, not published


UNPUBLISH = COORDINATION


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", ["own_live", "other_live"])
def test_unpublish(client, people, pages, role, key):
    page = pages[key]
    post_action(client, people, role, "unpublish", page, UNPUBLISH)
    assert Page.objects.get(pk=page.pk).live is (role not in UNPUBLISH)


DELETE = {
    "own_draft": OWNERS,
    "own_live": {"admin"},
    "other_live": {"admin"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", sorted(DELETE))
def test_delete(client, people, pages, role, key):
    page = pages[key]
    post_action(client, people, role, "delete", page, DELETE[key])
    assert Page.objects.filter(pk=page.pk).exists() is (role not in DELETE[key])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", ["own_draft", "own_live"])
def test_move(client, people, pages, role, key, fiche_index):
    page = pages[key]
    client = login(client, people, role)
    response = client.get(reverse("wagtailadmin_pages:move", args=[page.pk]))
    expect(response, role == "admin", role)
    destination = fiche_index.get_parent()
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk]))
    assert Page.objects.get(pk=page.pk).get_parent().pk == fiche_index.pk  # never moved


APPROVE_STEP1 = {"reviewer", "admin"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["approve", "reject"])
def test_workflow_actions_at_peer_review(client, people, pages, role, action):
    page = pages["own_review"]
    task_state = Page.objects.get(pk=page.pk).specific.current_workflow_task_state
    response = workflow_action(login(client, people, role), page, action, comment="À reprendre.")
    expect(response, role in APPROVE_STEP1, role)
    task_state.refresh_from_db()
    if role in APPROVE_STEP1:
        assert task_state.status == ("approved" if action == "approve" else "rejected")
    else:
        assert task_state.status == "in_progress"


@pytest.mark.parametrize("role", ["editor", "colleague", "other_editor", "coordinator"])
def test_crafted_workflow_action_through_the_edit_view_is_refused(client, people, pages, role):
    page = pages["own_review"]
    task_state = Page.objects.get(pk=page.pk).specific.current_workflow_task_state
    before = state(page)
    data = fiche_form(page)
    data.update({"action-workflow-action": "1", "workflow-action-name": "approve"})
    response = committed(
        login(client, people, role).post, reverse("wagtailadmin_pages:edit", args=[page.pk]), data
    )
    assert refused(response)
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"
    assert state(page) == before


PREVIEW = OWNERS


@pytest.mark.parametrize("role", ROLES)
def test_preview(client, people, pages, role):
    page = pages["own_draft"]
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = login(client, people, role).get(url)
    expect(response, role in PREVIEW, role)


LOCK = {"own_review": OWNERS, "own_live": OWNERS, "other_live": COORDINATION}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", sorted(LOCK))
def test_lock(client, people, pages, role, key):
    """Only the owning structure, the coordination and admins lock; a reviewer never blocks them."""
    page = pages[key]
    post_action(client, people, role, "lock", page, LOCK[key])
    assert Page.objects.get(pk=page.pk).locked is (role in LOCK[key])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", sorted(LOCK))
def test_unlock(client, people, pages, role, key):
    page = pages[key]
    Page.objects.filter(pk=page.pk).update(locked=True, locked_by=people.coordinator2)
    post_action(client, people, role, "unlock", page, LOCK[key])
    assert Page.objects.get(pk=page.pk).locked is (role not in LOCK[key])


@pytest.fixture
def events(people, client):
    """A CRAJEP event at peer review and a live one, to hijack through the edit form."""
    review = EventFactory(live=False, slug="evenement-en-relecture", capacity=30)
    committed(review.get_workflow().start, review, people.editor)
    return {"event_review": review, "event_live": EventFactory(slug="evenement-en-ligne", capacity=30)}


OWNERSHIP = EventPage.ownership_fields
# Who may change which ownership field of a CRAJEP event: at peer review only administrators
# save (the owners and the coordination wait for the reviewer); an editor's page stays theirs.
CHANGE_OWNERSHIP = {
    "event_review": {"admin": set(OWNERSHIP)},
    "event_live": {
        "editor": set(OWNERSHIP) - {"structure"},
        "colleague": set(OWNERSHIP) - {"structure"},
        "coordinator": set(OWNERSHIP),
        "admin": set(OWNERSHIP),
    },
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", sorted(CHANGE_OWNERSHIP))
def test_change_the_ownership_fields(client, people, events, role, key):
    """Structure, organisers, video link, registration settings: never a reviewer's to change."""
    page = events[key]
    before = ownership(page)
    client = login(client, people, role)
    committed(client.post, reverse("wagtailadmin_pages:edit", args=[page.pk]), hijacked_event(page))
    after = ownership(page)
    changed = {name for name in OWNERSHIP if after[name] != before[name]}
    assert changed == CHANGE_OWNERSHIP[key].get(role, set())
    stored = EventPage.objects.get(pk=page.pk)
    if not stored.live:  # a draft save on an unpublished page takes effect at once
        assert stored.structure_id == after["structure"].pk
        assert sorted(stored.organisers.values_list("pk", flat=True)) == after["organisers"]
