"""Public pages of the member structures."""

import pytest
from bs4 import BeautifulSoup

from members.models import Structure
from tests.factories import FicheFactory, aware

pytestmark = pytest.mark.django_db


def test_structure_list_shows_every_structure_with_its_live_fiche_count(client, fiche_index):
    ligue = Structure.objects.get(slug="ligue-enseignement-reunion")
    FicheFactory(structure=ligue)
    FicheFactory(structure=ligue)
    FicheFactory(structure=ligue, live=False)
    response = client.get("/structures/")
    assert response.status_code == 200
    counts = {s.slug: s.fiche_count for s in response.context["structures"]}
    assert len(counts) == 7
    assert counts["ligue-enseignement-reunion"] == 2
    assert counts["cros-reunion"] == 0
    soup = BeautifulSoup(response.content, "html.parser")
    assert "/structures/ligue-enseignement-reunion/" in [a["href"] for a in soup.select(".structure-card a")]


def test_structure_detail_lists_only_its_published_fiches(client, fiche_index):
    mda = Structure.objects.get(slug="mda-saint-benoit")
    mda.email = "contact@mda-exemple.re"
    mda.website = "https://mda.exemple.re/"
    mda.save()
    FicheFactory(title="Accueillir les associations de l'Est", structure=mda, published_at=aware(2024))
    FicheFactory(title="Brouillon de la MDA", structure=mda, live=False)
    FicheFactory(title="Fiche d'une autre structure")
    response = client.get("/structures/mda-saint-benoit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Maison des Associations de Saint-Benoît" in html
    assert "Accueillir les associations de l&#x27;Est" in html
    assert "Brouillon de la MDA" not in html
    assert "Fiche d&#x27;une autre structure" not in html
    assert "mailto:contact@mda-exemple.re" in html
    assert 'href="https://mda.exemple.re/"' in html
    assert "Est" in BeautifulSoup(html, "html.parser").select_one(".card__meta").get_text()


def test_structure_detail_links_to_the_filtered_listing_when_it_has_more(client, fiche_index):
    cros = Structure.objects.get(slug="cros-reunion")
    for i in range(13):
        FicheFactory(structure=cros, title=f"Sport {i}")
    response = client.get("/structures/cros-reunion/")
    assert len(response.context["fiches"]) == 12
    assert response.context["fiche_count"] == 13
    assert 'href="/ressources/?structure=cros-reunion"' in response.content.decode()


def test_structure_without_fiche_or_contact(client, fiche_index):
    response = client.get("/structures/udaf-reunion/")
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "n'a pas encore publié de ressource" in text
    assert "écrivez à la coordination" in text


@pytest.mark.parametrize("slug", ["inconnue", "x" * 300, "%C3%A9t%C3%A9"])
def test_unknown_structure_is_404(client, fiche_index, slug):
    response = client.get(f"/structures/{slug}/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_breadcrumb(client, fiche_index):
    soup = BeautifulSoup(client.get("/structures/crajep-reunion/").content, "html.parser")
    assert [li.get_text(strip=True) for li in soup.select("nav.breadcrumb li")][:2] == [
        "Accueil",
        "Structures membres",
    ]


def test_structure_page_shows_its_contact_details_and_a_plain_openstreetmap_link(client):
    mda = Structure.objects.get(slug="mda-saint-benoit")
    mda.address = "Rue du Général de Gaulle\n97470 Saint-Benoît"
    mda.opening_hours = "Du lundi au jeudi : 8 h 30 – 12 h\nLe vendredi : 8 h 30 – 12 h"
    mda.phone = "0262 00 10 20"
    mda.save()
    html = client.get("/structures/mda-saint-benoit/").content.decode()
    contact = BeautifulSoup(html, "html.parser").select_one(".contact-list")
    details = {dt.get_text(strip=True): dt.find_next_sibling("dd") for dt in contact.select("dt")}
    assert set(details) == {"Adresse", "Horaires d'ouverture", "Téléphone"}
    assert "Le vendredi : 8 h 30 – 12 h" in details["Horaires d'ouverture"].get_text()
    assert details["Téléphone"].a["href"] == "tel:0262001020"
    search = details["Adresse"].select_one("a.contact-list__map")["href"]
    assert search.startswith("https://www.openstreetmap.org/search?query=")
    assert "Saint-Beno%C3%AEt%2C+La+R%C3%A9union" in search

    mda.latitude, mda.longitude = "-21.033900", "55.712800"
    mda.save()  # Structure is registered with the content version: the page follows at once
    html = client.get("/structures/mda-saint-benoit/").content.decode()
    link = BeautifulSoup(html, "html.parser").select_one("a.contact-list__map")["href"]
    assert link == "https://www.openstreetmap.org/?mlat=-21.033900&mlon=55.712800#map=17/-21.033900/55.712800"
    # A link, not a map: nothing on the page is loaded from OpenStreetMap.
    assert "<iframe" not in html and 'src="https://www.openstreetmap' not in html


def test_logos_keep_their_ratio_with_rendition_sizes(client, settings, tmp_path):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    settings.MEDIA_ROOT = tmp_path
    cros = Structure.objects.get(slug="cros-reunion")
    cros.logo = get_image_model().objects.create(title="Logo", file=get_test_image_file(size=(300, 100)))
    cros.save()
    soup = BeautifulSoup(client.get("/structures/").content, "html.parser")
    logo = soup.select_one(".structure-card__logo")
    assert (logo["width"], logo["height"], logo["alt"]) == ("160", "53", "")  # max-160x80 of 300×100
