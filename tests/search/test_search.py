"""/recherche/: French full-text matching, facets across fiches and events, and edge cases."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from members.models import Structure
from taxonomy.models import Typology
from tests.factories import EventFactory, FicheFactory, aware, reunion

pytestmark = pytest.mark.django_db

ON_POSTGRES = connection.vendor == "postgresql"


@pytest.fixture
def corpus(fiche_index, event_index, frozen_now):
    frozen_now(reunion(2030, 1, 1))
    ligue = Structure.objects.get(slug="ligue-enseignement-reunion")
    return {
        "fiscalite": FicheFactory(
            title="La fiscalité des associations",
            chapo="Impôts commerciaux, rescrit et dons : ce que chaque association doit savoir.",
            themes=["comptabilite-fiscalite"],
            tags=["Fiscalité", "Mécénat"],
            published_at=aware(2023, 3, 1),
        ),
        "ag": FicheFactory(
            title="Tenir son assemblée générale à distance",
            chapo="Visioconférence et vote par correspondance pour l'assemblée générale annuelle.",
            structure=ligue,
            typology=Typology.objects.get(slug="guide"),
            themes=["gouvernance-vie-statutaire"],
            tags=["AG à distance", "Visioconférence"],
            published_at=aware(2020, 4, 20),
        ),
        "benevoles": FicheFactory(
            title="Fidéliser ses bénévoles",
            chapo="Accueil, reconnaissance, formation : garder ses bénévoles motivés.",
            themes=["benevolat-engagement"],
            tags=["Bénévoles"],
            published_at=aware(2024, 5, 5),
        ),
        "draft": FicheFactory(title="Fiscalité : brouillon secret", chapo="Brouillon.", live=False),
        "webinaire": EventFactory(
            title="Webinaire : la fiscalité des associations employeuses",
            chapo="Une heure sur la fiscalité et la paie.",
            themes=["comptabilite-fiscalite"],
            tags=["Fiscalité", "Webinaire"],
            organisers=["ligue-enseignement-reunion"],
            start=reunion(2030, 2, 3, 9),
        ),
    }


def titles(response) -> list[str]:
    return [page.title for page in response.context["results"]]


def counts(response, param) -> dict[str, int]:
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {o.value: o.count for o in facet.options}


@pytest.mark.parametrize("query", ["fiscalité", "fiscalite", "FISCALITE", "Fiscalité"])
def test_accents_and_case_do_not_matter(client, corpus, query):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    assert set(titles(response)) == {
        "La fiscalité des associations",
        "Webinaire : la fiscalité des associations employeuses",
    }


def test_drafts_are_never_found(client, corpus):
    assert "Fiscalité : brouillon secret" not in titles(client.get("/recherche/", {"q": "brouillon secret"}))


@pytest.mark.skipif(not ON_POSTGRES, reason="French stemming is PostgreSQL's (french_unaccent configuration)")
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("associations", "La fiscalité des associations"),
        ("association", "La fiscalité des associations"),
        ("benevole", "Fidéliser ses bénévoles"),
        ("assemblees generales", "Tenir son assemblée générale à distance"),
    ],
)
def test_french_stemming_on_postgresql(client, corpus, query, expected):
    assert expected in titles(client.get("/recherche/", {"q": query}))


def test_ag_finds_the_general_assembly_only_because_the_content_says_so(client, corpus):
    found = titles(client.get("/recherche/", {"q": "AG"}))
    assert found == ["Tenir son assemblée générale à distance"]  # through its tag "AG à distance"


def test_facet_counts_for_the_query(client, corpus):
    response = client.get("/recherche/", {"q": "fiscalité"})
    assert counts(response, "type") == {"fiche": 1, "evenement": 1}
    assert counts(response, "theme") == {"comptabilite-fiscalite": 2}
    assert counts(response, "tag") == {"fiscalite": 2, "mecenat": 1, "webinaire": 1}
    assert counts(response, "structure") == {"crajep-reunion": 2, "ligue-enseignement-reunion": 1}
    assert counts(response, "annee") == {"2030": 1, "2023": 1}


def test_empty_query_browses_everything_with_facets(client, corpus):
    response = client.get("/recherche/")
    assert response.context["result_count"] == 4
    assert counts(response, "type") == {"fiche": 3, "evenement": 1}
    assert counts(response, "typologie") == {"fiche-pratique": 2, "guide": 1}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "fiscalité", "type": "evenement"}, {"Webinaire : la fiscalité des associations employeuses"}),
        ({"q": "fiscalité", "type": "fiche"}, {"La fiscalité des associations"}),
        ({"tag": "fiscalite", "annee": "2023"}, {"La fiscalité des associations"}),
        (
            {"structure": "ligue-enseignement-reunion"},
            {
                "Tenir son assemblée générale à distance",
                "Webinaire : la fiscalité des associations employeuses",
            },
        ),
        (
            {"structure": "ligue-enseignement-reunion", "type": "fiche"},
            {"Tenir son assemblée générale à distance"},
        ),
        ({"theme": "benevolat-engagement", "typologie": "fiche-pratique"}, {"Fidéliser ses bénévoles"}),
        ({"q": "fiscalité", "theme": "benevolat-engagement"}, set()),
    ],
)
def test_filters_combine(client, corpus, params, expected):
    response = client.get("/recherche/", params)
    assert set(titles(response)) == expected
    assert response.context["notices"] == []


def test_active_filters_are_removable_and_urls_shareable(client, corpus):
    response = client.get("/recherche/", {"q": "fiscalité", "type": "fiche", "tag": "mecenat"})
    removes = {f.param: f.remove_url for f in response.context["active_filters"]}
    assert removes["tag"] == "?q=fiscalit%C3%A9&type=fiche"
    assert removes["type"] == "?q=fiscalit%C3%A9&tag=mecenat"
    assert titles(client.get("/recherche/" + removes["tag"])) == ["La fiscalité des associations"]


def test_sort_by_date(client, corpus):
    response = client.get("/recherche/", {"q": "fiscalité", "tri": "date"})
    assert titles(response)[0] == "Webinaire : la fiscalité des associations employeuses"  # 2030
    assert client.get("/recherche/", {"tri": "date"}).context["engine"].sort == "date"


def test_no_results_offers_tags_and_themes(client, corpus):
    response = client.get("/recherche/", {"q": "zzyzx introuvable"})
    soup = BeautifulSoup(response.content, "html.parser")
    text = soup.get_text(" ", strip=True)
    assert "Aucun résultat pour «\xa0zzyzx introuvable\xa0»" in text
    assert "Les mots-clés les plus utilisés" in text
    assert [a.get_text(strip=True) for a in soup.select(".no-results .chip--tag")][0] == "Fiscalité"
    assert len(soup.select(".no-results .chip:not(.chip--tag)")) == 12


def test_structures_are_found_by_name_without_accents(client, corpus):
    response = client.get("/recherche/", {"q": "saint-benoit"})
    assert [s.slug for s in response.context["structures"]] == ["mda-saint-benoit"]


def test_long_query_is_cut_with_a_notice(client, corpus):
    response = client.get("/recherche/", {"q": "fiscalité " * 600})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= 200
    assert "raccourcie à 200 caractères" in " ".join(response.context["notices"])


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "' OR 1=1 --",
        "a & b | !c",
        "fisc:* <-> (x",
        "\x00",
        "😀 association",
        "%",
        "\\",
        "a" * 5000,
        "   ",
    ],
)
def test_odd_queries_never_fail(client, corpus, query):
    response = client.get("/recherche/", {"q": query, "page": "2"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"type": "video"},
        {"theme": "inconnu"},
        {"tag": "x" * 500},
        {"annee": "20xx"},
        {"tri": "hasard"},
        {"page": "-1"},
    ],
)
def test_junk_parameters_give_a_notice(client, corpus, params):
    response = client.get("/recherche/", {"q": "fiscalité", **params})
    assert response.status_code == 200
    assert response.context["notices"]


def test_suggestions_endpoint(client, corpus):
    data = client.get("/recherche/suggestions/", {"q": "fisc"}).json()
    assert data["query"] == "fisc"
    assert {r["title"] for r in data["results"]} == {
        "La fiscalité des associations",
        "Webinaire : la fiscalité des associations employeuses",
    }
    assert {r["type"] for r in data["results"]} == {"fiche", "evenement"}
    assert all(r["url"].startswith("/") for r in data["results"])
    assert client.get("/recherche/suggestions/", {"q": "f"}).json()["results"] == []
    assert client.get("/recherche/suggestions/", {"q": "\x00" * 10}).status_code == 200


def test_suggestions_are_capped_at_eight(client, fiche_index):
    for i in range(12):
        FicheFactory(title=f"Trésorerie pratique {i}")
    assert len(client.get("/recherche/suggestions/", {"q": "treso"}).json()["results"]) == 8


def test_search_box_works_without_javascript(client, corpus):
    soup = BeautifulSoup(client.get("/recherche/", {"q": "fiscalité"}).content, "html.parser")
    form = soup.select_one("form.search-form")
    assert form["action"] == "/recherche/" and form.get("method") == "get"
    assert soup.select_one("label[for=search-q]") is not None


def test_queries_are_logged_and_promotions_shown(client, corpus):
    SearchPromotion.objects.create(
        query=Query.get("adhésion"), page=corpus["benevoles"], sort_order=0, description="À lire d'abord."
    )
    response = client.get("/recherche/", {"q": "Adhésion"})
    soup = BeautifulSoup(response.content, "html.parser")
    promoted = soup.select(".promoted .card__title a")
    assert [a.get_text(strip=True) for a in promoted] == ["Fidéliser ses bénévoles"]
    client.get("/recherche/", {"q": "adhésion"})
    assert Query.get("adhésion").hits == 2


def test_past_the_cap_the_best_matches_are_shown_with_a_notice(client, fiche_index, monkeypatch):
    from search import engine

    monkeypatch.setattr(engine, "MAX_MATCHES", 2)
    for i in range(4):
        FicheFactory(title=f"Trésorerie {i}")
    response = client.get("/recherche/", {"q": "trésorerie"})
    assert response.context["result_count"] == 2
    assert "Plus de 2 pages correspondent" in " ".join(response.context["notices"])
    assert client.get("/recherche/", {"q": "trésorerie 3"}).context["notices"] == []


def test_query_count_does_not_grow_with_results(client, fiche_index):
    from django.test.utils import CaptureQueriesContext

    for i in range(5):
        FicheFactory(title=f"Association numéro {i}", tags=[f"Mot {i}"])
    client.get("/recherche/", {"q": "association", "theme": "financement"})
    with CaptureQueriesContext(connection) as few:
        client.get("/recherche/", {"q": "association", "theme": "financement"})
    for i in range(5, 30):
        FicheFactory(title=f"Association numéro {i}", tags=[f"Mot {i}"])
    client.get(
        "/recherche/", {"q": "association", "theme": "financement"}
    )  # the first request after a change rebuilds the catalogue (tests/core/test_catalogue.py)
    with CaptureQueriesContext(connection) as many:
        client.get("/recherche/", {"q": "association", "theme": "financement"})
    assert len(few) == len(many)


def test_suggestions_match_every_word_typed_and_rank_titles_starting_with_them(client, fiche_index):
    FicheFactory(title="Réussir l'assemblée générale de son association")
    FicheFactory(title="Assemblée générale : la convocation")
    FicheFactory(title="Le compte rendu d'assemblée")
    EventFactory(title="Webinaire : l'assemblée générale à distance")

    def titles_for(typed: str) -> list[str]:
        return [r["title"] for r in client.get("/recherche/suggestions/", {"q": typed}).json()["results"]]

    # The title starting with the words comes first, then the shortest; accents and case ignored.
    assert titles_for("ASSEMBLEE gén") == [
        "Assemblée générale : la convocation",
        "Webinaire : l'assemblée générale à distance",
        "Réussir l'assemblée générale de son association",
    ]
    assert titles_for("assem") == [
        "Assemblée générale : la convocation",
        "Le compte rendu d'assemblée",
        "Webinaire : l'assemblée générale à distance",
        "Réussir l'assemblée générale de son association",
    ]
    assert titles_for("compte assemblee") == ["Le compte rendu d'assemblée"]  # every word, in any order
    assert titles_for("gen assemblee") == []  # only the last word is a prefix
    assert titles_for("zzz") == []


def test_suggestions_leave_out_drafts_and_follow_publication(client, fiche_index):
    draft = FicheFactory(title="Trésorerie : brouillon", live=False)
    assert client.get("/recherche/suggestions/", {"q": "treso"}).json()["results"] == []
    draft.save_revision().publish()
    assert [r["title"] for r in client.get("/recherche/suggestions/", {"q": "treso"}).json()["results"]] == [
        "Trésorerie : brouillon"
    ]
