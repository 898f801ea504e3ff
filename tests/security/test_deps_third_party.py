"""No third-party request from the admin or the public site: no Gravatar (issue 12, point 16)."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.test import Client
from wagtail.models import Site

from tests.core.test_reader_furniture import SHARE_HOSTS
from tests.factories import FicheFactory

pytestmark = pytest.mark.django_db

# Attributes whose URL the browser fetches by itself, without a click.
FETCHED = {"src", "srcset", "poster", "data", "imagesrcset"}
# <link rel> values that make the browser fetch (or connect to) their href.
# Links a person may follow out of the admin: Wagtail's user guide and its "enable JavaScript" note.
# Links a person may follow (never fetched): Wagtail's help, and a fiche's plain share links.
DOCUMENTED_LINKS = {"guide.wagtail.org", "www.enable-javascript.com", *SHARE_HOSTS}
FETCHING_RELS = {
    "stylesheet",
    "icon",
    "preload",
    "modulepreload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "manifest",
}


class Urls(HTMLParser):
    """Every URL the page makes the browser fetch, and every link a person may follow."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        rels = set((dict(attrs).get("rel") or "").lower().split())
        for name, value in attrs:
            if not value:
                continue
            if name in FETCHED:
                urls = (
                    [part.strip().split(" ")[0] for part in value.split(",")] if "srcset" in name else [value]
                )
                self.fetched.extend(urls)
            elif name == "href":
                (self.fetched if tag == "link" and rels & FETCHING_RELS else self.links).append(value)


def off_site(urls: list[str], allowed: set[str]) -> set[str]:
    return {url for url in urls if urlsplit(url).netloc not in allowed}


def urls_of(client: Client, url: str) -> Urls:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = Urls()
    parser.feed(response.content.decode())
    return parser


def test_the_admin_and_the_public_site_fetch_nothing_from_another_site(fiche_index, admin_user):
    fiche = FicheFactory(title="Créer son association", slug="creer-son-association")
    own = {"", "testserver", *Site.objects.values_list("hostname", flat=True)}
    editor = Client()
    editor.force_login(admin_user)
    pages = [(editor, "/admin/"), (editor, "/admin/account/"), (editor, "/admin/users/"), (editor, fiche.url)]
    for client, url in [*pages, (Client(), fiche.url), (Client(), "/")]:
        urls = urls_of(client, url)
        assert off_site(urls.fetched, own) == set(), url
        assert off_site(urls.links, own | DOCUMENTED_LINKS) == set(), url
