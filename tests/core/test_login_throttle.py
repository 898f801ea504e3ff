"""Admin login: locked for a while after repeated failures for one username from one address."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "motdepasse-solide"


def attempt(client, username="chef", password="mauvais", address="192.0.2.10"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_defaults_five_failures_fifteen_minutes_per_username_and_address():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert dt.timedelta(minutes=15) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_locked_out_after_five_failures_with_a_french_429_page(client, admin_user):
    for _ in range(4):
        response = attempt(client)
        assert response.status_code == 200  # the login form again, with its error
    locked = attempt(client)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Connexion temporairement bloquée" in html
    assert "15 minutes" in html
    # Even the right password is refused while locked, and no session opens.
    again = attempt(client, password=PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_is_for_that_username_from_that_address(client, admin_user, django_user_model):
    django_user_model.objects.create_user("redaction", "r@example.org", PASSWORD)
    for _ in range(5):
        attempt(client)
    assert attempt(client, username="redaction", password=PASSWORD).status_code == 302
    client.logout()
    assert attempt(client, password=PASSWORD, address="192.0.2.99").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, admin_user):
    with time_machine.travel(dt.datetime(2030, 3, 1, 8, 0, tzinfo=dt.UTC), tick=False) as traveller:
        for _ in range(5):
            attempt(client)
        assert attempt(client, password=PASSWORD).status_code == 429
        traveller.shift(dt.timedelta(minutes=16))
        response = attempt(client, password=PASSWORD)
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(admin_user.pk)


def test_a_success_resets_the_failure_count(client, admin_user):
    for _ in range(4):
        attempt(client)
    assert attempt(client, password=PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert attempt(client).status_code == 200
