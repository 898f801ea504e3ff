"""Redis away: the site is served uncached, a warning is logged, nothing answers 500 (issue 12, 14)."""

import logging

import pytest
from django.test import Client, override_settings

from site_kazasso.settings.caching import build_caches
from tests.factories import EventFactory, FicheFactory, reunion

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every connection is refused, as when Redis is stopped.
CLOSED_REDIS = build_caches({"REDIS_URL": "redis://127.0.0.1:1/0"})


@pytest.fixture
def redis_down(settings):
    """Production's cache setup (page cache, rate limits) on a Redis that does not answer."""
    settings.KAZASSO_PAGE_CACHE = True
    settings.KAZASSO_PAGE_CACHE_GENERATION_FILE = None
    settings.KAZASSO_RATELIMITS = True
    with override_settings(CACHES=CLOSED_REDIS):
        yield


def test_public_pages_and_the_admin_answer_while_redis_is_down(
    redis_down, fiche_index, event_index, frozen_now, admin_user, caplog
):
    frozen_now(reunion(2030, 3, 1, 12))
    fiche = FicheFactory(title="Créer son association", slug="creer-son-association")
    event = EventFactory(slug="atelier-redis", capacity=10)
    visitor = Client()
    with caplog.at_level(logging.WARNING):
        for url in ("/", "/ressources/", "/recherche/?q=association", fiche.url, event.url, "/sitemap.xml"):
            response = visitor.get(url)
            assert response.status_code == 200, url
            assert response.get("X-Cache") != "HIT", url
    assert any(r.name == "site_kazasso.cache" and r.levelno >= logging.WARNING for r in caplog.records)
    editor = Client()
    editor.force_login(admin_user)
    assert editor.get("/admin/").status_code == 200
