"""/ressources/: the keyword box (`q`) within the active filters, the sorts (`tri`), bad values."""

import datetime as dt
from urllib.parse import parse_qs

import pytest
from bs4 import BeautifulSoup

from site_kazasso.typography import french_spacing
from tests.factories import FicheFactory, aware

pytestmark = pytest.mark.django_db


# (title, theme, published, updated): three speak of « trésorerie », in known orders.
SHELF = [
    ("Trésorerie : tenir ses comptes", "financement", aware(2021, 3, 1), dt.date(2024, 1, 10)),
    ("Budget et trésorerie d'un festival", "evenements", aware(2023, 3, 1), None),
    ("Écrire ses statuts", "gouvernance-vie-statutaire", aware(2022, 3, 1), dt.date(2025, 3, 1)),
    ("Adhésions et trésorerie", "financement", aware(2020, 3, 1), dt.date(2025, 6, 1)),
]


@pytest.fixture
def shelf(fiche_index):
    """The four fiches of SHELF."""
    for title, theme, published, updated in SHELF:
        FicheFactory(title=title, themes=[theme], published_at=published, updated_on=updated)


def titles(response) -> list[str]:
    return [fiche.title for fiche in response.context["fiches"].object_list]


def theme_counts(response) -> dict[str, int]:
    facet = next(f for f in response.context["facets"] if f.param == "theme")
    return {option.value: option.count for option in facet.options}


def test_keyword_narrows_the_listing_and_the_facet_counts(client, shelf):
    response = client.get("/ressources/", {"q": "trésorerie"})
    assert titles(response) == [
        "Budget et trésorerie d'un festival",
        "Trésorerie : tenir ses comptes",
        "Adhésions et trésorerie",
    ]
    assert theme_counts(response) == {"financement": 2, "evenements": 1}
    assert [(f.facet_label, f.label) for f in response.context["active_filters"]] == [
        ("Recherche", "trésorerie")
    ]


def test_keyword_within_filters_and_links_keep_it(client, shelf):
    response = client.get("/ressources/", {"q": "trésorerie", "theme": "financement", "tri": "az"})
    assert titles(response) == ["Adhésions et trésorerie", "Trésorerie : tenir ses comptes"]
    # The selected facet still offers its alternatives, counted within the keyword.
    assert theme_counts(response) == {"financement": 2, "evenements": 1}
    facet = next(f for f in response.context["facets"] if f.param == "theme")
    other = next(o for o in facet.options if o.value == "evenements")
    assert parse_qs(other.url[1:]) == {"q": ["trésorerie"], "theme": ["evenements"], "tri": ["az"]}
    removal = next(f for f in response.context["active_filters"] if f.param == "q")
    assert parse_qs(removal.remove_url[1:]) == {"theme": ["financement"], "tri": ["az"]}
    # The form keeps the active filters as hidden fields, and shows the keyword and the sort.
    form = BeautifulSoup(response.content, "html.parser").select_one("form.listing-search")
    assert form.select_one("input[name=q]")["value"] == "trésorerie"
    assert {i["name"]: i["value"] for i in form.select("input[type=hidden]")} == {"theme": "financement"}
    assert form.select_one("select[name=tri] option[selected]")["value"] == "az"


@pytest.mark.parametrize(
    ("tri", "expected"),
    [
        (
            "recent",
            [
                "Budget et trésorerie d'un festival",
                "Écrire ses statuts",
                "Trésorerie : tenir ses comptes",
                "Adhésions et trésorerie",
            ],
        ),
        (
            "maj",
            [
                "Adhésions et trésorerie",
                "Écrire ses statuts",
                "Trésorerie : tenir ses comptes",
                "Budget et trésorerie d'un festival",  # no « à jour au » date: last
            ],
        ),
        (
            "az",
            [
                "Adhésions et trésorerie",
                "Budget et trésorerie d'un festival",
                "Écrire ses statuts",  # É sorts as E, not after Z
                "Trésorerie : tenir ses comptes",
            ],
        ),
    ],
)
def test_each_sort(client, shelf, tri, expected):
    response = client.get("/ressources/", {"tri": tri})
    assert titles(response) == expected
    assert response.context["notices"] == []


def test_sort_follows_into_the_next_page(client, shelf, settings):
    settings.FICHES_PER_PAGE = 2
    first = client.get("/ressources/", {"tri": "az"})
    assert "tri=az" in first.context["next_url"]
    second = client.get("/ressources/" + first.context["next_url"])
    assert titles(second) == ["Écrire ses statuts", "Trésorerie : tenir ses comptes"]
    pagination = BeautifulSoup(second.content, "html.parser").select_one(".pagination")
    assert pagination.select_one("a[rel=prev]").get_text() == "‹\xa0Précédente page"
    assert "tri=az" in pagination.select_one("a[rel=prev]")["href"]


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"tri": "pertinence"}, "Tri inconnu « pertinence » : tri par défaut (Plus récentes)."),
        ({"q": "!!! ???"}, "« !!! ??? » ne contient aucun mot : la recherche est ignorée."),
        ({"q": "trésorerie " * 1000}, "Votre recherche a été raccourcie à 200 caractères."),
        ({"q": "tré\x00sorerie"}, None),
    ],
)
def test_bad_values_give_the_listing_with_a_notice(client, shelf, params, notice):
    response = client.get("/ressources/", params)
    assert response.status_code == 200
    if notice is None:
        assert response.context["notices"] == []
    else:
        assert notice in response.context["notices"]
        shown = BeautifulSoup(response.content, "html.parser").select_one(".notice").get_text()
        assert french_spacing(notice) in shown  # with its non-breaking spaces
    if "tri" in params or "!!!" in params.get("q", ""):  # ignored: the whole listing, newest first
        assert titles(response)[0] == "Budget et trésorerie d'un festival"
        assert len(titles(response)) == 4


def test_past_the_cap_the_best_keyword_matches_are_kept_with_a_notice(client, shelf, monkeypatch):
    from fiches import listing
    from site_kazasso import keywords

    capped = lambda q: keywords.best_matches(listing.live_fiches(), q, 2)  # noqa: E731
    monkeypatch.setattr(listing, "matching_fiches", capped)
    response = client.get("/ressources/", {"q": "trésorerie"})
    assert response.context["result_count"] == 2
    assert any("Plus de 2 résultats correspondent" in n for n in response.context["notices"])
