"""Issue 12, point 17: a page made private leaves every anonymous response at once, cache included."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests.factories import EventFactory, FicheFactory, reunion
from tests.pagecache.conftest import cached, fetch, page_cache_on, site_settings  # noqa: F401

pytestmark = pytest.mark.django_db

FICHE_TITLE = "Ornithorynque : la fiche du trésorier"
EVENT_TITLE = "Ornithorynque : la rencontre des trésoriers"


@pytest.fixture
def pages(fiche_index, event_index, frozen_now):
    frozen_now(reunion(2030, 3, 1, 12))
    fiche = FicheFactory(title=FICHE_TITLE, tags=["Ornithorynque"])
    event = EventFactory(title=EVENT_TITLE, registration_enabled=False, tags=["Ornithorynque"])
    SearchPromotion.objects.create(query=Query.get("ornithorynque"), page=fiche, sort_order=0)
    return fiche, event


def public_urls(fiche, event) -> list[str]:
    return [
        fiche.url,
        event.url,
        f"{event.url}ical/",
        "/",
        "/ressources/",
        "/evenements/",
        "/evenements/ical/",
        "/evenements/ical/?theme=financement",
        "/recherche/?q=ornithorynque",
        "/recherche/suggestions/?q=ornitho",
        "/sitemap.xml",
        "/flux/ressources/",
        "/flux/evenements/",
        "/flux/themes/financement/",
        "/themes/financement/",
        "/tags/",
    ]


def test_a_password_hides_the_pages_from_every_cached_response(client, pages, admin_user):
    fiche, event = pages
    urls = public_urls(fiche, event)
    for url in urls:
        page = cached(client, url)
        assert "Ornithorynque" in page or fiche.slug in page or event.slug in page, url
    admin = Client()
    admin.force_login(admin_user)
    response = admin.post(
        reverse("wagtailadmin_pages:set_privacy", args=[fiche.pk]),
        {"restriction_type": "password", "password": "mot-de-passe"},
    )
    assert response.status_code == 200 and PageViewRestriction.objects.filter(page=fiche).exists()
    PageViewRestriction.objects.create(page=event, restriction_type="password", password="secret")
    for url in urls:
        status, state, page = fetch(client, url)
        assert state != "HIT", url
        assert "Ornithorynque" not in page, url
        if not url.startswith((fiche.url, event.url)):  # a password form returns to its own URL
            assert fiche.slug not in page and event.slug not in page, url
