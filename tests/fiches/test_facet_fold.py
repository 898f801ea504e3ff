"""Long facet lists fold after eight options under "Voir tout (N)", a <details> that needs no script."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import FicheFactory, aware

pytestmark = pytest.mark.django_db

TAGS = [f"Mot-clé {n:02d}" for n in range(1, 13)]


@pytest.fixture
def tagged(fiche_index):
    # Tag n is on 13 - n fiches, so the facet lists them in this order (most used first).
    for n in range(12):
        FicheFactory(title=f"Fiche {n}", tags=TAGS[: n + 1], published_at=aware(2025, 1, n + 1))


def tag_facet(client, **params) -> BeautifulSoup:
    response = client.get("/ressources/", params)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return page.select_one("#facet-tagged_with").find_parent("section")


def test_a_long_facet_shows_eight_options_then_folds_the_rest(client, tagged):
    facet = tag_facet(client)
    shown = facet.find("ul", recursive=False).select("li .facet__label")
    assert [label.get_text() for label in shown] == TAGS[:8]
    fold = facet.select_one("details.facet__more")
    assert not fold.has_attr("open")
    summary = " ".join(fold.summary.select_one(".facet__more-open").get_text().split())
    assert summary == "Voir tout (12) : mot-clé"
    assert [label.get_text() for label in fold.select("li .facet__label")] == TAGS[8:]


def test_a_chosen_option_in_the_fold_keeps_it_open(client, tagged):
    assert tag_facet(client, tagged_with=TAGS[10]).select_one("details.facet__more").has_attr("open")
    assert not tag_facet(client, tagged_with=TAGS[1]).select_one("details.facet__more").has_attr("open")


def test_a_short_facet_has_no_fold(client, tagged):
    facet = BeautifulSoup(client.get("/ressources/").content, "html.parser").select_one("#facet-annee")
    assert facet.find_parent("section").select_one("details") is None
