"""The home page: intro, latest fiches, themes with counts, structures, search box."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import FicheFactory, aware

pytestmark = pytest.mark.django_db


def test_home_shows_latest_fiches_themes_structures_and_search(client, home_page, fiche_index):
    home_page.intro = "<p>Bienvenue aux associations.</p>"
    home_page.save_revision().publish()
    for i in range(8):
        FicheFactory(title=f"Fiche {i}", themes=["financement"], published_at=aware(2022, 1 + i))
    FicheFactory(title="Brouillon", themes=["financement"], live=False)
    response = client.get("/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    latest = [
        a.get_text(strip=True) for a in soup.select("section[aria-labelledby=latest-title] .card__title a")
    ]
    assert latest == ["Fiche 7", "Fiche 6", "Fiche 5", "Fiche 4", "Fiche 3", "Fiche 2"]
    tiles = {t.select_one(".theme-tile__name").get_text(strip=True): t for t in soup.select(".theme-tile")}
    assert len(tiles) == 12
    financement = tiles["Financement, subventions et mécénat"]
    assert financement["href"] == "/ressources/?theme=financement"
    assert financement.select_one(".theme-tile__count").get_text(strip=True) == "8 ressources"
    assert len(soup.select(".member-list a")) == 7
    form = soup.select_one("form.hero-search")
    assert form["action"] == "/recherche/"
    field = form.select_one("input[name=q]")
    assert soup.select_one(f"label[for={field['id']}]") is not None
    assert "Bienvenue aux associations." in soup.get_text()


def test_layout_landmarks_and_skip_link(client, home_page):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    assert soup.html["lang"] == "fr"
    skip = soup.select_one("a.skip-link")
    assert skip["href"] == "#contenu"
    assert soup.select_one("main#contenu") is not None
    assert soup.select_one("header") is not None and soup.select_one("footer") is not None
    assert soup.select_one("nav[aria-label]") is not None
    for field in soup.select("input:not([type=hidden])"):
        assert soup.select_one(f"label[for={field['id']}]") is not None, field
    assert soup.find("meta", attrs={"name": "viewport"}) is not None
