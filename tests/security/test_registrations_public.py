"""Issue 12, points 9 and 10: the RNA rule takes ASCII digits only; cancellation links expire."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from events.forms import RegistrationForm
from events.models import Registration, rna_validator
from events.services import RegistrationData, RegistrationRefused, cancel, cancel_token, register
from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rna", ["W٩٧٤٠٠١٢٣٤", "W९७४००१२३४"])
def test_rna_takes_ascii_digits_only(event_index, frozen_now, rna):
    frozen_now(reunion(2030, 1, 10))
    with pytest.raises(ValidationError):
        rna_validator(rna)
    event = EventFactory(slug="rna")
    form = RegistrationForm(
        {
            "association_name": "A",
            "rna_number": rna,
            "contact_name": "C",
            "email": "c@asso.re",
            "seats": "1",
            "consent": "on",
        },
        event=event,
    )
    assert not form.is_valid() and "rna_number" in form.errors
    with pytest.raises(RegistrationRefused):
        register(event, RegistrationData("A", "C", "c@asso.re", 1, True, rna))
    rna_validator("W974001234")
    with pytest.raises(ValidationError):
        rna_validator("W974001234\n")  # "$" would let a trailing newline through


def test_cancellation_link_is_refused_once_the_event_has_ended(client, event_index, frozen_now):
    frozen_now(reunion(2030, 1, 10))
    event = EventFactory(slug="fini", capacity=1, max_seats_per_registration=1, waitlist_enabled=True)
    confirmed = register(event, RegistrationData("A", "C", "a@asso.re", 1, True))
    waiting = register(event, RegistrationData("B", "C", "b@asso.re", 1, True))
    url = f"/evenements/fini/inscription/annuler/{cancel_token(confirmed)}/"
    frozen_now(event.end + dt.timedelta(minutes=1))
    mail.outbox.clear()

    for response in (client.get(url), client.post(url)):
        assert response.status_code == 400
        assert "Cet événement est terminé" in response.content.decode()
        assert "Confirmer l" not in response.content.decode()
    with pytest.raises(RegistrationRefused):
        cancel(confirmed)
    assert list(Registration.objects.order_by("pk").values_list("pk", "status")) == [
        (confirmed.pk, "confirmee"),
        (waiting.pk, "attente"),
    ]
    assert mail.outbox == []
    assert event.seats_left() == 0
