"""What every public page carries (icons, manifest, compact header) and the fiche's print and share bar."""

import json
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from tests.factories import FicheFactory, aware

pytestmark = pytest.mark.django_db

SHARE_HOSTS = {"www.facebook.com", "www.linkedin.com", "x.com", "bsky.app", "wa.me"}


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def fiche(fiche_index):
    title = "Réussir son AG & son budget"
    return FicheFactory(title=title, slug="reussir-ag", published_at=aware(2025, 3, 1))


def static_file(url: str) -> str:
    path = urlsplit(url).path.removeprefix("/static/")
    found = finders.find(path)
    assert found, f"{url} n'existe pas dans les fichiers statiques"
    return found


def test_icons_and_manifest_are_linked_and_shipped(client, fiche):
    """No more 404 for /favicon.ico: every page names its icons, and each named file exists."""
    for path in ("/", fiche.url, "/recherche/?q=budget"):
        head = soup(client.get(path)).head
        icons = {link["type"]: link["href"] for link in head.select("link[rel=icon]")}
        assert set(icons) == {"image/svg+xml", "image/png"}, path
        manifest_url = head.select_one("link[rel=manifest]")["href"]
        for url in [*icons.values(), head.select_one("link[rel=apple-touch-icon]")["href"], manifest_url]:
            static_file(url)
    with open(static_file(manifest_url), encoding="utf-8") as handle:
        manifest = json.load(handle)
    assert manifest["lang"] == "fr" and manifest["start_url"] == "/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    folder = manifest_url.rsplit("/", 1)[0]
    for icon in manifest["icons"]:  # relative to the manifest
        static_file(f"{folder}/{icon['src']}")


def test_header_menu_button_works_without_javascript(client, fiche):
    """The button is hidden until the script reveals it, so the navigation it controls stays usable."""
    header = soup(client.get(fiche.url)).select_one("header.site-header")
    button = header.select_one("button.menu-toggle")
    assert button.has_attr("hidden") and button["aria-expanded"] == "false"
    nav = header.select_one(f"#{button['aria-controls']}")
    assert nav.name == "nav" and not nav.has_attr("hidden")
    links = [a["href"] for a in nav.select("a")]
    assert links == ["/ressources/", "/evenements/", "/structures/", "/recherche/"]
    assert header.select_one("form[role=search] input#header-q[data-suggest]")


def test_search_page_has_one_search_box_and_a_breadcrumb(client, fiche):
    page = soup(client.get("/recherche/", {"q": "budget"}))
    boxes = page.select("input[type=search]")
    assert [box["id"] for box in boxes] == ["search-q"]
    assert len(page.select("form[role=search]")) == 1
    crumbs = page.select("nav.breadcrumb li")
    assert [li.get_text(strip=True) for li in crumbs] == ["Accueil", "Recherche"]
    assert crumbs[-1]["aria-current"] == "page"


def test_fiche_share_links_are_plain_links_to_its_address(client, fiche):
    page = soup(client.get(fiche.url))
    share = page.select_one("section.share")
    assert share.select_one("button[data-print]").has_attr("hidden")  # shown by the script only
    links = {" ".join(a.get_text().split()): a["href"] for a in share.select("a")}
    assert set(links) == {
        "Partager par Courriel",
        "Partager sur Facebook",
        "Partager sur LinkedIn",
        "Partager sur X",
        "Partager sur Bluesky",
        "Partager par WhatsApp",
    }
    address = fiche.full_url
    mail = urlsplit(links["Partager par Courriel"])
    assert mail.scheme == "mailto" and address in parse_qs(mail.query)["body"][0]
    assert parse_qs(mail.query)["subject"] == ["Réussir son AG & son budget"]
    for name, href in links.items():
        if name != "Partager par Courriel":
            parts = urlsplit(href)
            assert parts.scheme == "https" and parts.netloc in SHARE_HOSTS, href
            assert quote(address, safe="") in href, href
    # Nothing on the page is loaded from elsewhere: no script, image, frame or style of a network.
    tags = page.select("script[src], img, iframe, link[rel=stylesheet]")
    loaded = [tag.get("src") or tag.get("href") for tag in tags]
    assert loaded and all(url.startswith("/") for url in loaded), loaded
