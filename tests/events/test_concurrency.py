"""No overbooking under concurrent requests (PostgreSQL: real row locks, separate connections)."""

import threading

import pytest
from django.db import connection, connections

from events.models import Registration
from events.services import RegistrationData, RegistrationRefused, register
from tests.factories import EventFactory, reunion

pytestmark = [
    # serialized_rollback: the data migrations' rows come back even after another transactional test
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are exercised on PostgreSQL"),
]

ATTEMPTS = 32


def test_thirty_concurrent_registrations_for_ten_seats(frozen_now):
    frozen_now(reunion(2030, 1, 10))
    from events.models import EventIndexPage

    EventIndexPage.objects.get()
    event = EventFactory(capacity=10, max_seats_per_registration=1)
    barrier = threading.Barrier(ATTEMPTS)
    outcomes: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def attempt(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            registration = register(event, RegistrationData(f"Asso {i}", "Contact", f"{i}@asso.re", 1, True))
            with lock:
                outcomes.append(registration.status)
        except RegistrationRefused as refused:
            with lock:
                outcomes.append(f"refused: {refused.message}")
        except BaseException as exc:
            with lock:
                errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert len(outcomes) == ATTEMPTS
    assert outcomes.count("confirmee") == 10
    assert outcomes.count("attente") == ATTEMPTS - 10
    assert Registration.objects.filter(event=event, status="confirmee").count() == 10
    assert Registration.objects.filter(event=event).count() == ATTEMPTS
    assert event.confirmed_seats() == 10
