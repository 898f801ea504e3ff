"""The demo's absolute links (iCal, emails, sitemap, og:url) use the address scripts/demo.sh serves."""

import pytest
from wagtail.models import Site

from demo.builders import ensure_site_address, get_context, site_address
from tests.factories import FicheFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _demo_address(settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"  # the dev settings' value


def test_the_migration_site_moves_to_the_demo_address_once(fiche_index):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
    assert ensure_site_address(get_context()).created == 1
    fiche = FicheFactory(title="Essai", slug="essai")
    assert fiche.full_url == "http://127.0.0.1:8000/ressources/essai/"
    again = ensure_site_address(get_context())
    assert (again.created, again.existing) == (0, 1)


def test_a_site_moved_elsewhere_is_left_alone(fiche_index):
    Site.objects.filter(is_default_site=True).update(hostname="ressources.kazasso.re", port=443)
    assert ensure_site_address(get_context()).created == 0
    assert Site.objects.get(is_default_site=True).root_url == "https://ressources.kazasso.re"


@pytest.mark.parametrize(
    ("base_url", "address"),
    [("http://127.0.0.1:8000", ("127.0.0.1", 8000)), ("https://kazasso.re", ("kazasso.re", 443))],
)
def test_site_address(base_url, address):
    assert site_address(base_url) == address
