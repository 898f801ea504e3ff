"""Issue 12, point 12: X-Forwarded-For is believed only from the proxies the deployment lists."""

import runpy
from pathlib import Path

import pytest
from django.test import RequestFactory

from site_kazasso.ratelimit import client_ip

pytestmark = pytest.mark.django_db

GUNICORN_CONF = Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"
PASSWORD = "motdepasse-solide"


def login(client, password="mauvais", **meta):
    return client.post("/admin/login/", {"username": "chef", "password": password}, **meta)


def test_rotating_forwarded_for_sent_straight_to_gunicorn_does_not_escape_the_lockout(
    client, admin_user, settings
):
    # Production before the fix trusted the last hop from anyone; now only the local nginx is listed.
    settings.KAZASSO_TRUST_X_FORWARDED_FOR = True
    settings.KAZASSO_TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    answers = [
        login(client, REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(20)
    ]
    assert answers[: settings.AXES_FAILURE_LIMIT - 1] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    assert set(answers[settings.AXES_FAILURE_LIMIT - 1 :]) == {429}
    right = login(client, PASSWORD, REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR="203.0.113.250")
    assert right.status_code == 429


def test_behind_a_listed_proxy_each_forwarded_client_has_its_own_lockout(client, admin_user, settings):
    settings.KAZASSO_TRUSTED_PROXIES = ["127.0.0.1"]
    for n in range(settings.AXES_FAILURE_LIMIT):
        # Whatever the client puts on the left is ignored: nginx appends the address it saw.
        login(client, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.6.6.{n}, 203.0.113.5")
    locked = login(client, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert locked.status_code == 429
    other = login(client, PASSWORD, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.6")
    assert other.status_code == 302


def test_the_client_is_the_right_most_address_that_is_not_a_listed_proxy(settings):
    settings.KAZASSO_TRUSTED_PROXIES = ["10.0.0.0/8", "127.0.0.1"]  # a CDN range, then the local nginx

    def ip(remote, forwarded):
        return client_ip(RequestFactory().get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded))

    assert ip("127.0.0.1", "6.6.6.6, 203.0.113.7, 10.1.2.3") == "203.0.113.7"
    assert ip("10.9.9.9", "203.0.113.8") == "203.0.113.8"
    assert ip("198.51.100.1", "203.0.113.9") == "198.51.100.1"  # not a proxy: its header is ignored
    assert ip("127.0.0.1", "10.1.1.1, 127.0.0.1") == "10.1.1.1"  # only proxies: the farthest one
    assert ip("127.0.0.1", "<script>, 10.1.1.1") == "10.1.1.1"  # garbage: the last known proxy
    assert ip("::ffff:127.0.0.1", "203.0.113.10") == "203.0.113.10"  # IPv4 seen through IPv6


def test_gunicorn_believes_the_same_proxies_and_never_everyone(monkeypatch):
    monkeypatch.delenv("GUNICORN_FORWARDED_ALLOW_IPS", raising=False)
    monkeypatch.delenv("KAZASSO_TRUSTED_PROXIES", raising=False)
    assert runpy.run_path(str(GUNICORN_CONF))["forwarded_allow_ips"] == "127.0.0.1"
    monkeypatch.setenv("KAZASSO_TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8")
    assert runpy.run_path(str(GUNICORN_CONF))["forwarded_allow_ips"] == "127.0.0.1,10.0.0.0/8"
    monkeypatch.setenv("GUNICORN_FORWARDED_ALLOW_IPS", "*")
    with pytest.raises(SystemExit, match="GUNICORN_FORWARDED_ALLOW_IPS"):
        runpy.run_path(str(GUNICORN_CONF))
