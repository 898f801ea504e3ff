"""Registration rules one by one: capacity, waiting list, promotion, duplicates, closed, consent, RNA."""

import base64
import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail

from events import services
from events.models import Registration
from events.services import (
    RegistrationData,
    RegistrationRefused,
    cancel,
    cancel_token,
    confirmation_token,
    register,
)
from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db

NOW = reunion(2030, 3, 1, 12)
SECRET = "https://visio.exemple.re/salle-secrete-123"


@pytest.fixture(autouse=True)
def _now(frozen_now):
    frozen_now(NOW)


def data(email="contact@asso.re", seats=1, **kw) -> RegistrationData:
    values = {
        "association_name": "Les Jardins du Butor",
        "contact_name": "Marie Payet",
        "email": email,
        "seats": seats,
        "consent": True,
        "rna_number": "",
    }
    values.update(kw)
    return RegistrationData(**values)


def form(**overrides) -> dict:
    values = {
        "association_name": "Les Jardins du Butor",
        "rna_number": "W974001234",
        "contact_name": "Marie Payet",
        "email": "marie@asso.re",
        "seats": "2",
        "consent": "on",
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


def statuses(event):
    return list(event.registrations.order_by("created_at", "pk").values_list("status", flat=True))


# --- capacity and waiting list ---------------------------------------------------------


def test_seats_confirmed_until_capacity_then_waiting(event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = register(event, data("a@asso.re", seats=3))
        second = register(event, data("b@asso.re", seats=2))
        third = register(event, data("c@asso.re", seats=1))
    assert (first.status, second.status, third.status) == ("confirmee", "confirmee", "attente")
    assert event.confirmed_seats() == 5
    assert event.registration_state() == "waitlist"


def test_a_registration_that_does_not_fit_waits_even_if_seats_remain(event):
    register(event, data("a@asso.re", seats=3))
    assert register(event, data("b@asso.re", seats=3)).status == "attente"
    assert register(event, data("c@asso.re", seats=2)).status == "confirmee"


def test_unlimited_capacity_always_confirms(event_index):
    event = EventFactory(capacity=None, max_seats_per_registration=10)
    for i in range(20):
        assert register(event, data(f"{i}@asso.re", seats=10)).status == "confirmee"


def test_full_without_waitlist_refuses(event_index):
    event = EventFactory(capacity=2, max_seats_per_registration=2, waitlist_enabled=False)
    register(event, data("a@asso.re", seats=2))
    with pytest.raises(RegistrationRefused, match="complet"):
        register(event, data("b@asso.re"))
    assert event.registrations.count() == 1


def test_too_many_seats_for_what_is_left_without_waitlist(event_index):
    event = EventFactory(capacity=3, waitlist_enabled=False)
    register(event, data("a@asso.re", seats=2))
    with pytest.raises(RegistrationRefused, match="Il ne reste que 1 place"):
        register(event, data("b@asso.re", seats=2))


# --- cancellation and promotion --------------------------------------------------------


def test_cancel_frees_seats_and_promotes_in_order(event, django_capture_on_commit_callbacks):
    a = register(event, data("a@asso.re", seats=3))
    register(event, data("b@asso.re", seats=2))
    c = register(event, data("c@asso.re", seats=3))  # waits
    d = register(event, data("d@asso.re", seats=1))  # waits
    e = register(event, data("e@asso.re", seats=2))  # waits
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel(a)
    assert [r.email for r in promoted] == ["c@asso.re"]
    assert statuses(event) == ["annulee", "confirmee", "confirmee", "attente", "attente"]
    assert event.confirmed_seats() == 5
    assert [m.to for m in mail.outbox] == [["a@asso.re"], ["c@asso.re"]]
    assert "une place s'est libérée" in mail.outbox[1].body.lower()
    assert SECRET in mail.outbox[1].body
    # Cancelling c frees 3 seats: d (1) then e (2) fit, in that order.
    with django_capture_on_commit_callbacks(execute=True):
        promoted = cancel(c)
    assert [r.email for r in promoted] == [d.email, e.email]


def test_larger_waiting_registration_is_skipped_not_blocking(event):
    a = register(event, data("a@asso.re", seats=3))
    register(event, data("b@asso.re", seats=2))
    register(event, data("big@asso.re", seats=3))
    register(event, data("small@asso.re", seats=1))
    b = Registration.objects.get(email="b@asso.re")
    promoted = cancel(b)
    assert [r.email for r in promoted] == ["small@asso.re"]
    assert Registration.objects.get(email="big@asso.re").status == "attente"
    assert a.status == "confirmee"


def test_cancelling_twice_changes_nothing(event):
    a = register(event, data("a@asso.re"))
    cancel(a)
    assert cancel(a) == []
    assert Registration.objects.get(pk=a.pk).status == "annulee"


# --- duplicates, consent, RNA, closed --------------------------------------------------


def test_same_email_twice_is_refused_case_insensitively(event):
    register(event, data("Marie@Asso.re"))
    with pytest.raises(RegistrationRefused, match="déjà inscrite"):
        register(event, data("marie@asso.RE"))
    assert event.registrations.count() == 1


def test_same_email_may_register_again_after_cancelling(event):
    first = register(event, data("a@asso.re"))
    cancel(first)
    assert register(event, data("a@asso.re")).status == "confirmee"


def test_same_email_on_two_events_is_fine(event, event_index):
    other = EventFactory()
    register(event, data("a@asso.re"))
    register(other, data("a@asso.re"))


def test_consent_is_required_by_the_service(event):
    with pytest.raises(RegistrationRefused):
        register(event, data(consent=False))


@pytest.mark.parametrize(
    ("state_setup", "message"),
    [
        ({"registration_enabled": False}, "ne se font pas sur ce site"),
        ({"registration_opens_at": reunion(2030, 3, 2)}, "pas encore ouvertes"),
        ({"registration_closes_at": reunion(2030, 3, 1, 11)}, "sont closes"),
        ({"start": reunion(2030, 2, 1), "end": reunion(2030, 2, 1, 11)}, "déjà commencé ou est terminé"),
        ({"start": reunion(2030, 3, 1, 11), "end": reunion(2030, 3, 1, 15)}, "déjà commencé ou est terminé"),
    ],
)
def test_closed_events_refuse_a_post_with_a_message(client, event_index, state_setup, message):
    EventFactory(slug="ferme", **state_setup)
    response = client.post("/evenements/ferme/", form())
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Registration.objects.exists()


def test_full_event_without_waitlist_refuses_a_post(client, event_index):
    event = EventFactory(slug="complet", capacity=1, max_seats_per_registration=1, waitlist_enabled=False)
    register(event, data("a@asso.re"))
    response = client.post("/evenements/complet/", form(seats="1"))
    assert response.status_code == 400
    assert "complet et n&#x27;a pas de liste d&#x27;attente" in response.content.decode()
    assert event.registrations.count() == 1


# --- the public form -------------------------------------------------------------------


def test_form_registration_confirms_and_emails_the_link(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/evenements/atelier/", form())
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert response["Location"] == f"/evenements/atelier/inscription/{confirmation_token(registration)}/"
    assert (registration.seats, registration.status, registration.rna_number) == (
        2,
        "confirmee",
        "W974001234",
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["marie@asso.re"]
    assert message.subject.startswith("Inscription confirmée")
    assert SECRET in message.body
    assert "mardi 12 mars 2030, de 09h00 à 11h00" in message.body
    assert "/evenements/atelier/inscription/annuler/" in message.body
    assert "/evenements/atelier/ical/" in message.body
    assert "&#x27;" not in message.body  # plain text, not HTML-escaped
    page = client.get(response["Location"])
    assert "Votre inscription est confirmée" in page.content.decode()
    assert SECRET not in page.content.decode()


def test_in_person_confirmation_carries_the_address(client, event_index, django_capture_on_commit_callbacks):
    EventFactory(
        slug="rencontre", format="presentiel", address="12 rue des Lilas, Saint-Benoît", visio_url=""
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/evenements/rencontre/", form())
    assert "Adresse : 12 rue des Lilas, Saint-Benoît" in mail.outbox[0].body
    assert "Lien de connexion" not in mail.outbox[0].body


def test_waiting_list_is_announced(client, event, django_capture_on_commit_callbacks):
    register(event, data("a@asso.re", seats=3))
    register(event, data("b@asso.re", seats=2))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/evenements/atelier/", form(), follow=True)
    assert (
        "liste d&#x27;attente" in response.content.decode() or "liste d'attente" in response.content.decode()
    )
    assert Registration.objects.get(email="marie@asso.re").status == "attente"
    assert mail.outbox[0].subject.startswith("Liste d'attente")
    assert SECRET not in mail.outbox[0].body  # no link until a seat is confirmed


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"consent": None}, "consent"),
        ({"rna_number": "974001234"}, "rna_number"),
        ({"rna_number": "W97400123"}, "rna_number"),
        ({"rna_number": "W9740012345"}, "rna_number"),
        ({"rna_number": "X974001234"}, "rna_number"),
        ({"email": "pas-une-adresse"}, "email"),
        ({"seats": "0"}, "seats"),
        ({"seats": "4"}, "seats"),
        ({"seats": "deux"}, "seats"),
        ({"association_name": ""}, "association_name"),
        ({"contact_name": "a\x00b"}, "contact_name"),
    ],
)
def test_form_errors_are_french_and_keep_the_input(client, event, overrides, field):
    response = client.post("/evenements/atelier/", form(**overrides))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert "Le formulaire contient" in html
    assert 'value="Les Jardins du Butor"' in html or field == "association_name"
    assert not Registration.objects.exists()


def test_rna_message_is_explicit(client, event):
    response = client.post("/evenements/atelier/", form(rna_number="123"))
    assert response.context["form"].errors["rna_number"] == [
        "Le numéro RNA commence par W suivi de 9 chiffres (ex. : W974001234)."
    ]


def test_rna_accepts_lowercase_and_spaces(client, event):
    client.post("/evenements/atelier/", form(rna_number="w 974 001 234"))
    assert Registration.objects.get().rna_number == "W974001234"


def test_duplicate_through_the_form_gives_a_clear_message(client, event):
    client.post("/evenements/atelier/", form())
    response = client.post("/evenements/atelier/", form(email="MARIE@asso.re"))
    assert response.status_code == 200
    assert "déjà inscrite" in " ".join(response.context["form"].errors["email"])
    assert Registration.objects.count() == 1


def test_seats_maximum_is_shown(client, event):
    soup = BeautifulSoup(client.get("/evenements/atelier/").content, "html.parser")
    seats = soup.select_one("input[name=seats]")
    assert (seats["min"], seats["max"]) == ("1", "3")
    assert "5 places disponibles sur 5" in soup.get_text()
    for field in soup.select("form.form input:not([type=hidden])"):
        assert soup.select_one(f"label[for={field['id']}]") is not None


# --- signed cancellation link ----------------------------------------------------------


def cancel_url_from(body: str) -> str:
    return re.search(r"http://[^/\s]+(/evenements/[^\s]+/inscription/annuler/[^\s]+/)", body).group(1)


def test_cancellation_link_from_the_email(client, event, django_capture_on_commit_callbacks):
    register(event, data("a@asso.re", seats=3))
    register(event, data("b@asso.re", seats=2))
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/evenements/atelier/", form(seats="2"))  # waits
    mail.outbox.clear()
    a = Registration.objects.get(email="a@asso.re")
    url = f"/evenements/atelier/inscription/annuler/{cancel_token(a)}/"
    page = client.get(url)
    assert page.status_code == 200
    assert (
        "Confirmer l&#x27;annulation" in page.content.decode()
        or "Confirmer l'annulation" in page.content.decode()
    )
    assert Registration.objects.get(pk=a.pk).status == "confirmee"  # GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302
    assert Registration.objects.get(pk=a.pk).status == "annulee"
    assert Registration.objects.get(email="marie@asso.re").status == "confirmee"
    assert sorted(m.to[0] for m in mail.outbox) == ["a@asso.re", "marie@asso.re"]


def test_link_in_email_is_the_one_that_works(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/evenements/atelier/", form())
    url = cancel_url_from(mail.outbox[0].body)
    assert client.post(url).status_code == 302
    assert Registration.objects.get().status == "annulee"


@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-1] + ("A" if t[-1] != "A" else "B"), lambda t: "x" + t, lambda t: "abc"]
)
def test_tampered_token_is_refused(client, event, mangle):
    registration = register(event, data("a@asso.re"))
    url = f"/evenements/atelier/inscription/annuler/{mangle(cancel_token(registration))}/"
    assert client.get(url).status_code == 400
    response = client.post(url)
    assert response.status_code == 400
    assert (
        "n&#x27;est pas valide" in response.content.decode()
        or "n'est pas valide" in response.content.decode()
    )
    assert Registration.objects.get().status == "confirmee"


def test_token_of_another_event_is_refused(client, event, event_index):
    other = EventFactory(slug="autre")
    registration = register(other, data("a@asso.re"))
    response = client.post(f"/evenements/atelier/inscription/annuler/{cancel_token(registration)}/")
    assert response.status_code == 400
    assert Registration.objects.get().status == "confirmee"


def test_token_for_a_forged_payload_is_refused(client, event):
    from django.core import signing

    registration = register(event, data("a@asso.re"))
    forged = (
        base64.urlsafe_b64encode(signing.dumps(registration.pk, salt="autre").encode()).decode().rstrip("=")
    )
    assert client.post(f"/evenements/atelier/inscription/annuler/{forged}/").status_code == 400
    assert services.registration_from_token(event, forged) is None


def test_service_validates_the_rna_number_too(event):
    with pytest.raises(RegistrationRefused, match="W suivi de 9 chiffres"):
        register(event, data(rna_number="123"))
    assert not Registration.objects.exists()
