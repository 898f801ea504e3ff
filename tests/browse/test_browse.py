"""/tags/, /tags/<slug>/ and /themes/<slug>/: counts, filter, contents, links and bad input."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlparse

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import EventPage
from members.models import Structure
from taxonomy.models import Theme
from tests.browse.conftest import NOW
from tests.factories import EventFactory, FicheFactory, aware, reunion

pytestmark = pytest.mark.django_db

TRESORERIE = "Tr%C3%A9sorerie"


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text_of(response) -> str:
    return soup_of(response).get_text(" ", strip=True)


def card_titles(soup: BeautifulSoup, section_id: str) -> list[str]:
    section = soup.select_one(f"section[aria-labelledby={section_id}]")
    return [a.get_text(strip=True) for a in section.select(".card__title a")] if section else []


def assert_headings_in_order(soup: BeautifulSoup) -> None:
    levels = [int(h.name[1]) for h in soup.select("main h1, main h2, main h3, main h4")]
    assert levels[0] == 1 and levels.count(1) == 1
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, levels


# /tags/ ---------------------------------------------------------------------------------------


def test_tag_list_counts_live_fiches_and_events_in_alphabetical_order(client, content):
    response = client.get("/tags/")
    soup = soup_of(response)
    rows = soup.select(".tag-index__list li")
    names = [li.a.get_text(strip=True) for li in rows]
    # Accents and case ignored: "Éducation" sorts under E, "Cœur" before "Comptabilité".
    assert names == [
        "Bénévolat",
        "Bilan",
        "Cœur de réseau",
        "Comptabilité",
        "Éducation populaire",
        "Trésorerie",
        "Webinaire",
    ]
    counts = {
        li.a.get_text(strip=True): li.select_one(".tag-index__counts").get_text(strip=True) for li in rows
    }
    # Drafts are not counted: 2 live fiches and 3 live events (the draft of each is left out).
    assert counts["Trésorerie"] == "2 ressources, 3 événements"
    assert counts["Bénévolat"] == "1 ressource, 1 événement"
    assert counts["Webinaire"] == "1 événement"
    assert counts["Comptabilité"] == "1 ressource"
    assert "Brouillon seul" not in names and "Orphelin" not in names
    hrefs = {li.a.get_text(strip=True): li.a["href"] for li in rows}
    assert hrefs["Trésorerie"] == "/tags/tresorerie/"
    assert hrefs["Éducation populaire"] == "/tags/education-populaire/"
    assert [h.get_text(strip=True) for h in soup.select(".tag-index__letter")] == ["B", "C", "E", "T", "W"]
    assert soup.select_one("#all-title").get_text(strip=True) == "Tous les mots-clés (7)"


def test_tag_list_highlights_the_most_used(client, content):
    soup = soup_of(client.get("/tags/"))
    top = soup.select(".tag-top__list a")
    assert [a.contents[0].strip() for a in top][:2] == ["Trésorerie", "Bénévolat"]
    assert top[0].select_one(".tag-count").get_text(" ", strip=True) == "5 contenus"
    assert len(top) == 7


def test_most_used_list_stops_at_twelve(client, fiche_index):
    for i in range(14):
        FicheFactory(tags=[f"Sujet {i:02d}", *(["Commun"] if i % 2 else [])])
    soup = soup_of(client.get("/tags/"))
    top = soup.select(".tag-top__list a")
    assert len(top) == 12
    assert top[0]["href"] == "/tags/commun/"
    assert len(soup.select(".tag-index__list li")) == 15


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("treso", ["Trésorerie"]),
        ("TRÉSO", ["Trésorerie"]),
        ("éducation", ["Éducation populaire"]),
        ("educ", ["Éducation populaire"]),
        ("coeur", ["Cœur de réseau"]),
        ("réseau", ["Cœur de réseau"]),
        ("  o ", ["Bénévolat", "Cœur de réseau", "Comptabilité", "Éducation populaire", "Trésorerie"]),
    ],
)
def test_tag_list_filter_ignores_accents_and_case(client, content, query, expected):
    response = client.get("/tags/", {"q": query})
    soup = soup_of(response)
    assert [li.a.get_text(strip=True) for li in soup.select(".tag-index__list li")] == expected
    assert soup.select_one("#tag-q")["value"] == query.strip()
    assert not soup.select(".tag-top"), "the most-used list is hidden while filtering"
    assert soup.select_one("a[href='/tags/']") is not None


def test_tag_list_filter_without_match(client, content):
    response = client.get("/tags/", {"q": "zzz"})
    assert "Aucun mot-clé ne contient «\xa0zzz\xa0»" in text_of(response)
    assert (
        soup_of(response).select_one("#all-title").get_text(strip=True) == "0 mot-clé contenant «\xa0zzz\xa0»"
    )


@pytest.mark.parametrize("query", ["\x00", "é" * 10_000, "<script>alert(1)</script>", "%", "_", "'; --"])
def test_tag_list_odd_queries(client, content, query):
    response = client.get("/tags/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content
    if len(query) > 200:
        assert "raccourci à 200 caractères" in text_of(response)


def test_tag_list_form_is_labelled_and_works_without_javascript(client, content):
    soup = soup_of(client.get("/tags/"))
    form = soup.select_one("form.tag-filter")
    assert form["method"] == "get" and form["action"] == "/tags/"
    field = form.select_one("input[name=q]")
    assert soup.select_one(f"label[for={field['id']}]").get_text(strip=True) == "Filtrer les mots-clés"
    assert form.select_one("button[type=submit]") is not None
    assert_headings_in_order(soup)


def test_tag_list_without_any_tag(client, fiche_index):
    assert "Aucun mot-clé n'est encore utilisé" in text_of(client.get("/tags/"))


def test_footer_links_to_tags(client, content):
    soup = soup_of(client.get("/tags/"))
    assert soup.select_one("footer a[href='/tags/']").get_text(strip=True) == "Mots-clés"


# /tags/<slug>/ --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "name", "parent", "lead", "filter_query"),
    [
        (
            "/tags/tresorerie/",
            "Trésorerie",
            ("Mots-clés", "/tags/"),
            lambda: "Portent ce mot-clé\xa0: 2 ressources, 2 événements à venir et 1 événement passé.",
            f"tagged_with={TRESORERIE}",
        ),
        (
            "/themes/comptabilite-fiscalite/",
            "Comptabilité, gestion et fiscalité",
            ("Ressources", "/ressources/"),
            lambda: Theme.objects.get(slug="comptabilite-fiscalite").description,
            "theme=comptabilite-fiscalite",
        ),
    ],
)
def test_tag_and_theme_pages_list_live_fiches_then_upcoming_and_past_events(
    client, content, path, name, parent, lead, filter_query
):
    response = client.get(path)
    soup = soup_of(response)
    assert soup.select_one("main h1").get_text(strip=True).removeprefix("#") == name
    assert lead() in soup.select_one(".browse-header").get_text(" ", strip=True)
    assert card_titles(soup, "fiches-title") == [
        "Clôturer ses comptes annuels",
        "Tenir sa trésorerie au quotidien",
    ]
    assert card_titles(soup, "upcoming-title") == ["Rencontre des comptables", "Webinaire trésorerie"]
    assert card_titles(soup, "past-title") == ["Bilan de l'année comptable"]
    html = response.content.decode()
    assert "Brouillon sur la trésorerie" not in html and "Événement brouillon" not in html
    assert "Accueillir ses bénévoles" not in html
    assert "visio.exemple.re" not in html
    hrefs = {a["href"] for a in soup.select("main a")}
    assert {f"/ressources/?{filter_query}", f"/evenements/?{filter_query}"} <= hrefs
    assert_headings_in_order(soup)
    crumbs = [
        (li.get_text(strip=True), li.a["href"] if li.a else None) for li in soup.select(".breadcrumb li")
    ]
    assert crumbs == [("Accueil", "/"), parent, (name, None)]


def test_tag_page_links_to_the_filtered_listings(client, content):
    soup = soup_of(client.get("/tags/tresorerie/"))
    hrefs = {a["href"] for a in soup.select("main a")}
    fiches_url = f"/ressources/?tagged_with={TRESORERIE}"
    upcoming_url = f"/evenements/?tagged_with={TRESORERIE}"
    past_url = f"/evenements/?periode=passes&tagged_with={TRESORERIE}"
    assert {fiches_url, upcoming_url, past_url} <= hrefs
    listing = client.get(fiches_url).context
    assert listing["notices"] == []
    assert [f.title for f in listing["fiches"].object_list] == card_titles(soup, "fiches-title")
    events = client.get(upcoming_url).context
    assert [e.title for e in events["events"].object_list] == card_titles(soup, "upcoming-title")
    past = client.get(past_url).context
    assert [e.title for e in past["events"].object_list] == ["Bilan de l'année comptable"]


def test_tag_page_shows_twelve_fiches_and_a_see_all_link(client, fiche_index, event_index):
    for i in range(13):
        FicheFactory(title=f"Fiche AG {i:02d}", tags=["AG à distance"], published_at=aware(2020, 1, 1 + i))
    soup = soup_of(client.get("/tags/ag-a-distance/"))
    titles = card_titles(soup, "fiches-title")
    assert len(titles) == 12
    assert titles[0] == "Fiche AG 12" and "Fiche AG 00" not in titles
    more = soup.select_one(".browse-section__more a.button")
    assert more.get_text(strip=True) == "Voir les 13 ressources"
    assert parse_qs(urlparse(more["href"]).query) == {"tagged_with": ["AG à distance"]}


def test_tag_with_only_drafts_or_nothing_has_no_page(client, content):
    """A tag's name is public once a live public page carries it (tests/security/test_cache_tags.py)."""
    assert client.get("/tags/brouillon-seul/").status_code == 404
    assert client.get("/tags/orphelin/").status_code == 404
    assert soup_of(client.get("/tags/tresorerie/")).select_one("meta[name=robots]") is None


@pytest.mark.parametrize(
    "path",
    [
        "/tags/inconnu/",
        "/tags/%00/",
        "/tags/" + "x" * 300 + "/",
        "/tags/%C3%A9t%C3%A9/",
        "/tags/tresorerie%00/",
        "/tags/..%2F..%2Fetc/",
        "/themes/inconnu/",
        "/themes/%00/",
        "/themes/" + "y" * 5000 + "/",
        "/themes/",
        "/flux/themes/inconnu/",
        "/flux/themes/inconnu/atom/",
        "/flux/tags/inconnu/",
        "/flux/tags/inconnu/atom/",
        "/flux/tags/%00/",
        "/flux/themes/%00/atom/",
        "/flux/tags/" + "z" * 400 + "/",
        "/flux/tags/%C3%A9t%C3%A9/",
    ],
)
def test_unknown_or_junk_slugs_are_french_404(client, content, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_odd_tag_names_never_break_pages(client, fiche_index):
    """A name that slugifies to nothing has no page: listed without a link, left out elsewhere."""
    fiche = FicheFactory(tags=["!!!", "😀 Joie", "İstanbul"])
    soup = soup_of(client.get("/tags/"))
    rows = {li.select_one("a, span").get_text(strip=True): li.a for li in soup.select(".tag-index__list li")}
    assert rows["!!!"] is None and rows["😀 Joie"]["href"] == "/tags/joie/"
    assert [li.a for li in soup.select(".tag-index__list li")].count(None) == 1
    assert client.get(fiche.url).status_code == 200
    assert client.get("/sitemap.xml").status_code == 200 and client.get("/tags/joie/").status_code == 200


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.text(max_size=300))
def test_random_filters_and_slugs_never_fail(client, content, text):
    assert client.get("/tags/", {"q": text}).status_code == 200
    for prefix in ("/tags/", "/themes/", "/flux/tags/"):
        assert client.get(prefix + quote(text, safe="") + "/").status_code in (200, 404)


# /themes/<slug>/ ------------------------------------------------------------------------------


def test_theme_page_without_content(client, content):
    response = client.get("/themes/assurance-responsabilite/")
    assert "Rien n'est encore publié sur ce thème." in text_of(response)


def test_theme_page_keeps_unpublished_changes_out(client, content):
    """A live fiche's draft revision moving it to another theme does not move it yet."""
    fiche = content["reseau"]
    fiche.themes = [Theme.objects.get(slug="evenements")]
    fiche.save_revision()
    soup = soup_of(client.get("/themes/evenements/"))
    assert card_titles(soup, "fiches-title") == []


# No N+1 ---------------------------------------------------------------------------------------


def add_content(count: int, start: int = 0) -> None:
    structures = list(Structure.objects.order_by("slug")[:4])
    themes = list(Theme.objects.order_by("slug")[:4])
    for i in range(start, start + count):
        FicheFactory(
            structure=structures[i % 4],
            themes=[themes[i % 4], themes[(i + 1) % 4]],
            tags=[f"Mot {i}", "Commun", f"Groupe {i % 3}"],
            published_at=aware(2020 + i % 6, 1 + i % 12, 1 + i % 28),
        )
        EventFactory(
            structure=structures[i % 4],
            organisers=[structures[(i + 1) % 4]],
            themes=[themes[i % 4]],
            tags=[f"Événement {i}", "Commun"],
            start=reunion(2029 + i % 3, 1 + i % 12, 1 + i % 28, 9),
        )


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("url", ["/tags/", "/tags/?q=mot", "/tags/commun/", "/themes/accompagnement/"])
def test_query_count_does_not_grow_with_tags_and_content(client, fiche_index, event_index, frozen_now, url):
    frozen_now(NOW)
    add_content(5)
    client.get(url)  # warm per-process caches (site root paths, content types)
    with_5 = count_queries(client, url)
    add_content(20, start=5)
    assert EventPage.objects.live().count() == 25
    client.get(url)  # the first request after a change rebuilds the catalogue (tests/core/test_catalogue.py)
    with_25 = count_queries(client, url)
    assert with_5 == with_25
