"""The registration rules count seats with the page's own `confirmed_seats()`, not a second copy."""

import pytest

from events.models import EventPage, Registration
from events.services import RegistrationData, register
from tests.factories import EventFactory, reunion


@pytest.mark.django_db
def test_register_uses_the_events_seat_count(event_index, frozen_now, monkeypatch):
    frozen_now(reunion(2030, 3, 1, 12))
    event = EventFactory(slug="atelier", capacity=5, waitlist_enabled=True)
    # Whatever the page says is taken is what the service must see as taken.
    monkeypatch.setattr(EventPage, "confirmed_seats", lambda self: 5)
    data = RegistrationData("Les Jardins du Butor", "Marie Payet", "contact@asso.re", 1, True)
    assert register(event, data).status == Registration.Status.WAITING
