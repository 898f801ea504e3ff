"""One folding rule: "Œuvres", "oeuvres" and "ŒUVRES" are the same word in suggestions and tag filters."""

from urllib.parse import quote

import pytest

from site_kazasso.text import fold
from tests.factories import FicheFactory

SPELLINGS = ["Œuvres", "oeuvres", "ŒUVRES", "œuvres", "OEUVRES"]


def test_fold_handles_ligatures_case_and_accents_alike():
    assert {fold(s) for s in SPELLINGS} == {"oeuvres"}
    assert fold("Trésorerie Æsthétique") == "tresorerie aesthetique"


@pytest.fixture
def oeuvre(db):
    return FicheFactory(title="Œuvres caritatives et dons", tags=["Œuvres"])


@pytest.mark.parametrize("typed", SPELLINGS)
def test_suggestions_fold_ligatures(client, oeuvre, typed):
    results = client.get("/recherche/suggestions/", {"q": typed}).json()["results"]
    assert [r["title"] for r in results] == ["Œuvres caritatives et dons"]


@pytest.mark.parametrize("typed", SPELLINGS)
def test_tagged_with_folds_ligatures(client, oeuvre, typed):
    response = client.get(f"/ressources/?tagged_with={quote(typed)}")
    assert [page.title for page in response.context["fiches"].object_list] == ["Œuvres caritatives et dons"]
    assert [f.label for f in response.context["active_filters"]] == ["Œuvres"]
