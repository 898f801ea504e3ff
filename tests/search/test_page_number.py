"""One `?page=` rule: the search and the listings give the same page and the same French notice."""

import pytest

from tests.factories import FicheFactory


@pytest.mark.parametrize("raw", ["0", "-2", "deux", "99"])
def test_search_and_listing_read_page_alike(client, db, raw):
    FicheFactory(title="Fiche sur la trésorerie")
    listing = client.get("/ressources/", {"page": raw}).context
    search = client.get("/recherche/", {"q": "trésorerie", "page": raw}).context
    assert listing["fiches"].number == search["page"].number == 1
    assert listing["notices"] == search["notices"]
    assert len(search["notices"]) == 1
