"""RSS/Atom feeds under /flux/, /sitemap.xml and /robots.txt, parsed back as a reader would."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET  # noqa: S405 – parses our own output only

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from events.models import EventPage
from tests.factories import EventFactory, FicheFactory, aware, reunion

pytestmark = pytest.mark.django_db

SITE_NAME = "Kaz Asso Ressources – "
SERVER = "http://testserver"
VISIO = "https://visio.exemple.re/salle-secrete-123"

FEEDS = [
    "/flux/ressources/",
    "/flux/evenements/",
    "/flux/themes/comptabilite-fiscalite/",
    "/flux/tags/tresorerie/",
]


def parse(client, url: str) -> feedparser.FeedParserDict:
    response = client.get(url)
    assert response.status_code == 200, url
    assert VISIO.encode() not in response.content
    assert b"salle-secrete" not in response.content
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.feed.title.startswith(SITE_NAME), parsed.feed.title
    assert parsed.feed.link.startswith(SERVER), parsed.feed.link
    return parsed


def rss_and_atom(client, url: str) -> list[feedparser.FeedParserDict]:
    """The RSS feed at `url` and its Atom twin at `url` + "atom/", both parsed."""
    return [parse(client, url), parse(client, f"{url}atom/")]


def heading(feed: feedparser.FeedParserDict) -> tuple[str, str]:
    """What a feed reader shows of the feed itself: its title after the site's name, and the path
    of the page it links to (`parse` checks the name and the absolute address).
    """
    return feed.feed.title.removeprefix(SITE_NAME), feed.feed.link.removeprefix(SERVER)


def titles(feed: feedparser.FeedParserDict) -> list[str]:
    return [entry.title for entry in feed.entries]


def test_latest_fiches_feed_rss_and_atom(client, content):
    rss, atom = rss_and_atom(client, "/flux/ressources/")
    assert rss.version == "rss20" and atom.version == "atom10"
    for feed in (rss, atom):
        assert heading(feed) == ("dernières ressources", "/ressources/")
        assert feed.feed.language == "fr"
        assert "vie associative à La Réunion" in feed.feed.subtitle
        assert titles(feed) == [
            "Accueillir ses bénévoles",
            "Clôturer ses comptes annuels",
            "Tenir sa trésorerie au quotidien",
            "Travailler en réseau",
        ]
        tenir = feed.entries[2]
        assert (
            tenir.link
            == content["tenir"].get_full_url()
            == f"http://localhost/ressources/{content['tenir'].slug}/"
        )
        assert tenir.summary == content["tenir"].chapo
        assert dt.datetime(*tenir.published_parsed[:6], tzinfo=dt.UTC) == content["tenir"].first_published_at
        assert tenir.author == content["tenir"].structure.name
        assert {t.term for t in tenir.tags} == {
            "Comptabilité, gestion et fiscalité",
            "Trésorerie",
            "Comptabilité",
        }
    assert client.get("/flux/ressources/")["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert client.get("/flux/ressources/atom/")["Content-Type"] == "application/atom+xml; charset=utf-8"


def test_feed_keeps_the_twenty_latest(client, fiche_index):
    for i in range(22):
        FicheFactory(title=f"Fiche {i:02d}", published_at=aware(2020, 1, 1) + dt.timedelta(days=i))
    feed = parse(client, "/flux/ressources/")
    assert len(feed.entries) == 20
    assert feed.entries[0].title == "Fiche 21" and feed.entries[-1].title == "Fiche 02"


def test_private_fiche_is_not_in_feeds(client, content):
    PageViewRestriction.objects.create(
        page=content["cloturer"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for url in ("/flux/ressources/", "/flux/tags/tresorerie/", "/flux/themes/financement/atom/"):
        assert "Clôturer ses comptes annuels" not in titles(parse(client, url)), url


def test_upcoming_events_feed(client, content):
    for feed in rss_and_atom(client, "/flux/evenements/"):
        assert heading(feed)[0] == "événements à venir"
        # Soonest first; past and draft events left out.
        assert titles(feed) == [
            "Rencontre des comptables (20 mai 2030)",
            "Webinaire trésorerie (10 juin 2030)",
            "Forum du bénévolat (1er septembre 2030)",
        ]
        webinaire = feed.entries[1]
        assert webinaire.link == content["webinaire"].get_full_url()
        # The time is La Réunion's (UTC+4), not UTC: 9h00, not 5h00.
        assert webinaire.summary == (
            "Webinaire le lundi 10 juin 2030, 9h00–11h00 (heure de La Réunion). "
            "Une heure pour construire son plan de trésorerie."
        )
        assert feed.entries[0].summary.startswith("Hybride le lundi 20 mai 2030, 14h30–16h30")
        published = dt.datetime(*webinaire.published_parsed[:6], tzinfo=dt.UTC)
        assert published == content["webinaire"].first_published_at


def test_theme_feed_mixes_fiches_and_events_newest_first(client, content):
    for feed in rss_and_atom(client, "/flux/themes/comptabilite-fiscalite/"):
        assert heading(feed) == (
            "thème « Comptabilité, gestion et fiscalité »",
            "/themes/comptabilite-fiscalite/",
        )
        assert titles(feed) == [
            "Rencontre des comptables (20 mai 2030)",
            "Clôturer ses comptes annuels",
            "Webinaire trésorerie (10 juin 2030)",
            "Tenir sa trésorerie au quotidien",
            "Bilan de l'année comptable (5 novembre 2029)",
        ]
    assert titles(parse(client, "/flux/themes/financement/")) == ["Clôturer ses comptes annuels"]
    assert titles(parse(client, "/flux/themes/assurance-responsabilite/")) == []


def test_tag_feed(client, content):
    for feed in rss_and_atom(client, "/flux/tags/tresorerie/"):
        assert heading(feed) == ("mot-clé « Trésorerie »", "/tags/tresorerie/")
        assert "Brouillon sur la trésorerie" not in titles(feed)
        assert not any(t.startswith("Événement brouillon") for t in titles(feed))
        assert len(feed.entries) == 5
        links = {entry.link for entry in feed.entries}
        assert content["rencontre"].get_full_url() in links and content["tenir"].get_full_url() in links
    assert titles(parse(client, "/flux/tags/bilan/atom/")) == ["Clôturer ses comptes annuels"]


@pytest.mark.parametrize("url", [*FEEDS, *(f"{url}atom/" for url in FEEDS)])
def test_no_feed_ever_shows_the_visio_link(client, content, url):
    """Checked in parse() on the raw bytes; here also on every parsed field."""
    feed = parse(client, url)
    assert feed.entries, url
    assert "visio.exemple.re" not in repr(feed)


@pytest.mark.parametrize("url", ["/flux/ressources/", "/flux/tags/tresorerie/", "/flux/evenements/atom/"])
def test_feed_query_count_does_not_grow(client, content, url):
    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    client.get(url)
    before = count()
    for i in range(6):
        FicheFactory(themes=["comptabilite-fiscalite"], tags=["Trésorerie", f"Mot {i}"])
        EventFactory(start=reunion(2030, 8, 1 + i, 9), tags=["Trésorerie", f"Mot {i}"])
    client.get(url)  # the tag feed checks the tag in the catalogue, rebuilt once after a change
    assert count() == before


# Links to the new pages and feeds from existing pages ----------------------------------------


def alternate_links(response) -> dict[str, set[str]]:
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    links: dict[str, set[str]] = {}
    for link in soup.select("head link[rel=alternate]"):
        links.setdefault(link["type"], set()).add(link["href"])
    return links


@pytest.mark.parametrize(
    ("path", "rss", "atom"),
    [
        (
            "/",
            {"/flux/ressources/", "/flux/evenements/"},
            {"/flux/ressources/atom/", "/flux/evenements/atom/"},
        ),
        ("/ressources/", {"/flux/ressources/"}, {"/flux/ressources/atom/"}),
        ("/evenements/", {"/flux/evenements/"}, {"/flux/evenements/atom/"}),
        ("/tags/tresorerie/", {"/flux/tags/tresorerie/"}, {"/flux/tags/tresorerie/atom/"}),
        ("/themes/financement/", {"/flux/themes/financement/"}, {"/flux/themes/financement/atom/"}),
    ],
)
def test_pages_announce_their_feeds(client, content, path, rss, atom):
    links = alternate_links(client.get(path))
    assert links["application/rss+xml"] == rss
    assert links["application/atom+xml"] == atom
    for url in rss | atom:
        assert client.get(url).status_code == 200, url


def test_fiche_and_event_pages_link_to_theme_and_tag_pages(client, content):
    response = client.get(content["cloturer"].url)
    links = alternate_links(response)
    assert links["application/rss+xml"] == {
        "/flux/themes/comptabilite-fiscalite/",
        "/flux/themes/financement/",
    }
    hrefs = {a["href"] for a in BeautifulSoup(response.content, "html.parser").select(".fiche__aside a")}
    assert {"/themes/comptabilite-fiscalite/", "/themes/financement/", "/tags/tresorerie/", "/tags/"} <= hrefs
    event_hrefs = {
        a["href"]
        for a in BeautifulSoup(client.get(content["webinaire"].url).content, "html.parser").select(
            ".fiche__aside a"
        )
    }
    assert {"/themes/comptabilite-fiscalite/", "/tags/tresorerie/"} <= event_hrefs


# Sitemap and robots.txt ---------------------------------------------------------------------

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 – our own output
    return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def test_sitemap_lists_live_pages_and_browse_pages_only(client, content):
    PageViewRestriction.objects.create(
        page=content["benevoles"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    locations = sitemap_locations(client)
    assert len(locations) == len(set(locations))
    assert content["tenir"].get_full_url() in locations
    assert content["webinaire"].get_full_url() in locations
    assert content["bilan"].get_full_url() in locations
    assert content["fiche_draft"].get_full_url() not in locations
    assert content["event_draft"].get_full_url() not in locations
    assert content["benevoles"].get_full_url() not in locations  # private
    assert {"http://localhost/", "http://localhost/ressources/", "http://localhost/evenements/"} <= set(
        locations
    )
    assert {
        "http://testserver/structures/",
        "http://testserver/structures/crajep-reunion/",
        "http://testserver/tags/",
        "http://testserver/tags/tresorerie/",
        "http://testserver/themes/financement/",
        "http://testserver/themes/accompagnement/",
    } <= set(locations)
    assert "http://testserver/tags/education-populaire/" not in locations  # only on a private fiche
    assert not any("/recherche/" in loc or "/admin/" in loc for loc in locations)


def test_unpublishing_removes_a_page_from_the_sitemap(client, content):
    url = content["cloturer"].get_full_url()
    assert url in sitemap_locations(client)
    content["cloturer"].unpublish()
    locations = sitemap_locations(client)
    assert url not in locations
    assert "http://testserver/tags/bilan/" not in locations


def robots_rules(text: str) -> list[str]:
    return [line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("Disallow:")]


def blocked(path: str, rules: list[str]) -> bool:
    """Google's reading of robots.txt: prefix match, `*` for any run of characters."""
    return any(re.match(".*".join(map(re.escape, rule.split("*"))), path) for rule in rules)


def test_robots_txt(client, content):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert "User-agent: *" in text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in text.splitlines()
    rules = robots_rules(text)
    cancel_url = f"{content['webinaire'].url}inscription/annuler/jeton-signe-123/"
    for path in ("/admin/", "/admin/pages/3/", "/django-admin/", "/recherche/?q=ag", cancel_url):
        assert blocked(path, rules), path
    for path in (
        "/",
        "/ressources/",
        content["tenir"].url,
        content["webinaire"].url,
        "/tags/",
        "/flux/ressources/",
    ):
        assert not blocked(path, rules), path


def test_event_dates_are_written_in_french_in_reunion_time():
    from browse.feeds import event_when, french_date

    assert french_date(reunion(2030, 9, 1)) == "1er septembre 2030"
    first = EventPage(start=reunion(2030, 9, 1, 8, 30), end=reunion(2030, 9, 1, 12))
    assert event_when(first) == "dimanche 1er septembre 2030, 8h30–12h00"
    utc = EventPage(
        start=dt.datetime(2030, 3, 12, 5, tzinfo=dt.UTC), end=dt.datetime(2030, 3, 13, 13, tzinfo=dt.UTC)
    )
    assert event_when(utc) == "mardi 12 mars 2030, 9h00 – mercredi 13 mars 2030, 17h00"
