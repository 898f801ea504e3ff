"""Issue 12, point 11: page passwords lock like the admin login; password resets are rate limited."""

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.test import Client
from wagtail.models import PageViewRestriction

from tests.factories import FicheFactory

pytestmark = pytest.mark.django_db

RESET = "/admin/password_reset/"


@pytest.fixture
def clock():
    """Time stands still at the start of an hour: the reset windows never straddle two."""
    with time_machine.travel(dt.datetime(2030, 3, 1, 8, 0, tzinfo=dt.UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture
def private_fiche(fiche_index):
    fiche = FicheFactory(title="Fiche réservée aux adhérents", slug="fiche-reservee")
    restriction = PageViewRestriction.objects.create(
        page=fiche, restriction_type=PageViewRestriction.PASSWORD, password="sesame-2030"
    )
    return fiche, f"/_util/authenticate_with_password/{restriction.pk}/{fiche.pk}/"


def submit(client, url, password, address="192.0.2.40"):
    data = {"password": password, "return_url": "/ressources/fiche-reservee/"}
    return client.post(url, data, REMOTE_ADDR=address)


def test_page_password_locks_after_the_admin_login_limit_even_the_right_one(client, private_fiche, clock):
    fiche, url = private_fiche
    limit = settings.AXES_FAILURE_LIMIT
    for _ in range(limit - 1):
        assert submit(client, url, "mauvais").status_code == 200  # the password form again
    locked = submit(client, url, "mauvais")
    assert locked.status_code == 429
    assert locked["Retry-After"] == str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    assert "Trop de mots de passe erronés" in locked.content.decode()
    # The right password is refused while locked, and the page stays closed.
    assert submit(client, url, "sesame-2030").status_code == 429
    closed = client.get(fiche.url, REMOTE_ADDR="192.0.2.40").content.decode()
    assert "Fiche réservée aux adhérents" not in closed
    # The lock is this client's: another address still gets in.
    assert submit(Client(), url, "sesame-2030", address="192.0.2.41").status_code == 302
    # After the admin login's cool-off, the right password works again.
    clock.shift(settings.AXES_COOLOFF_TIME + dt.timedelta(seconds=1))
    assert submit(client, url, "sesame-2030").status_code == 302
    assert "Fiche réservée aux adhérents" in client.get(fiche.url, REMOTE_ADDR="192.0.2.40").content.decode()


@pytest.fixture
def limits(settings):
    settings.KAZASSO_RATELIMITS = True  # the test settings turn the request limits off
    return settings.KAZASSO_RATELIMIT_RULES


def ask_reset(client, email, address):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address)


@pytest.mark.parametrize("email", ["chef@example.org", "personne@example.org"])
def test_reset_mails_to_one_address_are_limited_whoever_asks_and_whether_it_exists(
    client, admin_user, limits, clock, email
):
    per_address, _window = limits["password_reset_email"]
    for n in range(per_address):
        assert ask_reset(client, email, f"198.51.100.{n}").status_code == 302
    sent = len(mail.outbox)
    assert sent == (per_address if email == "chef@example.org" else 0)
    refused = ask_reset(client, email.upper(), "198.51.100.99")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "3600"
    html = refused.content.decode()
    assert "Trop de demandes de réinitialisation" in html and "60 minutes" in html
    assert f'value="{email.upper()}"' in html  # what was typed is kept
    assert len(mail.outbox) == sent  # nothing more sent


def test_reset_requests_are_limited_per_client(client, admin_user, limits, clock):
    per_client, _window = limits["password_reset"]
    for n in range(per_client):
        assert ask_reset(client, f"inconnu{n}@example.org", "203.0.113.50").status_code == 302
    assert ask_reset(client, "chef@example.org", "203.0.113.50").status_code == 429
    assert mail.outbox == []
    # Another client asking for the same account is not blocked by that one.
    assert ask_reset(client, "chef@example.org", "203.0.113.51").status_code == 302
    assert len(mail.outbox) == 1
