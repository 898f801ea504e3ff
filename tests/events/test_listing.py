"""/evenements/: upcoming and past around "now", filters, counts and bad input."""

import pytest

from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db

NOW = reunion(2030, 5, 1, 12)


@pytest.fixture
def agenda(event_index, frozen_now):
    frozen_now(NOW)
    return {
        "ag": EventFactory(
            title="Tenir son AG à distance",
            start=reunion(2020, 4, 20, 9),
            end=reunion(2020, 4, 20, 11),
            themes=["gouvernance-vie-statutaire", "crise-resilience"],
            tags=["AG à distance", "Covid-19"],
        ),
        "pge": EventFactory(
            title="Le PGE expliqué",
            start=reunion(2021, 5, 5, 9),
            end=reunion(2021, 5, 5, 11),
            structure=structure("ligue-enseignement-reunion"),
            themes=["financement"],
            tags=["PGE", "Covid-19"],
        ),
        "running": EventFactory(
            title="Atelier en cours",
            start=reunion(2030, 5, 1, 10),
            end=reunion(2030, 5, 1, 16),
            format="presentiel",
            address="Maison des associations, Saint-Benoît",
            visio_url="",
            structure=structure("mda-saint-benoit"),
            themes=["accompagnement"],
        ),
        "soon": EventFactory(
            title="Rencontre des trésoriers",
            start=reunion(2030, 5, 3, 18),
            end=reunion(2030, 5, 3, 20),
            format="hybride",
            address="Salle polyvalente, Saint-Denis",
            themes=["comptabilite-fiscalite"],
            organisers=["ligue-enseignement-reunion"],
            tags=["Trésorerie"],
        ),
        "later": EventFactory(
            title="Le bénévolat en 2030",
            start=reunion(2030, 9, 1, 9),
            end=reunion(2030, 9, 1, 11),
            themes=["benevolat-engagement"],
            tags=["Bénévoles"],
        ),
        "draft": EventFactory(
            title="Brouillon", start=reunion(2030, 6, 1), end=reunion(2030, 6, 1, 12), live=False
        ),
    }


def structure(slug):
    from members.models import Structure

    return Structure.objects.get(slug=slug)


def titles(response):
    return [event.title for event in response.context["events"].object_list]


def counts(response, param):
    facet = next(f for f in response.context["facets"] if f.param == param)
    return {o.value: o.count for o in facet.options}


def test_upcoming_first_soonest_first_including_running(client, agenda):
    response = client.get("/evenements/")
    assert response.status_code == 200
    assert titles(response) == ["Atelier en cours", "Rencontre des trésoriers", "Le bénévolat en 2030"]
    assert not response.context["past"]


def test_archive_newest_first(client, agenda):
    response = client.get("/evenements/?periode=passes")
    assert titles(response) == ["Le PGE expliqué", "Tenir son AG à distance"]
    assert counts(response, "annee") == {"2021": 1, "2020": 1}
    assert titles(client.get("/evenements/?periode=passes&annee=2020")) == ["Tenir son AG à distance"]


def test_the_split_follows_the_clock(client, agenda, frozen_now):
    frozen_now(reunion(2030, 5, 3, 21))  # the treasurers' meeting is over
    assert "Rencontre des trésoriers" in titles(client.get("/evenements/?periode=passes"))
    assert "Rencontre des trésoriers" not in titles(client.get("/evenements/"))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=comptabilite-fiscalite", ["Rencontre des trésoriers"]),
        ("format=hybride", ["Rencontre des trésoriers"]),
        ("format=webinaire", ["Le bénévolat en 2030"]),
        ("structure=ligue-enseignement-reunion", ["Rencontre des trésoriers"]),  # as co-organiser
        ("structure=mda-saint-benoit", ["Atelier en cours"]),
        ("tagged_with=Tr%C3%A9sorerie", ["Rencontre des trésoriers"]),
        ("tagged_with=tresorerie", ["Rencontre des trésoriers"]),
        ("format=webinaire&theme=benevolat-engagement", ["Le bénévolat en 2030"]),
        ("format=presentiel&theme=benevolat-engagement", []),
        ("periode=passes&tagged_with=Covid-19&structure=ligue-enseignement-reunion", ["Le PGE expliqué"]),
        ("periode=passes&theme=financement&format=webinaire&annee=2021", ["Le PGE expliqué"]),
    ],
)
def test_filters(client, agenda, query, expected):
    response = client.get(f"/evenements/?{query}")
    assert titles(response) == expected
    assert response.context["notices"] == []


def test_counts_for_the_current_selection(client, agenda):
    response = client.get("/evenements/")
    assert counts(response, "format") == {"webinaire": 1, "presentiel": 1, "hybride": 1}
    assert counts(response, "structure") == {
        "crajep-reunion": 2,
        "ligue-enseignement-reunion": 1,
        "mda-saint-benoit": 1,
    }
    narrowed = client.get("/evenements/?structure=crajep-reunion")
    assert counts(narrowed, "format") == {"webinaire": 1, "hybride": 1}
    past = client.get("/evenements/?periode=passes")
    assert counts(past, "tagged_with") == {"Covid-19": 2, "AG à distance": 1, "PGE": 1}


def test_links_keep_the_period(client, agenda):
    response = client.get("/evenements/?periode=passes&theme=financement")
    active = response.context["active_filters"]
    assert active[0].remove_url == "?periode=passes"
    fmt = next(f for f in response.context["facets"] if f.param == "format")
    assert fmt.options[0].url == "?periode=passes&theme=financement&format=webinaire"


@pytest.mark.parametrize(
    "query",
    [
        "periode=futur",
        "format=visio",
        "theme=inconnu",
        "structure=%00",
        "tagged_with=" + "é" * 3000,
        "annee=abcd&periode=passes",
        "page=-3",
        "page=%F0%9F%92%A5",
        "page=999",
    ],
)
def test_bad_input_gives_a_normal_page_with_a_notice(client, agenda, query):
    response = client.get(f"/evenements/?{query}")
    assert response.status_code == 200
    if "structure=%00" not in query:
        assert response.context["notices"]


def test_drafts_never_listed(client, agenda):
    assert "Brouillon" not in client.get("/evenements/").content.decode()


def test_pagination(client, event_index, frozen_now, settings):
    frozen_now(NOW)
    for day in range(1, 15):
        EventFactory(
            title=f"Atelier {day:02d}", start=reunion(2030, 6, day, 9), end=reunion(2030, 6, day, 10)
        )
    first = client.get("/evenements/")
    assert len(first.context["events"].object_list) == 12
    second = client.get("/evenements/?page=2")
    assert titles(second) == ["Atelier 13", "Atelier 14"]
