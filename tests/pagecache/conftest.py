import pytest
from django.test import Client
from wagtail.models import Site

from home.models import SiteSettings


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """The suite runs with the page cache off; these tests are about it."""
    settings.KAZASSO_PAGE_CACHE = True
    settings.KAZASSO_PAGE_CACHE_GENERATION_FILE = None


@pytest.fixture(autouse=True)
def site_settings(request):
    """The first page rendered creates the site settings (a purge); a live site has them already."""
    if "db" not in request.fixturenames and "django_db" not in request.keywords:
        return None
    request.getfixturevalue("db")
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


def fetch(client: Client, url: str, **extra: object) -> tuple[int, str | None, str]:
    response = client.get(url, **extra)
    return response.status_code, response.get("X-Cache"), response.content.decode()


def cached(client: Client, url: str) -> str:
    """Put `url` in the cache and prove it is served from there; returns the page."""
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    second = client.get(url)
    assert second["X-Cache"] == "HIT"
    assert second.content == first.content
    return second.content.decode()
