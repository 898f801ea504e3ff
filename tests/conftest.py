import pytest
from django.core.cache import caches

from fiches.models import FicheIndexPage
from home.models import HomePage
from site_kazasso import content_version
from taxonomy import catalogue


@pytest.fixture(autouse=True)
def _clear_cache():
    """Every test starts with empty caches, the anonymous page cache and the catalogue included.

    A database flushed between transactional tests loses the content version's row, so the
    version could read "initial" again over different content: drop the in-memory index too.
    """
    for alias in ("default", "pages", "catalogue", "template_fragments"):
        caches[alias].clear()
    catalogue.forget_local_copy()
    content_version.forget_per_version()
    yield
    for alias in ("default", "pages", "catalogue", "template_fragments"):
        caches[alias].clear()


@pytest.fixture
def fiche_index(db) -> FicheIndexPage:
    """/ressources/, created by the fiches data migration."""
    return FicheIndexPage.objects.get()


@pytest.fixture
def home_page(db) -> HomePage:
    return HomePage.objects.get()


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("chef", "chef@example.org", "motdepasse-solide")


@pytest.fixture
def event_index(db):
    from events.models import EventIndexPage

    return EventIndexPage.objects.get()


@pytest.fixture
def frozen_now(monkeypatch):
    """Set the events' clock: `frozen_now(datetime)`; returns the setter."""
    from events import clock

    def freeze(moment):
        monkeypatch.setattr(clock, "now", lambda: moment)
        return moment

    return freeze
