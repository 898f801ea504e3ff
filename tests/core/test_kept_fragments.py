"""Fragments kept in the `template_fragments` cache: lists of cards (taxonomy/cards.py) and the facet
lists of a listing. A warm page reads, counts and renders none of them again, and whatever they
show (content, seats, the clock against registration dates and event ends, the query) renews them."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.listing import event_cards
from fiches.listing import fiche_cards
from taxonomy.cards import Cards
from taxonomy.catalogue import catalogue
from taxonomy.facets import FacetedListing
from taxonomy.models import Theme
from tests.factories import EventFactory, FicheFactory, RegistrationFactory, reunion

pytestmark = pytest.mark.django_db


def card_queries(client, url: str, table: str) -> tuple[str, int]:
    """The page's body and how many of its queries read `table` (the cards' own rows)."""
    with CaptureQueriesContext(connection) as ctx:
        body = client.get(url).content.decode()
    return body, sum(f'FROM "{table}"' in query["sql"] for query in ctx.captured_queries)


@pytest.mark.parametrize(
    ("url", "table"),
    [("/ressources/", "fiches_fichepage"), ("/evenements/", "events_eventpage"), ("/", "fiches_fichepage")],
)
def test_a_warm_list_reads_no_card_and_shows_the_same_markup(
    client, fiche_index, event_index, home_page, url, table
):
    for i in range(3):
        FicheFactory(title=f"Fiche {i}")
        EventFactory(slug=f"atelier-{i}", title=f"Atelier {i}")
    catalogue()  # built once per version, as after a publication: not what is counted here
    cold, read_cold = card_queries(client, url, table)
    warm, read_warm = card_queries(client, url, table)
    assert read_cold == 1 and read_warm == 0
    assert warm == cold
    assert ("Fiche 2" if table == "fiches_fichepage" else "Atelier 2") in warm


def test_a_published_change_renews_the_cards(client, fiche_index):
    fiche = FicheFactory(title="Avant la relecture", tags=["Trésorerie"])
    for url in ("/ressources/", "/tags/tresorerie/"):
        assert "Avant la relecture" in client.get(url).content.decode()
    fiche.title = "Après la relecture"
    fiche.save_revision().publish()
    for url in ("/ressources/", "/tags/tresorerie/"):
        body = client.get(url).content.decode()
        assert "Après la relecture" in body and "Avant la relecture" not in body


def test_a_registration_renews_the_event_cards(client, event_index, home_page):
    event = EventFactory(slug="jauge", title="Atelier jauge", capacity=10)
    for url in ("/evenements/", "/"):
        assert "Inscriptions ouvertes" in client.get(url).content.decode()
    RegistrationFactory(event=event, seats=8)
    for url in ("/evenements/", "/"):
        assert "Plus que 2 places" in client.get(url).content.decode()


def test_the_event_cards_follow_the_clock(client, event_index, frozen_now):
    EventFactory(
        slug="bientot",
        start=reunion(2030, 4, 1, 9),
        end=reunion(2030, 4, 1, 11),
        registration_opens_at=reunion(2030, 3, 5, 8),
        registration_closes_at=reunion(2030, 3, 30, 8),
    )
    steps = [
        (reunion(2030, 3, 1, 8), "Inscriptions à partir du 5 mars à 08h00"),
        (reunion(2030, 3, 10, 8), "Inscriptions ouvertes"),
        (reunion(2030, 3, 31, 8), "Inscriptions closes"),
    ]
    for moment, badge in steps:
        frozen_now(moment)
        assert badge in client.get("/evenements/").content.decode()
    frozen_now(reunion(2030, 4, 1, 10))  # started, not over: no badge any more
    assert "availability--" not in client.get("/evenements/").content.decode()


def test_cards_load_only_when_iterated(fiche_index, django_assert_num_queries):
    fiches = [FicheFactory(title=f"Fiche {i}") for i in range(3)]
    pks = [fiche.pk for fiche in reversed(fiches)]
    cards = fiche_cards(pks)
    with django_assert_num_queries(0):
        assert len(cards) == 3 and cards and cards.key
        with pytest.raises(TypeError):
            cards["key"]  # what a template tries first: no load
    with django_assert_num_queries(2):  # the fiches, and the version (outside a request, read each time)
        assert [card.title for card in cards] == ["Fiche 2", "Fiche 1", "Fiche 0"]
    assert not Cards("fiches", [], lambda ids: 1 / 0)  # empty: nothing to load


def test_the_keys_name_what_the_cards_show(fiche_index, event_index, frozen_now):
    fiche = FicheFactory()
    event = EventFactory(slug="atelier", capacity=10, registration_opens_at=reunion(2030, 3, 5, 8))
    frozen_now(reunion(2030, 3, 1, 8))
    assert fiche_cards([fiche.pk]).key == fiche_cards([fiche.pk]).key
    assert fiche_cards([fiche.pk]).key != event_cards([event.pk]).key
    before = event_cards([event.pk]).key
    frozen_now(reunion(2030, 3, 5, 8) + dt.timedelta(minutes=1))
    opened = event_cards([event.pk]).key
    RegistrationFactory(event=event, seats=1)
    assert len({before, opened, event_cards([event.pk]).key}) == 3


def facet_counting(monkeypatch) -> list[int]:
    calls: list[int] = []
    count = FacetedListing.facet_results

    def counted(self):
        calls.append(1)
        return count(self)

    monkeypatch.setattr(FacetedListing, "facet_results", counted)
    return calls


def test_a_warm_listing_counts_no_facet_and_a_change_recounts(client, fiche_index, monkeypatch):
    FicheFactory(title="Budget", themes=["financement"])
    calls = facet_counting(monkeypatch)
    first = client.get("/ressources/").content.decode()
    assert client.get("/ressources/").content.decode() == first and len(calls) == 1
    assert 'href="?theme=financement"' in first and 'href="?theme=emploi-rh"' not in first
    client.get("/ressources/?theme=financement")  # other filters: other lists
    assert len(calls) == 2
    FicheFactory(title="Embauche", themes=["emploi-rh"])
    assert 'href="?theme=emploi-rh"' in client.get("/ressources/").content.decode()
    assert len(calls) == 3
    theme = Theme.objects.get(slug="financement")  # reference data: the same pages, new labels
    theme.name = "Financements publics"
    theme.save()
    assert 'facet__label">Financements publics<' in client.get("/ressources/").content.decode()


def test_the_event_facets_follow_the_clock(client, event_index, frozen_now):
    EventFactory(slug="tot", start=reunion(2030, 3, 1, 9), end=reunion(2030, 3, 1, 11), format="webinaire")
    EventFactory(
        slug="tard",
        start=reunion(2030, 5, 1, 9),
        end=reunion(2030, 5, 1, 11),
        format="presentiel",
        address="1 rue de Paris, Saint-Denis",
    )
    frozen_now(reunion(2030, 2, 1, 8))
    assert "?format=webinaire" in client.get("/evenements/").content.decode()
    frozen_now(reunion(2030, 4, 1, 8))  # the webinar is over: no longer upcoming, nor counted
    body = client.get("/evenements/").content.decode()
    assert "?format=webinaire" not in body and "?format=presentiel" in body


def test_search_facets_are_never_kept(client, fiche_index):
    FicheFactory(title="Budget prévisionnel", themes=["financement"])
    FicheFactory(title="Contrat de travail", themes=["emploi-rh"])
    assert "theme=financement" in client.get("/recherche/?q=budget").content.decode()
    body = client.get("/recherche/?q=contrat").content.decode()
    assert "theme=emploi-rh" in body and "theme=financement" not in body
