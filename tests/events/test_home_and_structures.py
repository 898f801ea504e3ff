"""The home page shows the next events; structure pages show the events they organise."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Structure
from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(event_index, frozen_now):
    frozen_now(reunion(2030, 5, 1))
    EventFactory(title="Passé", start=reunion(2030, 4, 1), end=reunion(2030, 4, 1, 11))
    for day, title in [(20, "Troisième"), (5, "Premier"), (12, "Deuxième"), (28, "Quatrième")]:
        EventFactory(title=title, start=reunion(2030, 5, day), organisers=["udaf-reunion"])
    EventFactory(title="Brouillon", start=reunion(2030, 5, 2), live=False)


def test_home_lists_the_next_three_events(client, agenda, home_page):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    links = soup.select("section[aria-labelledby=events-title] .card__title a")
    titles = [a.get_text(strip=True) for a in links]
    assert titles == ["Premier", "Deuxième", "Troisième"]


def test_structure_page_lists_its_upcoming_and_past_events(client, agenda):
    soup = BeautifulSoup(client.get("/structures/udaf-reunion/").content, "html.parser")
    titles = [a.get_text(strip=True) for a in soup.select(".event-card .card__title a")]
    assert titles == ["Premier", "Deuxième", "Troisième", "Quatrième"]
    crajep = BeautifulSoup(client.get("/structures/crajep-reunion/").content, "html.parser")
    assert "Passé" in [a.get_text(strip=True) for a in crajep.select(".event-card .card__title a")]
    assert Structure.objects.get(slug="udaf-reunion").events.count() == 4


@pytest.mark.parametrize("url", ["/evenements/", "/evenements/?periode=passes", "/", "/evenements/ical/"])
def test_event_listing_query_count_is_flat(client, event_index, frozen_now, url):
    frozen_now(reunion(2030, 5, 1))

    def add(n, offset):
        for i in range(n):
            EventFactory(
                start=reunion(2030 + (i % 2) * -1, 6, 1 + (i + offset) % 28),
                themes=["financement", "emploi-rh"],
                organisers=["udaf-reunion", "cros-reunion"],
                tags=[f"Sujet {i % 4}"],
            )

    add(5, 0)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    add(25, 5)
    client.get(url)  # the first request after a change rebuilds the catalogue (tests/core/test_catalogue.py)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many)
