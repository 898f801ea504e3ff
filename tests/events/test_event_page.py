"""An event page: validation of its fields, what it shows, and what it never shows."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError

from events.models import EventPage
from members.models import Structure
from tests.factories import EventFactory, RegistrationFactory, reunion

pytestmark = pytest.mark.django_db

SECRET = "https://visio.exemple.re/salle-secrete-123"


def make_page(**overrides) -> EventPage:
    values = {
        "title": "Essai",
        "slug": "essai",
        "chapo": "Résumé.",
        "start": reunion(2030, 3, 12, 9),
        "end": reunion(2030, 3, 12, 11),
        "format": "webinaire",
        "visio_url": SECRET,
        "structure": Structure.objects.get(slug="crajep-reunion"),
    }
    values.update(overrides)
    return EventPage(**values)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"end": reunion(2030, 3, 12, 8)}, "end", "La fin doit être postérieure au début."),
        ({"end": reunion(2030, 3, 12, 9)}, "end", "La fin doit être postérieure au début."),
        ({"format": "presentiel", "visio_url": ""}, "address", "Indiquez l'adresse"),
        (
            {"format": "hybride", "address": "Saint-Denis", "visio_url": ""},
            "visio_url",
            "lien de visioconférence",
        ),
        ({"format": "hybride", "address": "  "}, "address", "Indiquez l'adresse"),
        ({"visio_url": ""}, "visio_url", "lien de visioconférence"),
        ({"slug": "ical"}, "slug", "réservé"),
        (
            {"registration_opens_at": reunion(2030, 3, 1), "registration_closes_at": reunion(2030, 2, 1)},
            "registration_closes_at",
            "doit suivre leur ouverture",
        ),
        ({"registration_closes_at": reunion(2030, 3, 13)}, "registration_closes_at", "après la fin"),
    ],
)
def test_clean_refuses_inconsistent_fields(event_index, overrides, field, message):
    page = make_page(**overrides)
    with pytest.raises(ValidationError) as excinfo:
        page.clean()
    assert field in excinfo.value.message_dict
    assert message in " ".join(excinfo.value.message_dict[field])


def test_consistent_page_is_valid(event_index):
    make_page().clean()
    make_page(format="presentiel", address="Saint-Benoît", visio_url="").clean()
    make_page(format="hybride", address="Saint-Benoît").clean()


@pytest.fixture
def webinar(event_index):
    return EventFactory(
        title="Le chômage partiel pour les associations",
        slug="chomage-partiel",
        start=reunion(2030, 4, 16, 9, 30),
        end=reunion(2030, 4, 16, 11),
        organisers=["ligue-enseignement-reunion"],
        themes=["emploi-rh", "crise-resilience"],
        tags=["Chômage partiel", "Covid-19"],
        audience="Associations employeuses",
        speakers=[
            {
                "name": "Nadia R.",
                "role": "Juriste",
                "structure": Structure.objects.get(slug="crajep-reunion"),
            },
            {"name": "Paul T.", "role": "Expert-comptable", "organisation": "Cabinet conseil"},
        ],
    )


def test_event_page_shows_date_in_reunion_time_speakers_organisers(client, webinar, frozen_now):
    frozen_now(reunion(2030, 4, 1))
    response = client.get("/evenements/chomage-partiel/")
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "mardi 16 avril 2030" in text
    assert "09h30 – 11h00" in text
    assert "Nadia R." in text and "Paul T." in text and "Cabinet conseil" in text
    assert "Ligue de l'Enseignement" in text and "CRAJEP Réunion" in text
    assert "Associations employeuses" in text
    soup = BeautifulSoup(response.content, "html.parser")
    assert (
        soup.select_one("a[href='/evenements/chomage-partiel/ical/']")
        .get_text(strip=True)
        .startswith("Ajouter à mon agenda")
    )
    hrefs = {a["href"] for a in soup.select("a")}
    assert "/evenements/?theme=emploi-rh" in hrefs
    assert "/evenements/?tagged_with=Ch%C3%B4mage%20partiel" in hrefs
    assert "/evenements/?format=webinaire" in hrefs


@pytest.mark.parametrize(
    "url",
    [
        "/evenements/chomage-partiel/",
        "/evenements/",
        "/evenements/chomage-partiel/ical/",
        "/evenements/ical/",
        "/",
        "/structures/crajep-reunion/",
        "/recherche/?q=chomage",
    ],
)
def test_visio_link_appears_in_no_public_output(client, webinar, frozen_now, url):
    frozen_now(reunion(2030, 4, 1))
    response = client.get(url)
    assert response.status_code == 200
    assert SECRET.encode() not in response.content
    assert b"salle-secrete" not in response.content


def test_past_event_shows_replay_and_attendance(client, webinar, frozen_now):
    webinar.replay_url = "https://videos.exemple.re/replay-chomage"
    webinar.attendance_count = 150  # ignored: registrations are on the site, the marks count
    webinar.save_revision().publish()
    for email in ("a@asso.re", "b@asso.re"):
        RegistrationFactory(event=webinar, email=email, attended=True)
    RegistrationFactory(event=webinar, email="c@asso.re")
    frozen_now(reunion(2030, 4, 17))
    response = client.get("/evenements/chomage-partiel/")
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "2 participants ont suivi cet événement" in text
    assert "150" not in text
    assert b'href="https://videos.exemple.re/replay-chomage"' in response.content
    assert "Cet événement a déjà commencé ou est terminé" in text
    assert response.context["form"] is None


def test_unpublished_event_is_404(client, event_index):
    EventFactory(slug="cache", live=False)
    assert client.get("/evenements/cache/").status_code == 404


def test_event_times_are_stored_in_utc(event_index):
    event = EventFactory(start=reunion(2030, 1, 1, 2), end=reunion(2030, 1, 1, 3))
    event.refresh_from_db()
    assert event.start == dt.datetime(2029, 12, 31, 22, 0, tzinfo=dt.UTC)


def test_registration_must_open_before_start_and_seats_fit_capacity(event_index):
    with pytest.raises(ValidationError) as excinfo:
        make_page(
            registration_opens_at=reunion(2030, 3, 12, 10), capacity=5, max_seats_per_registration=6
        ).clean()
    assert set(excinfo.value.message_dict) == {"registration_opens_at", "max_seats_per_registration"}
