"""Every public page type carries the security headers and a CSP its HTML respects."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from tests.factories import EventFactory, FicheFactory, reunion

pytestmark = pytest.mark.django_db

VIDEO_URL = "https://www.youtube.com/watch?v=kazasso0001"
VIDEO_HTML = (
    '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/kazasso0001" '
    'title="Webinaire" allowfullscreen></iframe>'
)


@pytest.fixture
def content(frozen_now):
    """A fiche with a tag and an embedded video (its oEmbed answer already cached), an event."""
    frozen_now(reunion(2030, 3, 1, 12))
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL), url=VIDEO_URL, type="video", html=VIDEO_HTML, provider_name="YouTube"
    )
    fiche = FicheFactory(
        slug="fiche-securite",
        tags=["Bénévolat"],
        body=[{"type": "video", "value": {"video": VIDEO_URL, "title": "Le webinaire en vidéo"}}],
    )
    event = EventFactory(slug="atelier-securite", capacity=10)
    return fiche, event


PUBLIC_PAGES = [
    "/",
    "/ressources/",
    "/ressources/fiche-securite/",
    "/evenements/",
    "/evenements/atelier-securite/",
    "/structures/",
    "/structures/crajep-reunion/",
    "/recherche/?q=association",
    "/tags/",
    "/tags/benevolat/",
    "/themes/financement/",
    "/page-qui-n-existe-pas/",
]


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_no_inline_code(html: bytes) -> None:
    """No inline script, event handler, style attribute or <style>: what the CSP would block."""
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert script.get("src") or script.get("type") == "application/json", str(script)[:200]
    assert not soup.find_all("style")
    for tag in soup.find_all(True):
        assert "style" not in tag.attrs, str(tag)[:200]
        handlers = [name for name in tag.attrs if name.lower().startswith("on")]
        assert not handlers, str(tag)[:200]
        assert not str(tag.get("href", "")).lower().startswith("javascript:"), str(tag)[:200]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_carry_the_security_headers_and_no_inline_code(client, content, url):
    response = client.get(url)
    assert response.status_code == (404 if "n-existe-pas" in url else 200)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert_no_inline_code(response.content)


def test_embedded_videos_come_from_a_host_the_policy_allows(client, content):
    response = client.get("/ressources/fiche-securite/")
    frames = BeautifulSoup(response.content, "html.parser").find_all("iframe")
    assert frames, "the fiche shows its video"
    allowed = csp_directives(response["Content-Security-Policy"])["frame-src"]
    for frame in frames:
        parts = urlsplit(frame["src"])
        assert f"{parts.scheme}://{parts.netloc}" in allowed


@pytest.mark.parametrize(
    "url",
    [
        "/recherche/suggestions/?q=fiche",
        "/flux/ressources/",
        "/evenements/atelier-securite/ical/",
        "/robots.txt",
    ],
)
def test_search_suggestions_and_feeds_carry_the_headers_too(client, content, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Content-Security-Policy" in response


def test_admin_keeps_its_inline_scripts_without_a_csp_but_keeps_frame_protection(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "Content-Security-Policy" not in response
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    login = client.get("/django-admin/login/")
    assert "Content-Security-Policy" not in login


def test_signed_in_editors_get_the_userbar_under_a_policy_still_free_of_inline_scripts(
    client, content, admin_user
):
    """The userbar loads its scripts from our origin; its checker needs eval and inline styles."""
    client.force_login(admin_user)
    response = client.get("/ressources/fiche-securite/")
    html = response.content.decode()
    assert "wagtail-userbar" in html
    soup = BeautifulSoup(html, "html.parser")
    for script in soup.find_all("script"):
        assert script.get("src") or script.get("type") == "application/json", str(script)[:200]
        if script.get("src"):
            assert script["src"].startswith(("/", "//testserver/")), script["src"]
    csp = csp_directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'", "'unsafe-eval'"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert csp["style-src"] == ["'self'", "'unsafe-inline'"]


def test_anonymous_pages_do_not_vary_on_cookies_because_of_the_policy(client, content):
    """The CSP middleware does not open the session of a visitor who has none (cacheable pages).

    Two things ensure it: the middleware sits outside SessionMiddleware, and it only looks at the
    user when a session cookie came in; this fails if both go.
    """
    response = client.get("/robots.txt")  # a response that itself never looks at the user
    assert "Content-Security-Policy" in response
    assert "Cookie" not in response.get("Vary", "")
