import pytest

from tests.factories import EventFactory


@pytest.fixture
def event(event_index):
    """/evenements/atelier/: five seats, three at most per registration (a module may define its own)."""
    return EventFactory(slug="atelier", capacity=5, max_seats_per_registration=3)
