"""Issue 12, point 18: a cached page is exactly what Django renders for the request."""

import pytest
from django.test import Client

from tests.factories import FicheFactory
from tests.pagecache.conftest import fetch, page_cache_on, site_settings  # noqa: F401

pytestmark = pytest.mark.django_db


def test_repeated_parameters_keep_their_order_in_the_key(client: Client, settings, fiche_index):
    """Django reads the last `page`: `?page=3&page=1` is page 1, `?page=1&page=3` is page 3."""
    settings.FICHES_PER_PAGE = 1
    for n in range(3):
        FicheFactory(title=f"Fiche de pagination {n}")
    urls = ("/ressources/?page=3&page=1", "/ressources/?page=1&page=3")
    settings.KAZASSO_PAGE_CACHE = False
    rendered = {url: client.get(url).content.decode() for url in urls}
    assert rendered[urls[0]] != rendered[urls[1]]
    settings.KAZASSO_PAGE_CACHE = True
    for url in urls:
        status, state, page = fetch(client, url)
        assert (status, state) == (200, "MISS")
        assert page == rendered[url]
    for url in urls:
        assert fetch(client, url)[1:] == ("HIT", rendered[url])
