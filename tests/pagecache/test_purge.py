"""Each kind of change purges the cached pages that show it (Wagtail and model signals)."""

import pytest
from django.test import Client
from taggit.models import Tag
from wagtail.models import Site

from events.models import EventTag
from events.services import cancel
from fiches.models import FicheTag
from home.models import SiteSettings
from members.models import Structure
from taxonomy.models import Theme, Typology
from tests.factories import EventFactory, FicheFactory, RegistrationFactory, reunion
from tests.pagecache.conftest import cached, fetch

pytestmark = pytest.mark.django_db


@pytest.fixture
def fiche(fiche_index):
    return FicheFactory(
        title="Demander une subvention de fonctionnement",
        slug="subvention-fonctionnement",
        structure=Structure.objects.get(slug="crajep-reunion"),
        themes=["financement"],
    )


def refreshed(client: Client, url: str) -> str:
    """The page after a change: rendered again, not served from the cache."""
    status, state, page = fetch(client, url)
    assert state == "MISS"
    return page


def test_publishing_a_new_fiche_refreshes_the_listing(client, fiche):
    assert "Tenir sa comptabilité" not in cached(client, "/ressources/")
    FicheFactory(title="Tenir sa comptabilité simplement")
    assert "Tenir sa comptabilité simplement" in refreshed(client, "/ressources/")


def test_publishing_a_new_revision_refreshes_the_page(client, fiche):
    cached(client, fiche.url)
    fiche.title = "Subventions : le dossier Cerfa pas à pas"
    fiche.save_revision().publish()
    assert "Subventions : le dossier Cerfa pas à pas" in refreshed(client, fiche.url)


def test_unpublishing_removes_the_page_and_its_card(client, fiche):
    cached(client, fiche.url)
    assert fiche.title in cached(client, "/ressources/")
    fiche.unpublish()
    assert fetch(client, fiche.url)[:2] == (404, "MISS")
    assert fiche.title not in refreshed(client, "/ressources/")


def test_moving_a_page_retires_its_old_address(client, fiche, home_page):
    old_url = fiche.url
    cached(client, old_url)
    fiche.move(home_page, pos="last-child")
    # Wagtail leaves a redirect to the new address, which the cache must not hide.
    assert fetch(client, old_url)[:2] == (301, "MISS")


def test_deleting_a_page_retires_it(client, fiche):
    url = fiche.url
    cached(client, url)
    fiche.delete()
    assert fetch(client, url)[:2] == (404, "MISS")


def test_renaming_a_structure_refreshes_its_page_and_its_fiches(client, fiche):
    structure_url = fiche.structure.get_absolute_url()
    cached(client, structure_url)
    cached(client, fiche.url)
    structure = Structure.objects.get(pk=fiche.structure_id)
    structure.name = "Comité régional des associations de jeunesse"
    structure.save()
    assert "Comité régional des associations de jeunesse" in refreshed(client, structure_url)
    assert "Comité régional des associations de jeunesse" in refreshed(client, fiche.url)


def test_renaming_a_theme_refreshes_the_pages_showing_it(client, fiche):
    cached(client, fiche.url)
    cached(client, "/themes/financement/")
    theme = Theme.objects.get(slug="financement")
    theme.name = "Trouver des financements"
    theme.save()
    assert "Trouver des financements" in refreshed(client, fiche.url)
    assert "Trouver des financements" in refreshed(client, "/themes/financement/")


def test_deleting_a_theme_refreshes_its_page(client, fiche):
    cached(client, "/themes/financement/")
    Theme.objects.get(slug="financement").delete()
    assert fetch(client, "/themes/financement/")[:2] == (404, "MISS")


def test_renaming_a_typology_refreshes_the_fiche(client, fiche):
    cached(client, fiche.url)
    typology = Typology.objects.get(pk=fiche.typology_id)
    typology.name = "Pas-à-pas"
    typology.save()
    assert "Pas-à-pas" in refreshed(client, fiche.url)


def test_renaming_a_tag_refreshes_the_tag_list(client, fiche_index):
    FicheFactory(tags=["Subvention"])
    assert "Subvention" in cached(client, "/tags/")
    tag = Tag.objects.get(name="Subvention")
    tag.name = "Subventions publiques"
    tag.save()
    assert "Subventions publiques" in refreshed(client, "/tags/")


def test_tagging_a_fiche_refreshes_the_tag_list(client, fiche):
    tag = Tag.objects.create(name="Mécénat", slug="mecenat")
    assert "Mécénat" not in cached(client, "/tags/")
    FicheTag.objects.create(tag=tag, content_object=fiche)
    assert "Mécénat" in refreshed(client, "/tags/")
    FicheTag.objects.filter(tag=tag).delete()
    assert "Mécénat" not in refreshed(client, "/tags/")


def test_tagging_an_event_refreshes_the_tag_list(client, event_index, frozen_now):
    frozen_now(reunion(2030, 3, 1, 12))
    event = EventFactory(slug="atelier-mots-cles", registration_enabled=False)
    tag = Tag.objects.create(name="Bénévolat", slug="benevolat")
    assert "Bénévolat" not in cached(client, "/tags/")
    EventTag.objects.create(tag=tag, content_object=event)
    assert "Bénévolat" in refreshed(client, "/tags/")


def test_a_cancelled_registration_reopens_a_full_event_page(client, event_index, frozen_now):
    """Full without a waiting list: no form, so the page is cached; a cancellation frees a seat."""
    frozen_now(reunion(2030, 3, 1, 12))
    event = EventFactory(
        slug="atelier-complet", capacity=1, max_seats_per_registration=1, waitlist_enabled=False
    )
    registration = RegistrationFactory(event=event)
    assert 'name="csrfmiddlewaretoken"' not in cached(client, event.url)
    cancel(registration)
    assert 'name="csrfmiddlewaretoken"' in refreshed(client, event.url)


def test_changing_the_site_settings_refreshes_the_footer(client, fiche):
    cached(client, "/")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer_text = "Le collectif des têtes de réseau associatives."
    site_settings.save()
    assert "Le collectif des têtes de réseau associatives." in refreshed(client, "/")


def test_saving_a_draft_of_an_unpublished_page_keeps_the_cache(client, fiche):
    draft = FicheFactory(title="Brouillon en cours", live=False)
    cached(client, "/ressources/")
    draft.title = "Brouillon en cours, deuxième version"
    draft.save_revision()
    assert fetch(client, "/ressources/")[1] == "HIT"


@pytest.mark.parametrize("url", ["/evenements/", "/", "/structures/crajep-reunion/", "/recherche/?q=atelier"])
def test_a_registration_refreshes_the_cards_showing_its_seats(client, event_index, frozen_now, url):
    """Cards say "Plus que N places": pages listing an event are keyed by its seat version."""
    frozen_now(reunion(2030, 3, 1, 12))
    event = EventFactory(slug="atelier-jauge", title="Atelier jauge", capacity=4)
    RegistrationFactory(event=event, seats=1)
    assert "Plus que 3 places" in cached(client, url)
    RegistrationFactory(event=event, seats=2, email="autre@asso.re")
    assert "Plus qu&#x27;une place" in refreshed(client, url)
