"""Issue 12, point 19: a draft purges nothing; a registration drops only its event's page."""

import pytest
from django.test import Client

from events.services import RegistrationData, cancel, register
from tests.factories import EventFactory, FicheFactory, RegistrationFactory, reunion
from tests.pagecache.conftest import cached, fetch, page_cache_on, site_settings  # noqa: F401

pytestmark = pytest.mark.django_db


def test_saving_a_draft_of_a_live_page_keeps_the_cache_and_publishing_purges(client: Client, fiche_index):
    fiche = FicheFactory(title="Ouvrir un compte bancaire associatif")
    for url in (fiche.url, "/ressources/"):
        cached(client, url)
    fiche.title = "Ouvrir un compte bancaire : brouillon"
    revision = fiche.save_revision()
    fiche.save(update_fields=["locked", "locked_at", "locked_by"])
    assert [fetch(client, url)[1] for url in (fiche.url, "/ressources/")] == ["HIT", "HIT"]
    revision.publish()
    status, state, page = fetch(client, fiche.url)
    assert (state, "Ouvrir un compte bancaire : brouillon" in page) == ("MISS", True)


@pytest.mark.parametrize("shared_by", ["cache", "file"])
def test_a_registration_drops_only_its_event_page(
    client: Client, settings, tmp_path, fiche_index, event_index, frozen_now, shared_by
):
    """Only the pages showing an event's seats (its page, its card's lists) go; others stay cached."""
    if shared_by == "file":  # without Redis: the tokens every worker of the host reads
        settings.KAZASSO_PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    frozen_now(reunion(2030, 3, 1, 12))
    FicheFactory()
    full = EventFactory(capacity=1, max_seats_per_registration=1, waitlist_enabled=False)
    taken = RegistrationFactory(event=full)
    other = EventFactory(registration_enabled=False)
    open_event = EventFactory(capacity=10)
    urls = (full.url, other.url, "/ressources/", "/evenements/", "/")
    for url in urls:
        cached(client, url)
    register(open_event, RegistrationData("Asso du Lagon", "Paul Hoarau", "paul@lagon.re", 2, True))
    # The open event's card shows its seats on the agenda and the home page: those two go too.
    assert [fetch(client, url)[1] for url in urls] == ["HIT", "HIT", "HIT", "MISS", "MISS"]
    cancel(taken)  # (the two pages missed above are cached again by that fetch)
    assert [fetch(client, url)[1] for url in urls] == ["MISS", "HIT", "HIT", "MISS", "MISS"]
    assert 'name="csrfmiddlewaretoken"' in fetch(client, full.url)[2]  # the freed seat is offered
