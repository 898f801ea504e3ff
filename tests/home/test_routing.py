"""The home page routes to its children from a map kept per content version (HomePage.routed_child):
what publishing, unpublishing or moving changes is seen at once, and no request marks the map."""

import pytest

from home.legal import SitePlanPage
from home.models import HOME_CHILDREN

pytestmark = pytest.mark.django_db


def test_what_changes_a_child_of_the_home_page_is_routed_at_once(client, fiche_index):
    plan = SitePlanPage.objects.get()
    assert client.get("/ressources/").status_code == 200
    assert client.get("/plan-du-site/").status_code == 200

    fiche_index.unpublish()
    assert client.get("/ressources/").status_code == 404
    fiche_index.save_revision().publish()
    assert client.get("/ressources/").status_code == 200

    plan.slug = "plan"
    plan.save_revision().publish()
    assert client.get("/plan-du-site/").status_code == 404
    assert client.get("/plan/").status_code == 200

    plan.move(fiche_index, pos="last-child")
    moved = client.get("/plan/")  # no page there any more: Wagtail's redirect to where it went
    assert (moved.status_code, moved["Location"]) == (301, "/ressources/plan/")
    assert client.get("/ressources/plan/").status_code == 200


def test_a_draft_changes_nothing_served_and_requests_mark_only_their_copy(client, fiche_index):
    fiche_index.title = "Brouillon du titre"
    fiche_index.save_revision()  # a draft: the public page keeps its title
    response = client.get("/ressources/")
    assert response.status_code == 200
    assert "Brouillon du titre" not in response.content.decode()
    held = [page for (path, slug), page in HOME_CHILDREN.read().items() if slug == "ressources"]
    assert len(held) == 1 and not hasattr(held[0], "routed_parent")
