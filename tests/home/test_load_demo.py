"""`load_demo`: the spread of content, idempotence, passwords, and refusal in production."""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from taggit.models import Tag
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from fiches.models import FichePage, FicheRelatedLink
from members.models import Structure
from taxonomy.models import Theme, Typology

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def snapshot() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "tags": Tag.objects.count(),
        "documents": Document.objects.count(),
        "images": Image.objects.count(),
        "users": get_user_model().objects.count(),
        "related": FicheRelatedLink.objects.count(),
        "structures": Structure.objects.count(),
    }


def test_demo_content_covers_every_facet():
    call_command("load_demo", verbosity=0)
    fiches = FichePage.objects.live()
    assert fiches.count() >= 30
    themes = Counter(slug for f in fiches for slug in f.themes.values_list("slug", flat=True))
    assert set(themes) == set(Theme.objects.values_list("slug", flat=True))
    assert set(fiches.values_list("typology__slug", flat=True)) == set(
        Typology.objects.values_list("slug", flat=True)
    )
    assert set(fiches.values_list("structure__slug", flat=True)) == set(
        Structure.objects.values_list("slug", flat=True)
    )
    assert len({f.first_published_at.year for f in fiches}) >= 3
    tag_names = set(Tag.objects.values_list("name", flat=True))
    assert {"Résilience", "Covid-19", "AG à distance"} <= tag_names
    assert all(1 <= f.themes.count() <= 3 and f.chapo for f in fiches)


def test_running_twice_changes_nothing():
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first


def test_deleted_fiche_is_recreated_alone():
    call_command("load_demo", verbosity=0)
    victim = FichePage.objects.live().order_by("pk").first()
    slug = victim.slug
    victim.delete()
    before = FichePage.objects.count()
    call_command("load_demo", verbosity=0)
    assert FichePage.objects.count() == before + 1
    assert FichePage.objects.filter(slug=slug, live=True).exists()


def test_admin_password_from_option_then_environment(monkeypatch):
    monkeypatch.setenv("KAZASSO_DEMO_PASSWORD", "depuis-l-environnement")
    call_command("load_demo", verbosity=0, password="depuis-l-option")
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("depuis-l-option")
    # A second run never changes an existing password.
    call_command("load_demo", verbosity=0, password="autre-chose")
    admin.refresh_from_db()
    assert admin.check_password("depuis-l-option")


def test_admin_password_from_environment(monkeypatch):
    monkeypatch.setenv("KAZASSO_DEMO_PASSWORD", "depuis-l-environnement")
    call_command("load_demo", verbosity=0)
    assert get_user_model().objects.get(username="admin").check_password("depuis-l-environnement")


def test_default_password(monkeypatch):
    monkeypatch.delenv("KAZASSO_DEMO_PASSWORD", raising=False)
    call_command("load_demo", verbosity=0)
    assert get_user_model().objects.get(username="admin").check_password("kazasso-demo")


def test_refuses_to_run_in_production(settings):
    settings.KAZASSO_ENVIRONMENT = "production"
    before = snapshot()
    with pytest.raises(CommandError, match="production"):
        call_command("load_demo", verbosity=0)
    assert snapshot() == before


def test_demo_pages_render(client):
    call_command("load_demo", verbosity=0)
    assert client.get("/").status_code == 200
    listing = client.get("/ressources/")
    assert listing.context["result_count"] >= 30
    for fiche in FichePage.objects.live()[:40]:
        assert client.get(fiche.url).status_code == 200, fiche.url
