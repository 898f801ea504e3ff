"""The /ressources/ listing: facets alone and combined, counts, pagination, bad input."""

from urllib.parse import quote

import pytest
from bs4 import BeautifulSoup

from members.models import Structure
from taxonomy.models import Typology
from tests.factories import FicheFactory, aware

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(fiche_index):
    """Five fiches with known facets (counts below are checked against these)."""
    mar = Structure.objects.get(slug="mouvement-associatif-reunion")
    ligue = Structure.objects.get(slug="ligue-enseignement-reunion")
    guide = Typology.objects.get(slug="guide")
    return {
        "ag": FicheFactory(
            title="Tenir son AG à distance",
            structure=mar,
            themes=["gouvernance-vie-statutaire", "crise-resilience"],
            tags=["AG à distance", "Covid-19", "Résilience"],
            published_at=aware(2020, 4, 20),
        ),
        "chomage": FicheFactory(
            title="Le chômage partiel dans une association",
            structure=ligue,
            themes=["emploi-rh", "crise-resilience"],
            tags=["Chômage partiel", "Covid-19"],
            published_at=aware(2020, 5, 2),
        ),
        "subvention": FicheFactory(
            title="Demander une subvention",
            structure=ligue,
            typology=guide,
            themes=["financement"],
            tags=["Subventions"],
            published_at=aware(2023, 2, 1),
        ),
        "benevoles": FicheFactory(
            title="Garder le lien avec ses bénévoles",
            structure=mar,
            themes=["benevolat-engagement", "crise-resilience"],
            tags=["Bénévoles", "Résilience"],
            published_at=aware(2024, 9, 9),
        ),
        "draft": FicheFactory(
            title="Brouillon jamais publié",
            structure=mar,
            themes=["financement"],
            tags=["Résilience"],
            live=False,
        ),
    }


def titles(response) -> list[str]:
    return [fiche.title for fiche in response.context["fiches"].object_list]


def facet_counts(response, param: str) -> dict[str, int]:
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {option.value: option.count for option in facet.options}


def test_lists_live_fiches_newest_first(client, corpus):
    response = client.get("/ressources/")
    assert response.status_code == 200
    assert titles(response) == [
        "Garder le lien avec ses bénévoles",
        "Demander une subvention",
        "Le chômage partiel dans une association",
        "Tenir son AG à distance",
    ]
    assert response.context["result_count"] == 4
    assert "Brouillon jamais publié" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "theme=crise-resilience",
            {
                "Tenir son AG à distance",
                "Le chômage partiel dans une association",
                "Garder le lien avec ses bénévoles",
            },
        ),
        ("typologie=guide", {"Demander une subvention"}),
        (
            "structure=ligue-enseignement-reunion",
            {"Demander une subvention", "Le chômage partiel dans une association"},
        ),
        ("tagged_with=Covid-19", {"Tenir son AG à distance", "Le chômage partiel dans une association"}),
        ("annee=2020", {"Tenir son AG à distance", "Le chômage partiel dans une association"}),
        ("annee=2024", {"Garder le lien avec ses bénévoles"}),
    ],
)
def test_each_facet_alone(client, corpus, query, expected):
    response = client.get(f"/ressources/?{query}")
    assert set(titles(response)) == expected
    assert response.context["notices"] == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "theme=crise-resilience&structure=mouvement-associatif-reunion",
            {"Tenir son AG à distance", "Garder le lien avec ses bénévoles"},
        ),
        (
            "theme=crise-resilience&tagged_with=Covid-19&annee=2020",
            {"Tenir son AG à distance", "Le chômage partiel dans une association"},
        ),
        (
            "theme=crise-resilience&tagged_with=Covid-19&structure=ligue-enseignement-reunion",
            {"Le chômage partiel dans une association"},
        ),
        ("typologie=guide&annee=2020", set()),
        ("typologie=fiche-pratique&tagged_with=Résilience&annee=2024", {"Garder le lien avec ses bénévoles"}),
    ],
)
def test_facets_combined(client, corpus, query, expected):
    response = client.get(f"/ressources/?{query}")
    assert set(titles(response)) == expected
    assert response.context["result_count"] == len(expected)


@pytest.mark.parametrize("raw", ["Résilience", "résilience", "RÉSILIENCE", "resilience"])
def test_tagged_with_accented_names(client, corpus, raw):
    response = client.get(f"/ressources/?tagged_with={quote(raw)}")
    assert set(titles(response)) == {"Tenir son AG à distance", "Garder le lien avec ses bénévoles"}
    assert [f.label for f in response.context["active_filters"]] == ["Résilience"]


def test_tagged_with_name_with_spaces_and_accents(client, corpus):
    response = client.get("/ressources/?tagged_with=AG+%C3%A0+distance")
    assert titles(response) == ["Tenir son AG à distance"]


def test_counts_of_every_facet_without_filter(client, corpus):
    response = client.get("/ressources/")
    assert facet_counts(response, "theme") == {
        "gouvernance-vie-statutaire": 1,
        "emploi-rh": 1,
        "benevolat-engagement": 1,
        "financement": 1,
        "crise-resilience": 3,
    }
    assert facet_counts(response, "typologie") == {"fiche-pratique": 3, "guide": 1}
    assert facet_counts(response, "structure") == {
        "ligue-enseignement-reunion": 2,
        "mouvement-associatif-reunion": 2,
    }
    # The draft's tag is not counted: only live fiches are.
    assert facet_counts(response, "tagged_with") == {
        "Covid-19": 2,
        "Résilience": 2,
        "AG à distance": 1,
        "Bénévoles": 1,
        "Chômage partiel": 1,
        "Subventions": 1,
    }
    assert facet_counts(response, "annee") == {"2024": 1, "2023": 1, "2020": 2}


def test_counts_follow_the_current_selection(client, corpus):
    response = client.get("/ressources/?structure=mouvement-associatif-reunion")
    # Other facets count within the selection…
    assert facet_counts(response, "theme") == {
        "gouvernance-vie-statutaire": 1,
        "benevolat-engagement": 1,
        "crise-resilience": 2,
    }
    assert facet_counts(response, "annee") == {"2024": 1, "2020": 1}
    assert facet_counts(response, "tagged_with") == {
        "Résilience": 2,
        "AG à distance": 1,
        "Bénévoles": 1,
        "Covid-19": 1,
    }
    # …while the selected facet still offers its alternatives, with what each would give.
    assert facet_counts(response, "structure") == {
        "ligue-enseignement-reunion": 2,
        "mouvement-associatif-reunion": 2,
    }


def test_facet_option_links_keep_other_filters_and_toggle(client, corpus):
    response = client.get("/ressources/?theme=crise-resilience&page=1")
    theme = next(f for f in response.context["facets"] if f.param == "theme")
    selected = next(o for o in theme.options if o.selected)
    assert selected.value == "crise-resilience"
    assert selected.url == "?"  # clicking the selected value removes it
    structure = next(f for f in response.context["facets"] if f.param == "structure")
    option = next(o for o in structure.options if o.value == "ligue-enseignement-reunion")
    assert option.url == "?theme=crise-resilience&structure=ligue-enseignement-reunion"


def test_active_filters_have_remove_links(client, corpus):
    response = client.get("/ressources/?theme=crise-resilience&tagged_with=Covid-19&annee=2020")
    filters = {f.param: f for f in response.context["active_filters"]}
    assert set(filters) == {"theme", "tagged_with", "annee"}
    assert filters["theme"].label == "Crise, urgence et résilience"
    assert filters["tagged_with"].remove_url == "?theme=crise-resilience&annee=2020"
    soup = BeautifulSoup(response.content, "html.parser")
    remove_links = [a["href"] for a in soup.select(".active-filters a.chip")]
    assert "?tagged_with=Covid-19&annee=2020" in remove_links
    # Following a remove link drops exactly that filter.
    follow = client.get("/ressources/" + filters["annee"].remove_url)
    assert {f.param for f in follow.context["active_filters"]} == {"theme", "tagged_with"}


@pytest.mark.parametrize(
    "query",
    [
        "theme=inconnu",
        "typologie=nexistepas",
        "structure=fantome",
        "tagged_with=Mot-cl%C3%A9+absent",
        "annee=deux-mille",
        "annee=20200",
        "annee=1800",
        "annee=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%90",  # full-width digits
        "theme=%00",
        "theme=crise%00resilience",
        "tagged_with=" + "x" * 5000,
        "structure=%F0%9F%98%80",
        "theme=' OR 1=1 --",
        "typologie[]=guide",
    ],
)
def test_unknown_values_give_a_normal_page_with_a_french_notice(client, corpus, query):
    response = client.get(f"/ressources/?{query}")
    assert response.status_code == 200
    # The bad filter is ignored: every live fiche is listed.
    assert response.context["result_count"] == 4 or "typologie[]" in query
    if "typologie[]" not in query and query not in ("theme=%00",):
        notices = " ".join(response.context["notices"])
        assert "ignoré" in notices


def test_unknown_value_notice_is_shown_in_page(client, corpus):
    response = client.get("/ressources/?theme=inconnu&annee=abcd")
    html = response.content.decode()
    assert "Le filtre «\xa0Thème\xa0» ne connaît pas la valeur «\xa0inconnu\xa0»\xa0: il est ignoré." in html
    assert "n&#x27;est pas une année valide" in html or "n'est pas une année valide" in html


def test_empty_result_says_so(client, corpus):
    response = client.get("/ressources/?typologie=guide&annee=2020")
    assert response.status_code == 200
    assert "Aucune ressource ne correspond à ces critères." in response.content.decode()


class TestPagination:
    @pytest.fixture
    def many(self, fiche_index):
        return [
            FicheFactory(title=f"Fiche {i:02d}", published_at=aware(2021, 1, 1 + i % 28, hour=i % 20))
            for i in range(30)
        ]

    def test_twelve_per_page(self, client, many):
        response = client.get("/ressources/")
        assert len(response.context["fiches"].object_list) == 12
        assert response.context["fiches"].paginator.num_pages == 3

    def test_last_page_holds_the_rest(self, client, many):
        response = client.get("/ressources/?page=3")
        assert len(response.context["fiches"].object_list) == 6
        assert response.context["notices"] == []

    def test_pages_do_not_overlap(self, client, many):
        seen = []
        for number in (1, 2, 3):
            seen += titles(client.get(f"/ressources/?page={number}"))
        assert len(seen) == len(set(seen)) == 30

    @pytest.mark.parametrize(("raw", "expected_page"), [("4", 3), ("999999", 3), ("99999999999999999999", 1)])
    def test_beyond_the_end_gives_the_last_page_or_the_first(self, client, many, raw, expected_page):
        response = client.get(f"/ressources/?page={raw}")
        assert response.status_code == 200
        assert response.context["fiches"].number == expected_page
        assert response.context["notices"]

    @pytest.mark.parametrize("raw", ["0", "-1", "abc", "1.5", "%00", "²", "1e3", " "])
    def test_junk_page_gives_the_first_page(self, client, many, raw):
        response = client.get(f"/ressources/?page={raw}")
        assert response.status_code == 200
        assert response.context["fiches"].number == 1
        if raw.strip() and raw != "%00":
            assert response.context["notices"]

    def test_page_links_keep_filters(self, client, many):
        response = client.get("/ressources/?theme=financement&page=2")
        soup = BeautifulSoup(response.content, "html.parser")
        links = [a["href"] for a in soup.select("nav.pagination a")]
        assert "?theme=financement&page=1" in links
        assert "?theme=financement&page=3" in links
        current = soup.select_one('nav.pagination a[aria-current="page"]')
        assert current["href"] == "?theme=financement&page=2"

    def test_elided_page_range(self, client, fiche_index, settings):
        settings.FICHES_PER_PAGE = 2
        for i in range(24):
            FicheFactory(title=f"Page {i}", published_at=aware(2022, 1 + i % 12, 1 + i % 28))
        response = client.get("/ressources/?page=6")
        items = response.context["page_range"]
        numbers = [item.get("number") for item in items]
        assert numbers == [1, None, 4, 5, 6, 7, 8, None, 12]
        soup = BeautifulSoup(response.content, "html.parser")
        assert len(soup.select("nav.pagination .pagination__ellipsis")) == 2
        assert sum(1 for item in items if item.get("current")) == 1

    def test_exact_multiple_of_page_size(self, client, fiche_index):
        for i in range(24):
            FicheFactory(title=f"Exacte {i}")
        response = client.get("/ressources/?page=2")
        assert len(response.context["fiches"].object_list) == 12
        assert response.context["fiches"].paginator.num_pages == 2
        assert not response.context["fiches"].has_next()


def test_empty_listing(client, fiche_index):
    response = client.get("/ressources/?page=3")
    assert response.status_code == 200
    assert response.context["result_count"] == 0
    assert "Aucune ressource" in response.content.decode()
