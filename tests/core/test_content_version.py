"""One content version: what each kind of change purges, and what it leaves alone.

Each change is committed (the on-commit callbacks run): the page cache must miss, the listings'
catalogue must see a new version and `on_change` callbacks run once; a draft saved purges
nothing, a registration drops only its event's page.
"""

import pytest
from django.db import transaction
from taggit.models import Tag
from wagtail.models import PageViewRestriction, Site

from fiches.models import FicheTag
from home.models import SiteSettings
from site_kazasso import content_version
from taxonomy.catalogue import current_token
from taxonomy.models import Theme
from tests.factories import EventFactory, FicheFactory, RegistrationFactory, reunion

pytestmark = pytest.mark.django_db


def publish(fiche, event, home_page):
    fiche.title = "Subventions : le dossier pas à pas"
    fiche.save_revision().publish()


def save_draft(fiche, event, home_page):
    fiche.title = "Subventions : brouillon"
    fiche.save_revision()
    fiche.save(update_fields=["locked", "locked_at", "locked_by"])


def register(fiche, event, home_page):
    RegistrationFactory(event=event)


def rename_theme(fiche, event, home_page):
    theme = Theme.objects.get(slug="financement")
    theme.name = "Trouver des financements"
    theme.save()


CONTENT = ("fiche", "listing")  # both retired, the event page too
CHANGES = {
    "publish": publish,
    "unpublish": lambda fiche, event, home_page: fiche.unpublish(),
    "delete": lambda fiche, event, home_page: fiche.delete(),
    "move": lambda fiche, event, home_page: fiche.move(home_page, pos="last-child"),
    "view restriction": lambda fiche, event, home_page: PageViewRestriction.objects.create(
        page=fiche, restriction_type="password", password="secret"
    ),
    "tag": lambda fiche, event, home_page: FicheTag.objects.create(
        tag=Tag.objects.create(name="Mécénat", slug="mecenat"), content_object=fiche
    ),
    "reference data": rename_theme,
}


@pytest.fixture
def site(fiche_index, event_index, home_page, settings, frozen_now):
    settings.KAZASSO_PAGE_CACHE = True
    settings.KAZASSO_PAGE_CACHE_GENERATION_FILE = None
    frozen_now(reunion(2030, 3, 1, 12))
    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # created by the first render otherwise
    fiche = FicheFactory(title="Demander une subvention", themes=["financement"])
    event = EventFactory(registration_enabled=False)
    return fiche, event, home_page


@pytest.mark.parametrize(
    ("change", "retired"),
    [(name, ("fiche", "listing", "event")) for name in CHANGES]
    + [("draft save", ()), ("registration", ("event",))],
)
def test_what_each_change_retires(client, site, django_capture_on_commit_callbacks, change, retired):
    fiche, event, home_page = site
    urls = {"fiche": fiche.url, "listing": "/ressources/", "event": event.url}
    for url in urls.values():
        assert client.get(url)["X-Cache"] == "MISS"
        assert client.get(url)["X-Cache"] == "HIT"
    version = current_token()
    seen = []
    unregister = content_version.on_change(seen.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            {**CHANGES, "draft save": save_draft, "registration": register}[change](fiche, event, home_page)
    finally:
        unregister()
    misses = {name for name, url in urls.items() if client.get(url)["X-Cache"] == "MISS"}
    assert misses == set(retired)
    content_changed = change in CHANGES
    assert (current_token() != version) is content_changed
    assert seen == ([current_token()] if content_changed else [])
    if content_changed:  # the page cache's store holds the committed version
        assert content_version.published() == current_token()


def test_a_transaction_publishes_once_and_a_rollback_never(site, django_capture_on_commit_callbacks):
    fiche, _event, _home_page = site
    seen = []
    unregister = content_version.on_change(seen.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(5):
                FicheTag.objects.create(
                    tag=Tag.objects.create(name=f"Mot {n}", slug=f"mot-{n}"), content_object=fiche
                )
        assert len(seen) == 1
        version = current_token()
        with (
            django_capture_on_commit_callbacks(execute=True),
            pytest.raises(RuntimeError),
            transaction.atomic(),
        ):
            Tag.objects.create(name="Annulé", slug="annule")
            assert current_token() != version  # the transaction reads its own version
            raise RuntimeError
        assert (len(seen), current_token()) == (1, version)
    finally:
        unregister()


def test_in_a_request_the_callbacks_wait_for_the_response(db, django_capture_on_commit_callbacks):
    """A request that commits twice (a publication saves, then logs) runs them once, after the response."""
    seen = []
    unregister = content_version.on_change(seen.append)
    content_version.request_started()  # the receiver itself: the signal would close the connection
    try:
        for _commit in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                rename_theme(None, None, None)
        assert seen == []
        content_version.request_finished()
        assert seen == [current_token()]
    finally:
        content_version.request_finished()
        unregister()
