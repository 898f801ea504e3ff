"""Dashboards list only what each user may act on; events go through the same workflow."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from editorial.checklist import event_missing
from members.models import Structure
from tests.editorial.helpers import committed, create_fiche, submit, workflow_action
from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(client, people, fiche_index):
    """One CRAJEP fiche at step 1, one MDA fiche at step 2."""
    from taxonomy.models import Theme

    themes = [Theme.objects.get(slug="financement").pk]
    client.force_login(people.editor)
    create_fiche(client, themes=themes, title="Fiche du CRAJEP", slug="fiche-crajep")
    crajep = Page.objects.get(slug="fiche-crajep").specific
    submit(client, crajep)
    client.force_login(people.mda_reviewer)  # MDA editor and reviewer
    create_fiche(client, themes=themes, title="Fiche de la MDA", slug="fiche-mda")
    mda = Page.objects.get(slug="fiche-mda").specific
    submit(client, mda)
    client.force_login(people.reviewer)
    workflow_action(client, mda, "approve")
    client.logout()
    return {"crajep": crajep, "mda": mda}


def review_titles(client, user) -> list[str]:
    client.force_login(user)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = soup.select_one("#awaiting-review-section")
    if panel is None:
        return []
    assert "À relire" in panel.get_text()
    return sorted({a.get_text(strip=True) for a in panel.select("td.title a") if a.get_text(strip=True)})


def test_each_dashboard_lists_only_what_its_user_may_act_on(client, people, in_review):
    assert review_titles(client, people.reviewer) == ["Fiche du CRAJEP"]  # Ligue reviewer, step 1
    assert review_titles(client, people.same_reviewer) == []  # CRAJEP reviewer: own structure
    assert review_titles(client, people.mda_reviewer) == ["Fiche du CRAJEP"]  # not their own MDA fiche
    assert review_titles(client, people.editor) == []
    assert review_titles(client, people.coordinator) == ["Fiche de la MDA"]  # step 2 only


def test_comments_are_on_in_the_editor(client, people, in_review):
    client.force_login(people.reviewer)
    response = client.get(f"/admin/pages/{in_review['crajep'].pk}/edit/")
    assert response.status_code == 200
    assert "comments" in response.context["form"].formsets


def test_history_records_who_and_when(client, people, in_review):
    client.force_login(people.coordinator)
    response = client.get(f"/admin/pages/{in_review['mda'].pk}/history/")
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "Damien" in text or "damien" in text


def test_event_checklist_messages():
    assert set(event_missing({})) == {"start", "end", "format", "organisers", "chapo"}
    missing = event_missing({"start": 1, "end": 2, "format": "hybride", "structure": 1, "chapo": "x"})
    assert missing == {"address": "l'adresse", "visio_url": "le lien de visioconférence"}


def test_an_event_goes_through_the_same_workflow(client, people, event_index, frozen_now):
    frozen_now(reunion(2030, 1, 1))
    crajep = Structure.objects.get(slug="crajep-reunion")
    event = EventFactory(slug="webinaire-soumis", structure=crajep, live=False)
    event.owner = people.editor
    event.save()
    workflow = event.get_workflow()
    assert workflow.name == "Relecture et validation"
    committed(workflow.start, event, people.editor)
    assert Page.objects.get(pk=event.pk).specific.current_workflow_task.name == "Relecture par un pair"
    client.force_login(people.same_reviewer)
    workflow_action(client, event, "approve")
    assert Page.objects.get(pk=event.pk).specific.current_workflow_task.name == "Relecture par un pair"
    client.force_login(people.reviewer)
    workflow_action(client, event, "approve")
    client.force_login(people.coordinator)
    workflow_action(client, event, "approve")
    assert Page.objects.get(pk=event.pk).live


def test_an_editor_cannot_edit_another_structures_event(client, people, event_index, frozen_now):
    frozen_now(reunion(2030, 1, 1))
    event = EventFactory(slug="evenement-mda", structure=Structure.objects.get(slug="mda-saint-benoit"))
    client.force_login(people.editor)
    response = client.get(f"/admin/pages/{event.pk}/edit/")
    assert response.status_code in (302, 403)
    client.force_login(people.coordinator)
    assert client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200
