"""iCalendar output parsed back with the icalendar library."""

import datetime as dt

import pytest
from icalendar import Calendar

from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db

SECRET = "https://visio.exemple.re/salle-secrete-123"


@pytest.fixture(autouse=True)
def _now(frozen_now):
    frozen_now(reunion(2030, 1, 10))


def parse(response) -> list:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_single_event_has_utc_times_uid_summary_description_location(client, event_index):
    event = EventFactory(
        slug="rencontre",
        title="Rencontre des trésoriers",
        format="presentiel",
        visio_url="",
        address="Salle polyvalente\n97400 Saint-Denis",
        start=reunion(2030, 3, 12, 18, 30),
        end=reunion(2030, 3, 12, 20),
    )
    [vevent] = parse(client.get("/evenements/rencontre/ical/"))
    assert vevent["UID"] == f"evenement-{event.pk}@ressources.kazasso.re"
    assert vevent.decoded("DTSTART") == dt.datetime(2030, 3, 12, 14, 30, tzinfo=dt.UTC)
    assert vevent.decoded("DTEND") == dt.datetime(2030, 3, 12, 16, 0, tzinfo=dt.UTC)
    assert str(vevent["SUMMARY"]) == "Rencontre des trésoriers"
    assert str(vevent["DESCRIPTION"]).endswith("/evenements/rencontre/")
    assert str(vevent["URL"]).endswith("/evenements/rencontre/")
    assert str(vevent["LOCATION"]) == "Salle polyvalente 97400 Saint-Denis"


def test_times_cross_midnight_utc_correctly(client, event_index):
    EventFactory(slug="matinal", start=reunion(2030, 3, 12, 2), end=reunion(2030, 3, 12, 3))
    [vevent] = parse(client.get("/evenements/matinal/ical/"))
    assert vevent.decoded("DTSTART") == dt.datetime(2030, 3, 11, 22, 0, tzinfo=dt.UTC)


def test_uid_is_stable_across_edits(client, event_index):
    event = EventFactory(slug="stable")
    first = parse(client.get("/evenements/stable/ical/"))[0]["UID"]
    event.title = "Nouveau titre"
    event.slug = "stable-renomme"
    event.save_revision().publish()
    second = parse(client.get("/evenements/stable-renomme/ical/"))[0]["UID"]
    assert first == second


def test_webinar_ical_never_carries_the_link(client, event_index):
    EventFactory(slug="webinaire")
    response = client.get("/evenements/webinaire/ical/")
    assert b"salle-secrete" not in response.content
    [vevent] = parse(response)
    assert "En ligne" in str(vevent["LOCATION"])


def test_feed_lists_upcoming_events_and_filters_by_theme(client, event_index):
    EventFactory(
        title="Passé", start=reunion(2029, 1, 1), end=reunion(2029, 1, 1, 12), themes=["financement"]
    )
    EventFactory(title="Finances", start=reunion(2030, 2, 1), themes=["financement"])
    EventFactory(title="Bénévoles", start=reunion(2030, 2, 2), themes=["benevolat-engagement"])
    EventFactory(title="Brouillon", start=reunion(2030, 2, 3), live=False)
    summaries = sorted(str(v["SUMMARY"]) for v in parse(client.get("/evenements/ical/")))
    assert summaries == ["Bénévoles", "Finances"]
    only = [str(v["SUMMARY"]) for v in parse(client.get("/evenements/ical/?theme=financement"))]
    assert only == ["Finances"]
    assert b"salle-secrete" not in client.get("/evenements/ical/").content


@pytest.mark.parametrize("theme", ["inconnu", "a%00b", "x" * 400])
def test_feed_with_unknown_theme_is_404(client, event_index, theme):
    assert client.get(f"/evenements/ical/?theme={theme}").status_code == 404
