"""Per-client rate limits: registration POSTs and search, 429 in French with Retry-After."""

import datetime as dt

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import RequestFactory

from events.models import Registration
from site_kazasso.ratelimit import client_ip
from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    """Rate limits on (the test settings turn them off), with small numbers."""
    settings.KAZASSO_RATELIMITS = True
    settings.KAZASSO_RATELIMIT_RULES = {"registration": (2, 600), "search": (3, 60), "suggestions": (4, 60)}
    return settings


@pytest.fixture(autouse=True)
def clock():
    """Time stands still at the start of a window: counts never straddle two windows."""
    with time_machine.travel(dt.datetime(2030, 3, 1, 8, 0, tzinfo=dt.UTC), tick=False) as traveller:
        yield traveller


@pytest.fixture
def event(event_index, frozen_now):
    frozen_now(reunion(2030, 3, 1, 12))
    return EventFactory(slug="atelier-limite", capacity=50, max_seats_per_registration=3)


def registration(email: str, **overrides) -> dict:
    values = {
        "association_name": "Les Jardins du Butor",
        "rna_number": "W974001234",
        "contact_name": "Marie Payet",
        "email": email,
        "seats": "2",
        "consent": "on",
    }
    return {**values, **overrides}


def past_the_limit(client, url: str, data: dict | None = None, *, allowed: int, **extra):
    """Make the `allowed` requests, each answered, then return the next one: refused with a 429."""
    for _ in range(allowed):
        assert client.get(url, data, **extra).status_code == 200
    response = client.get(url, data, **extra)
    assert response.status_code == 429
    return response


def test_search_answers_429_in_french_past_the_limit(client, limits):
    response = past_the_limit(client, "/recherche/", {"q": "budget"}, allowed=3)
    assert response["Retry-After"] == "60"
    html = response.content.decode()
    assert "Trop de demandes" in html
    assert "réessayer dans" in html
    assert "Content-Security-Policy" in response


def test_the_limit_is_per_client_address(client, limits):
    for _ in range(4):
        client.get("/recherche/", {"q": "budget"}, REMOTE_ADDR="192.0.2.1")
    assert client.get("/recherche/", REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.get("/recherche/", REMOTE_ADDR="192.0.2.2").status_code == 200


def test_the_window_ends_and_the_client_may_search_again(client, limits, clock):
    clock.shift(dt.timedelta(seconds=5))
    response = past_the_limit(client, "/recherche/", allowed=3)
    assert response["Retry-After"] == "55"
    clock.shift(dt.timedelta(seconds=55))
    assert client.get("/recherche/").status_code == 200


def test_suggestions_answer_json_429(client, limits):
    response = past_the_limit(client, "/recherche/suggestions/", {"q": "bu"}, allowed=4)
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"] == []
    assert response.json()["error"].startswith("Trop de demandes")
    assert response["Retry-After"] == "60"


def test_switched_off_by_the_setting(client, limits):
    limits.KAZASSO_RATELIMITS = False
    for _ in range(10):
        assert client.get("/recherche/").status_code == 200


def test_registration_over_the_limit_keeps_what_the_person_typed(client, limits, event):
    url = "/evenements/atelier-limite/"
    assert client.post(url, registration("un@asso.re")).status_code == 302
    assert client.post(url, registration("deux@asso.re", consent="")).status_code == 200  # form error
    response = client.post(url, registration("trois@asso.re", association_name="Kaz Marmaille"))
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    soup = BeautifulSoup(response.content, "html.parser")
    errors = soup.select_one(".form__errors").get_text()
    assert "Trop d'inscriptions" in errors and "10 minutes" in errors
    assert soup.find("input", {"name": "association_name"})["value"] == "Kaz Marmaille"
    assert soup.find("input", {"name": "email"})["value"] == "trois@asso.re"
    assert list(Registration.objects.values_list("email", flat=True)) == ["un@asso.re"]
    # Reading the page is not limited.
    assert client.get(url).status_code == 200


def test_registration_limit_does_not_touch_other_clients(client, limits, event):
    url = "/evenements/atelier-limite/"
    for n in range(3):
        client.post(url, registration(f"{n}@asso.re"), REMOTE_ADDR="198.51.100.7")
    response = client.post(url, registration("autre@asso.re"), REMOTE_ADDR="198.51.100.8")
    assert response.status_code == 302
    assert Registration.objects.filter(email="autre@asso.re").exists()


def test_client_address_ignores_x_forwarded_for_unless_trusted(settings):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    settings.KAZASSO_TRUSTED_PROXIES = []
    assert client_ip(request) == "127.0.0.1"
    settings.KAZASSO_TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    # The last hop is the address nginx saw; earlier ones are whatever the client sent.
    assert client_ip(request) == "203.0.113.9"
    bare = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1")
    assert client_ip(bare) == "127.0.0.1"
    # Whatever is not an address is ignored (django-axes stores it in an inet column).
    junk = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="<script>")
    assert client_ip(junk) == "127.0.0.1"
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR="")) is None


def test_behind_the_proxy_each_visitor_has_its_own_counter(client, limits):
    limits.KAZASSO_TRUSTED_PROXIES = ["127.0.0.1"]
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    past_the_limit(client, "/recherche/", allowed=3, HTTP_X_FORWARDED_FOR="203.0.113.1", **proxy)
    # Forging a first hop does not escape the counter of the real address.
    forged = client.get("/recherche/", HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.1", **proxy)
    assert forged.status_code == 429
    assert client.get("/recherche/", HTTP_X_FORWARDED_FOR="203.0.113.2", **proxy).status_code == 200
