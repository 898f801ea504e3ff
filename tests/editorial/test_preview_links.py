"""Draft preview links: who shares, what the partner sees, and when the link stops working."""

import datetime as dt
import html

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from editorial import sharing
from editorial.models import PreviewLink
from tests.editorial.helpers import fiche_form, refused
from tests.factories import FicheFactory

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Brouillon confidentiel sur le mécénat zanzibar"


@pytest.fixture
def fiche(people):
    """A published CRAJEP fiche whose latest revision is an unpublished draft."""
    page = FicheFactory(title="Trouver des mécènes", slug="trouver-des-mecenes")
    draft = page.get_latest_revision_as_object()
    draft.title = DRAFT_TITLE
    draft.save_revision(user=people.editor)
    return page


def links_url(page) -> str:
    return reverse("editorial_preview_links", args=[page.pk])


def create_link(client, user, page) -> PreviewLink:
    client.force_login(user)
    response = client.post(links_url(page))
    assert response.status_code == 302
    client.logout()
    return PreviewLink.objects.latest("pk")


def visit(link: PreviewLink, **kwargs):
    return Client().get(f"/apercu/{link.token}/", **kwargs)


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_page_editors_and_the_coordination_share_reviewers_never(client, people, fiche):
    edit_url = reverse("wagtailadmin_pages:edit", args=[fiche.pk])
    for user in (people.editor, people.coordinator):
        client.force_login(user)
        assert links_url(fiche) in client.get(edit_url).content.decode()
        assert client.get(links_url(fiche)).status_code == 200
        create_link(client, user, fiche)
    assert PreviewLink.objects.count() == 2
    link = PreviewLink.objects.latest("pk")
    # A reviewer from another structure, an editor of another structure: no button, no link.
    for user in (people.reviewer, people.other_editor):
        client.force_login(user)
        assert links_url(fiche) not in client.get(edit_url).content.decode()
        assert refused(client.get(links_url(fiche)))
        assert refused(client.post(links_url(fiche)))
        assert refused(client.post(reverse("editorial_preview_link_revoke", args=[link.pk])))
    assert PreviewLink.objects.count() == 2 and PreviewLink.objects.filter(revoked_at=None).count() == 2
    assert PageLogEntry.objects.filter(page=fiche, action=sharing.CREATED).count() == 2


def test_the_link_shows_the_latest_draft_read_only_and_never_indexed(client, people, fiche):
    link = create_link(client, people.editor, fiche)
    assert link.expires_at == link.created_at + dt.timedelta(days=7)
    response = visit(link)
    assert response.status_code == 200
    page = text(response)
    assert DRAFT_TITLE in page  # the latest revision, not the live page
    assert '<meta name="robots" content="noindex">' in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "/admin/" not in page
    # Even for a logged-in editor: no user bar, no admin link.
    client.force_login(people.editor)
    assert "/admin/" not in text(client.get(f"/apercu/{link.token}/"))
    # Nothing can be posted through it.
    assert Client().post(f"/apercu/{link.token}/", {"title": "Piraté"}).status_code == 405
    link.refresh_from_db()
    assert link.view_count == 2 and link.last_viewed_at is not None
    fiche.refresh_from_db()
    assert fiche.title == "Trouver des mécènes" and fiche.get_latest_revision_as_object().title == DRAFT_TITLE


def test_the_anonymous_page_cache_never_keeps_a_preview(people, fiche, settings):
    settings.KAZASSO_PAGE_CACHE = True
    link = create_link(Client(), people.editor, fiche)
    first, second = visit(link), visit(link)
    assert "X-Cache" not in first and "X-Cache" not in second
    link.refresh_from_db()
    assert link.view_count == 2


def test_tampered_expired_and_revoked_links_are_refused_in_french(client, people, fiche):
    link = create_link(client, people.editor, fiche)
    tampered = Client().get(f"/apercu/{link.token[:-1]}x/")
    assert tampered.status_code == 404 and "Lien d'aperçu introuvable" in text(tampered)
    assert DRAFT_TITLE not in text(tampered) and tampered["X-Robots-Tag"] == "noindex, nofollow"

    with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1)):
        expired = visit(link)
    assert expired.status_code == 410 and "Ce lien d'aperçu a expiré" in text(expired)

    client.force_login(people.editor)
    assert client.post(reverse("editorial_preview_link_revoke", args=[link.pk])).status_code == 302
    revoked = visit(link)
    assert revoked.status_code == 410 and "Ce lien d'aperçu a été révoqué" in text(revoked)
    assert DRAFT_TITLE not in text(revoked)
    link.refresh_from_db()
    assert link.revoked_by == people.editor and link.view_count == 0
    assert PageLogEntry.objects.filter(page=fiche, action=sharing.REVOKED, user=people.editor).exists()
    listing = text(client.get(links_url(fiche)))
    assert "Révoqué le" in listing and "par Amelie" in listing


def test_the_draft_is_absent_from_the_sitemap_search_and_feeds(client, people, fiche):
    link = create_link(client, people.editor, fiche)
    assert visit(link).status_code == 200
    sitemap = Client().get("/sitemap.xml").content.decode()
    assert "/ressources/trouver-des-mecenes/" in sitemap
    assert "apercu" not in sitemap and link.token not in sitemap
    found = text(Client().get("/recherche/?q=mécènes"))
    assert "Trouver des mécènes" in found and "Brouillon confidentiel" not in found and "apercu" not in found
    assert "Brouillon confidentiel" not in text(Client().get("/recherche/?q=zanzibar"))
    for listing in ("/flux/ressources/", "/ressources/", "/structures/crajep-reunion/"):
        page = text(Client().get(listing))
        assert "Trouver des mécènes" in page and "Brouillon confidentiel" not in page and "apercu" not in page


def test_a_reviewer_cannot_edit_the_draft_by_posting_to_the_link(people, fiche):
    """The link serves GET and HEAD only; the admin form posted to it changes nothing."""
    link = create_link(Client(), people.editor, fiche)
    response = Client().post(f"/apercu/{link.token}/", fiche_form(fiche, title="Titre changé"))
    assert response.status_code == 405
    assert Client().head(f"/apercu/{link.token}/").status_code == 200
    assert fiche.get_latest_revision_as_object().title == DRAFT_TITLE


def test_an_unpublished_event_previews_as_the_public_would_see_it(people):
    from tests.factories import EventFactory

    event = EventFactory(title="Webinaire en préparation", live=False, registration_enabled=True, capacity=20)
    link = sharing.create_link(event, people.editor)
    response = visit(link)
    assert response.status_code == 200
    page = text(response)
    assert "Webinaire en préparation" in page and "salle-secrete-123" not in page and "/admin/" not in page
    assert Client().get(f"/evenements/{event.slug}/").status_code == 404  # not live: only the link shows it
