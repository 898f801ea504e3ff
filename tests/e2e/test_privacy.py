"""No third party sees a visitor; the footer leads to the four legal pages; a reader asks about their data."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import expect
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from site_kazasso.outbox.models import OutboxEmail
from tests.e2e.public import register
from tests.e2e.seed import E2E, seed_site
from tests.factories import FicheFactory

pytestmark = E2E

# One URL of every public page type.
PUBLIC_PAGES = [
    "/",
    "/ressources/",
    "/ressources/?theme=financement&tagged_with=Subventions",
    "/ressources/demander-subvention-departement/",
    "/ressources/le-webinaire-en-video/",
    "/evenements/",
    "/evenements/?periode=passes",
    "/evenements/webinaire-reussir-assemblee-generale/",
    "/structures/",
    "/structures/crajep-reunion/",
    "/themes/financement/",
    "/tags/",
    "/tags/subventions/",
    "/recherche/?q=subvention",
    "/alertes/",
    "/mentions-legales/",
    "/donnees-personnelles/",
    "/accessibilite/",
    "/plan-du-site/",
]
# Cookies a visitor may get: the form's CSRF token, a form's one-time confirmation, a session.
NEEDED_COOKIES = {"csrftoken", "messages", "sessionid"}
VIDEO_URL = "https://www.youtube.com/watch?v=kazasso0001"


def fiche_with_video() -> None:
    """A fiche embedding a video, its oEmbed answer already cached (no request from the server)."""
    Embed.objects.create(
        hash=get_embed_hash(VIDEO_URL),
        url=VIDEO_URL,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/kazasso0001" title="Webinaire"></iframe>',
        provider_name="YouTube",
    )
    FicheFactory(
        slug="le-webinaire-en-video",
        body=[{"type": "video", "value": {"video": VIDEO_URL, "title": "Le webinaire en vidéo"}}],
    )


def test_no_request_leaves_the_site_and_only_needed_cookies_are_set(desktop_page, base_url):
    seed_site()
    fiche_with_video()
    site = urlparse(base_url).netloc
    elsewhere: list[str] = []

    def watch(request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != site:
            elsewhere.append(request.url)

    desktop_page.on("request", watch)
    for path in PUBLIC_PAGES:
        response = desktop_page.goto(path)
        assert response.status == 200, path
        desktop_page.wait_for_load_state("networkidle")
    desktop_page.goto("/evenements/webinaire-reussir-assemblee-generale/")
    register(desktop_page, "Les Jardins du Butor", "marie@asso.re", 1)  # a form sent, its message shown
    expect(desktop_page.locator(".confirmation")).to_contain_text("Votre inscription est confirmée")

    assert elsewhere == []
    # The video's site is reached only when the reader asks for the player.
    desktop_page.goto("/ressources/le-webinaire-en-video/")
    with desktop_page.expect_request(lambda request: "youtube-nocookie.com" in request.url):
        desktop_page.get_by_role("button", name="Lire la vidéo ici").click()
    cookies = {cookie["name"] for cookie in desktop_page.context.cookies(base_url)}
    assert "csrftoken" in cookies
    assert cookies <= NEEDED_COOKIES


def test_the_footer_leads_to_each_legal_page_and_a_reader_asks_for_their_data(page, shots):
    page.goto("/")
    footer = page.get_by_role("navigation", name="Informations légales")
    for link, heading in [
        ("Mentions légales", "Mentions légales"),
        ("Accessibilité : partiellement conforme", "Déclaration d'accessibilité"),
        ("Plan du site", "Plan du site"),
        ("Données personnelles", "Données personnelles"),
    ]:
        with page.expect_navigation():
            footer.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        shots(page, heading.lower().replace(" ", "-").replace("'", "-"))

    page.get_by_label("Nom et prénom").fill("Marie Payet")
    page.get_by_label("Courriel concerné").fill("marie@asso.re")
    page.get_by_label("Votre demande").select_option(label="Effacement")
    with page.expect_navigation():
        page.get_by_role("button", name="Envoyer ma demande").click()
    expect(page.locator(".flash")).to_contain_text("Votre demande est envoyée à la coordination")
    shots(page, "demande-envoyee")
    assert "marie@asso.re" in OutboxEmail.objects.get().body
