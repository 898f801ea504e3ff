"""Registration ends on its own confirmation page (post/redirect/get), and pages say what is left."""

import pytest

from events.models import Registration
from events.services import cancel, cancel_token, confirmation_token
from tests.events.test_registration import SECRET, form
from tests.factories import EventFactory, RegistrationFactory, reunion

pytestmark = pytest.mark.django_db

NOW = reunion(2030, 3, 1, 12)


@pytest.fixture(autouse=True)
def _now(frozen_now):
    frozen_now(NOW)


def test_registering_redirects_to_a_confirmation_that_a_refresh_never_repeats(client, event):
    response = client.post("/evenements/atelier/", form())
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/evenements/atelier/inscription/{confirmation_token(registration)}/"
    assert "marie" not in response["Location"] and str(registration.pk) != response["Location"].split("/")[-2]

    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.status_code == 200
    assert "Votre inscription est confirmée" in body
    assert "Les Jardins du Butor" in body and "marie@asso.re" in body
    assert "mardi 12 mars 2030" in body and "09h00 – 11h00" in body
    assert 'href="/evenements/atelier/ical/"' in body  # Ajouter à mon agenda
    assert f"/evenements/atelier/inscription/annuler/{cancel_token(registration)}/" in body
    assert "la veille" in body  # what happens next
    assert SECRET not in body  # the video link is only in emails
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]

    assert client.get(response["Location"]).status_code == 200  # refresh
    again = client.post("/evenements/atelier/", form())  # "back" then the form sent again
    assert again.status_code == 200
    assert "déjà inscrite" in again.content.decode()
    assert Registration.objects.count() == 1


def test_the_waiting_list_shows_the_position_then_the_promotion(client, event):
    RegistrationFactory(event=event, email="a@asso.re", seats=5)
    first = client.post("/evenements/atelier/", form(email="b@asso.re"))
    second = client.post("/evenements/atelier/", form(email="c@asso.re"))
    body = client.get(second["Location"]).content.decode()
    assert "Vous êtes sur la liste d'attente" in body
    assert "2<sup>e</sup> position" in body
    assert "1<sup>re</sup> position" in client.get(first["Location"]).content.decode()

    cancel(Registration.objects.get(email="a@asso.re"))  # both waiting registrations now fit
    assert "Votre inscription est confirmée" in client.get(second["Location"]).content.decode()


def test_a_cancelled_registration_says_so_without_a_cancel_link(client, event):
    response = client.post("/evenements/atelier/", form())
    registration = Registration.objects.get()
    cancel(registration)
    body = client.get(response["Location"]).content.decode()
    assert "Cette inscription est annulée" in body
    assert "inscription/annuler/" not in body


@pytest.mark.parametrize("kind", ["tampered", "cancel-token", "other-event"])
def test_a_bad_confirmation_link_is_a_french_404(client, event, kind):
    registration = RegistrationFactory(event=event)
    token = confirmation_token(registration)
    if kind == "tampered":
        token = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    elif kind == "cancel-token":  # a cancellation token is not a confirmation token
        token = cancel_token(registration)
    else:
        EventFactory(slug="autre")
        response = client.get(f"/evenements/autre/inscription/{token}/")
        assert response.status_code == 404
        return
    response = client.get(f"/evenements/atelier/inscription/{token}/")
    assert response.status_code == 404
    assert "Ce lien de confirmation n&#x27;est pas valide" in response.content.decode()


# --- what the page and cards say first ---------------------------------------------------


@pytest.mark.parametrize(
    ("setup", "taken", "badge"),
    [
        ({"capacity": 10}, 0, "Inscriptions ouvertes"),
        ({"capacity": 10}, 8, "Plus que 2 places"),
        ({"capacity": 10}, 9, "Plus qu&#x27;une place"),
        ({"capacity": 2, "max_seats_per_registration": 2}, 2, "Liste d&#x27;attente"),
        ({"capacity": 2, "max_seats_per_registration": 2, "waitlist_enabled": False}, 2, "Complet"),
        ({"registration_opens_at": reunion(2030, 3, 5, 8)}, 0, "Inscriptions à partir du 5 mars à 08h00"),
        ({"registration_closes_at": reunion(2030, 2, 28, 8)}, 0, "Inscriptions closes"),
    ],
)
def test_event_page_and_its_card_say_the_availability(client, event_index, home_page, setup, taken, badge):
    event = EventFactory(slug="jauge", title="Atelier jauge", **setup)
    if taken:
        RegistrationFactory(event=event, seats=taken)
    page = client.get("/evenements/jauge/").content.decode()
    listing = client.get("/evenements/").content.decode()
    home = client.get("/").content.decode()
    for body in (page, listing, home):
        assert 'class="availability availability--' in body
        assert badge in body
    offers_form = (
        "registration_opens_at" not in setup and "closes_at" not in str(setup) and badge != "Complet"
    )
    assert ('href="#inscription"' in page) is offers_form
    assert "En ligne" in listing  # the place, or "en ligne"


def test_a_past_event_has_no_badge(client, event_index):
    EventFactory(slug="passe", start=reunion(2030, 2, 1, 9), end=reunion(2030, 2, 1, 11), capacity=3)
    listing = client.get("/evenements/?periode=passes").content.decode()
    assert "/evenements/passe/" in listing and "availability--" not in listing
    assert "availability--" not in client.get("/evenements/passe/").content.decode()


def test_card_seats_come_from_the_one_confirmed_seats_count(event_index):
    from events.listing import event_cards

    event = EventFactory(slug="compte", capacity=10)
    RegistrationFactory(event=event, seats=3, email="a@asso.re")
    RegistrationFactory(event=event, seats=2, email="b@asso.re", status=Registration.Status.WAITING)
    RegistrationFactory(event=event, seats=1, email="c@asso.re", status=Registration.Status.CANCELLED)
    (card,) = event_cards([event.pk])
    assert card.confirmed_seats() == event.confirmed_seats() == 3
    assert card.card_availability.label == "Inscriptions ouvertes"
