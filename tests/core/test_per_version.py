"""What pages read once per content version (site_kazasso/pages.py, home/context_processors.py)
still follows every change: a restriction above a page, an alias of a restricted page, settings."""

import pytest
from wagtail.models import PageViewRestriction, Site

from home.models import SiteSettings
from tests.factories import FicheFactory

pytestmark = pytest.mark.django_db

SECRET = "Ornithorynque confidentiel"


def shown(client, url: str) -> bool:
    response = client.get(url)
    assert response.status_code == 200
    return SECRET in response.content.decode()


def test_a_restriction_on_an_ancestor_applies_at_once_and_lifts_at_once(client, fiche_index):
    fiche = FicheFactory(title=SECRET)
    assert shown(client, fiche.url)  # the paths to guard are now held for this version
    restriction = PageViewRestriction.objects.create(
        page=fiche_index, restriction_type="password", password="x"
    )
    assert not shown(client, fiche.url)
    assert 'name="password"' in client.get(fiche.url).content.decode()
    restriction.delete()
    assert shown(client, fiche.url)


def test_an_alias_takes_the_restriction_of_its_source(client, fiche_index):
    fiche = FicheFactory(title=SECRET)
    alias = fiche.create_alias(update_slug=f"{fiche.slug}-copie")
    assert shown(client, alias.url)
    PageViewRestriction.objects.create(page=fiche, restriction_type="login")
    response = client.get(alias.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_footer_shows_the_settings_as_soon_as_they_are_saved(client, fiche_index):
    fiche = FicheFactory()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text = "Premier texte du pied de page"
    settings.save()
    assert "Premier texte du pied de page" in client.get(fiche.url).content.decode()
    settings.footer_text = "Second texte du pied de page"
    settings.save()
    page = client.get(fiche.url).content.decode()
    assert "Second texte du pied de page" in page and "Premier texte" not in page
