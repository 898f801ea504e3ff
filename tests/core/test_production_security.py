"""Production settings: HSTS and HTTPS redirect behind the proxy, each switch set by environment."""

import json

from tests.core.test_settings import PROD_ENV, run

# Runs SecurityMiddleware and our CSP middleware under production settings (no database needed).
PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory
from site_kazasso.security import ContentSecurityPolicyMiddleware

def answer(**meta):
    request = RequestFactory().get("/ressources/", HTTP_HOST="ressources.kazasso.re", **meta)
    response = SecurityMiddleware(ContentSecurityPolicyMiddleware(lambda r: HttpResponse()))(request)
    return {"status": response.status_code, "location": response.get("Location"),
            "hsts": response.get("Strict-Transport-Security"), "csp": response.get("Content-Security-Policy")}

print(json.dumps({
    "https": answer(HTTP_X_FORWARDED_PROTO="https"),
    "http": answer(),
    "axes": [settings.AXES_FAILURE_LIMIT, settings.AXES_COOLOFF_TIME.total_seconds()],
    "ratelimits": settings.KAZASSO_RATELIMITS,
    "proxies": settings.KAZASSO_TRUSTED_PROXIES,
    "page_password": settings.KAZASSO_RATELIMIT_RULES["page_password"],
    "docs": settings.WAGTAILDOCS_MAX_UPLOAD_SIZE,
}))
"""


def probe(**env: str) -> dict:
    result = run(["-c", PROBE], {**PROD_ENV, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_defaults_hsts_one_year_with_subdomains_and_preload_and_https_redirect():
    answers = probe()
    https = answers["https"]
    assert https["status"] == 200
    assert https["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in https["csp"]
    assert answers["http"]["status"] == 301
    assert answers["http"]["location"] == "https://ressources.kazasso.re/ressources/"
    assert answers["axes"] == [5, 900]
    assert answers["ratelimits"] is True
    # No proxy is believed unless listed: the client is the socket address.
    assert answers["proxies"] == []
    assert answers["page_password"] == [5, 900]


def test_every_switch_comes_from_the_environment():
    answers = probe(
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="600",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="0",
        SECURE_HSTS_PRELOAD="0",
        KAZASSO_LOGIN_FAILURE_LIMIT="3",
        KAZASSO_LOGIN_COOLOFF_MINUTES="60",
        KAZASSO_RATELIMITS="0",
        KAZASSO_TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8",
        KAZASSO_DOCUMENT_MAX_MB="20",
    )
    assert answers["https"]["hsts"] == "max-age=600"
    assert answers["http"]["status"] == 200  # nginx redirects to HTTPS itself
    assert answers["axes"] == [3, 3600]
    assert answers["ratelimits"] is False
    assert answers["proxies"] == ["127.0.0.1", "10.0.0.0/8"]
    assert answers["page_password"] == [3, 3600]  # the admin login's values, not a copy
    assert answers["docs"] == 20 * 1024 * 1024


def test_the_former_switch_still_means_the_local_nginx_and_a_typo_stops_the_start():
    assert probe(KAZASSO_TRUST_X_FORWARDED_FOR="1")["proxies"] == ["127.0.0.1", "::1"]
    result = run(["manage.py", "check"], {**PROD_ENV, "KAZASSO_TRUSTED_PROXIES": "127.0.0.1, nginx"})
    assert result.returncode != 0
    assert "KAZASSO_TRUSTED_PROXIES : « nginx »" in result.stderr


def test_check_deploy_stays_clean_when_nginx_does_the_redirect():
    """Switching a protection off on purpose silences its warning, and only that one."""
    env = {**PROD_ENV, "SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_PRELOAD": "0"}
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stderr + result.stdout
    result = run(["manage.py", "check", "--deploy"], {**env, "SECURE_HSTS_SECONDS": "0"})
    assert "security.W004" in result.stderr + result.stdout
