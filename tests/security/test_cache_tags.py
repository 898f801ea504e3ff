"""Issue 12, point 7: a tag's name is public only once a live, public page carries it."""

import pytest
from django.test import Client
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from tests.factories import FicheFactory

pytestmark = pytest.mark.django_db

HIDDEN = (404, 404, 404, False, False)
PUBLIC = (200, 200, 200, True, True)


def shown(client: Client, name: str) -> tuple[int, int, int, bool, bool]:
    """Statuses of the tag's page, RSS and Atom feeds; whether /tags/ and the sitemap name it."""
    slug = Tag.objects.get(name=name).slug
    statuses = [
        client.get(url).status_code
        for url in (f"/tags/{slug}/", f"/flux/tags/{slug}/", f"/flux/tags/{slug}/atom/")
    ]
    in_list = name in client.get("/tags/").content.decode()
    in_sitemap = f"/tags/{slug}/" in client.get("/sitemap.xml").content.decode()
    return (*statuses, in_list, in_sitemap)


def test_tags_of_drafts_and_restricted_pages_stay_unknown_until_published(client, fiche_index):
    FicheFactory(title="Une fiche publique", tags=["Trésorerie"])
    draft = FicheFactory(title="Projet de fusion", tags=["Fusion confidentielle"], live=False)
    private = FicheFactory(title="Note interne", tags=["Dossier réservé"])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")
    assert shown(client, "Trésorerie") == PUBLIC
    assert shown(client, "Fusion confidentielle") == HIDDEN
    assert shown(client, "Dossier réservé") == HIDDEN
    draft.get_latest_revision().publish()
    assert shown(client, "Fusion confidentielle") == PUBLIC
