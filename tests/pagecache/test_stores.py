"""Where the pages and the published content version live: Redis, a file shared by the host's processes."""

import logging
import os
import uuid

import pytest
import redis
from django.core.cache import caches

from members.models import Structure
from site_kazasso import content_version
from site_kazasso.settings.caching import build_caches
from tests.factories import FicheFactory
from tests.pagecache.conftest import cached, fetch

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("KAZASSO_TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


@pytest.fixture
def fiche(fiche_index):
    return FicheFactory(title="Recruter un service civique", slug="service-civique")


@pytest.fixture
def redis_pages(settings):
    """The page cache on Redis, under a key prefix of its own (tests may run in parallel)."""
    prefix = f"kazasso-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "redis_pages": {**build_caches({"REDIS_URL": REDIS_URL})["pages"], "KEY_PREFIX": prefix},
    }
    settings.KAZASSO_PAGE_CACHE_ALIAS = "redis_pages"
    yield caches["redis_pages"]
    server = redis.Redis.from_url(REDIS_URL)
    for key in server.scan_iter(match=f"{prefix}:*"):
        server.delete(key)


def test_pages_and_their_version_live_in_redis(
    client, fiche, redis_pages, django_capture_on_commit_callbacks
):
    cached(client, fiche.url)
    structure = Structure.objects.get(pk=fiche.structure_id)
    structure.name = "Centre régional des associations"
    with django_capture_on_commit_callbacks(execute=True):
        structure.save()
    assert redis_pages.get("kazasso:content-version:content") == content_version.current()
    assert content_version.published() == content_version.current()
    status, state, page = fetch(client, fiche.url)
    assert (status, state) == (200, "MISS")
    assert "Centre régional des associations" in page
    assert fetch(client, fiche.url)[1] == "HIT"


def test_a_version_written_by_another_process_reaches_this_one(
    client, fiche, settings, tmp_path, django_capture_on_commit_callbacks
):
    """Without Redis every worker has its own memory; the version file is what they share."""
    settings.KAZASSO_PAGE_CACHE_GENERATION_FILE = str(tmp_path / "var" / "generation")
    cached(client, fiche.url)
    (tmp_path / "var" / "generation").write_text("ecrit-par-un-autre-processus")
    assert fetch(client, fiche.url)[1] == "MISS"
    assert fetch(client, fiche.url)[1] == "HIT"
    with django_capture_on_commit_callbacks(execute=True):
        content_version.changed()
    assert (tmp_path / "var" / "generation").read_text() == content_version.current()
    assert fetch(client, fiche.url)[1] == "MISS"


def test_an_unwritable_version_file_never_breaks_a_change(
    settings, tmp_path, caplog, django_capture_on_commit_callbacks
):
    blocker = tmp_path / "fichier"
    blocker.write_text("")
    settings.KAZASSO_PAGE_CACHE_GENERATION_FILE = str(blocker / "generation")
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        content_version.changed()
    assert "Impossible d'écrire la version du contenu" in caplog.text
