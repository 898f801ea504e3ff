"""Which requests the page cache serves and which responses it keeps: never a personal page."""

import pytest
from django.test import Client

from tests.factories import EventFactory, FicheFactory, reunion
from tests.pagecache.conftest import cached, fetch

pytestmark = pytest.mark.django_db

NOW = reunion(2030, 3, 1, 12)


@pytest.fixture
def fiche(fiche_index):
    return FicheFactory(title="Créer son association pas à pas", slug="creer-son-association")


def test_an_anonymous_page_is_served_from_the_cache_without_any_query(
    client, fiche, django_assert_num_queries
):
    page = cached(client, fiche.url)
    assert "Créer son association pas à pas" in page
    with django_assert_num_queries(0):
        response = client.get(fiche.url)
    assert response["X-Cache"] == "HIT"
    assert response["Content-Type"].startswith("text/html")


def test_search_suggestions_are_served_from_the_cache(client, fiche):
    body = cached(client, "/recherche/suggestions/?q=creer")
    assert "/ressources/creer-son-association/" in body


def test_head_is_answered_from_the_page_a_get_stored(client, fiche):
    page = cached(client, fiche.url)
    response = client.head(fiche.url)
    assert response["X-Cache"] == "HIT"
    assert response["Content-Length"] == str(len(page.encode()))


def test_query_strings_are_normalised_and_part_of_the_key(client, fiche):
    cached(client, "/ressources/?theme=financement&annee=2030")
    assert fetch(client, "/ressources/?annee=2030&theme=financement")[1] == "HIT"
    assert fetch(client, "/ressources/?theme=emploi-rh&annee=2030")[1] == "MISS"
    assert fetch(client, "/ressources/")[1] == "MISS"


def test_the_host_is_part_of_the_key(client, fiche):
    cached(client, fiche.url)
    assert fetch(client, fiche.url, HTTP_HOST="autre.kazasso.re")[1] == "MISS"


def test_a_logged_in_editor_never_gets_nor_leaves_a_cached_page(client, fiche, admin_user):
    cached(client, fiche.url)
    editor = Client()
    editor.force_login(admin_user)
    response = editor.get(fiche.url)
    assert response.get("X-Cache") is None
    assert "private" in response["Cache-Control"]
    assert "wagtail-userbar" in response.content.decode()
    # What the editor saw was not stored for the next visitor.
    visitor = Client()
    visitor.get("/ressources/")  # a fresh URL, first seen by the editor below
    editor.get("/ressources/?annee=2030")
    status, state, page = fetch(visitor, "/ressources/?annee=2030")
    assert state == "MISS"
    assert "wagtail-userbar" not in page


def test_a_page_with_a_registration_form_is_never_stored(client, event_index, frozen_now):
    frozen_now(NOW)
    event = EventFactory(slug="atelier-ouvert", capacity=10)
    first = client.get(event.url)
    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    assert first["X-Cache"] == "MISS"
    assert "private" in first["Cache-Control"]
    other = Client()
    second = other.get(event.url)
    assert second["X-Cache"] == "MISS"
    token = 'name="csrfmiddlewaretoken" value="'
    assert first.content.decode().split(token)[1][:64] != second.content.decode().split(token)[1][:64]


def test_a_visitor_with_a_session_or_messages_is_served_a_fresh_page(client, fiche):
    cached(client, fiche.url)
    for name in ("sessionid", "messages"):
        visitor = Client()
        visitor.cookies[name] = "quelque-chose"
        assert visitor.get(fiche.url).get("X-Cache") is None


def test_a_post_is_never_answered_from_the_cache(client, event_index, frozen_now):
    frozen_now(NOW)
    event = EventFactory(slug="atelier-ferme", registration_enabled=False)
    cached(client, event.url)
    response = client.post(event.url, {"association_name": "Les Jardins du Butor"})
    assert response.status_code == 400
    assert response.get("X-Cache") is None


def test_the_cancellation_link_and_the_admin_are_not_cached(client, event_index, frozen_now):
    frozen_now(NOW)
    event = EventFactory(slug="atelier-annulation")
    for url in (f"{event.url}inscription/annuler/jeton-invalide/", "/admin/login/"):
        client.get(url)
        assert client.get(url).get("X-Cache") is None


def test_errors_and_redirects_are_not_stored(client, fiche):
    assert fetch(client, "/ressources/page-inconnue/")[:2] == (404, "MISS")
    assert fetch(client, "/ressources/page-inconnue/")[:2] == (404, "MISS")
    assert client.get("/ressources").status_code == 301
    assert client.get("/ressources").get("X-Cache") == "MISS"


def test_feeds_ical_and_robots_are_cached(client, fiche, event_index, frozen_now):
    frozen_now(NOW)
    event = EventFactory(slug="atelier-ical", registration_enabled=False)
    for url in ("/flux/ressources/", f"{event.url}ical/", "/robots.txt", "/sitemap.xml"):
        cached(client, url)


def test_kazasso_page_cache_0_turns_it_off(client, fiche, settings):
    settings.KAZASSO_PAGE_CACHE = False
    client.get(fiche.url)
    assert client.get(fiche.url).get("X-Cache") is None


def test_an_unknown_host_gets_a_400_not_a_500(client, fiche, settings):
    settings.ALLOWED_HOSTS = ["ressources.kazasso.re"]
    assert client.get(fiche.url, HTTP_HOST="ailleurs.example").status_code == 400
    assert client.get(fiche.url, HTTP_HOST="ressources.kazasso.re").status_code == 200
