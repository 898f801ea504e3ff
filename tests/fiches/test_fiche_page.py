"""A fiche page: facts, links to the filtered listing, documents, related fiches, metadata."""

import json
from urllib.parse import parse_qs, urlparse

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction

from fiches.models import FicheRelatedLink
from members.models import Structure
from tests.factories import FicheFactory, aware

pytestmark = pytest.mark.django_db


@pytest.fixture
def fiche(fiche_index):
    document = Document.objects.create(
        title="Modèle de procès-verbal d'AG", file=ContentFile(b"%PDF-1.4 test", name="pv-ag.pdf")
    )
    page = FicheFactory(
        title="Tenir son assemblée générale à distance",
        slug="ag-a-distance",
        chapo="Visioconférence, vote par correspondance : ce que permettent vos statuts.",
        structure=Structure.objects.get(slug="mouvement-associatif-reunion"),
        themes=["gouvernance-vie-statutaire", "crise-resilience"],
        tags=["AG à distance", "Résilience"],
        published_at=aware(2020, 4, 20),
        updated_on=aware(2025, 3, 1).date(),
        body=json.dumps(
            [
                {"type": "heading", "value": {"text": "Ce que disent vos statuts", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Relisez d'abord vos statuts.</p>"},
                {
                    "type": "key_points",
                    "value": {"title": "À retenir", "text": "<p>Le quorum s'applique aussi à distance.</p>"},
                },
                {
                    "type": "testimony",
                    "value": {
                        "quote": "Nous avons voté en ligne.",
                        "author": "Mireille",
                        "role": "Présidente",
                    },
                },
                {
                    "type": "document",
                    "value": {"document": document.pk, "title": "", "description": "Prêt à adapter."},
                },
                {
                    "type": "faq",
                    "value": {
                        "title": "Questions",
                        "items": [{"question": "Et le vote ?", "answer": "<p>Oui.</p>"}],
                    },
                },
                {
                    "type": "links",
                    "value": {
                        "title": "Liens",
                        "links": [{"title": "Service public", "url": "https://www.service-public.fr/"}],
                    },
                },
            ]
        ),
    )
    return page


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_fiche_page_shows_its_facts(client, fiche):
    response = client.get("/ressources/ag-a-distance/")
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.h1.get_text(strip=True) == "Tenir son assemblée générale à distance"
    text = soup.get_text(" ", strip=True)
    assert "Visioconférence, vote par correspondance" in text
    assert "20 avril 2020" in text  # publication date, in French
    assert "1er mars 2025" in text  # "à jour au", French style for the first of the month
    assert "Nous avons voté en ligne." in text
    assert "Le quorum s'applique aussi à distance." in text


def test_breadcrumb(client, fiche):
    soup = soup_of(client.get("/ressources/ag-a-distance/"))
    crumbs = soup.select("nav.breadcrumb li")
    assert [li.get_text(strip=True) for li in crumbs] == [
        "Accueil",
        "Ressources",
        "Tenir son assemblée générale à distance",
    ]
    assert crumbs[1].a["href"] == "/ressources/"
    assert crumbs[-1].get("aria-current") == "page"


def test_structure_links_to_its_page(client, fiche):
    soup = soup_of(client.get("/ressources/ag-a-distance/"))
    hrefs = [a["href"] for a in soup.select(".fiche a")]
    assert "/structures/mouvement-associatif-reunion/" in hrefs


def _listing_links(soup: BeautifulSoup) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for a in soup.select("a[href^='/ressources/?']"):
        for key, values in parse_qs(urlparse(a["href"]).query).items():
            found.setdefault(key, set()).update(values)
    return found


def test_theme_typology_and_tag_link_to_the_filtered_listing(client, fiche):
    links = _listing_links(soup_of(client.get("/ressources/ag-a-distance/")))
    assert links["theme"] == {"gouvernance-vie-statutaire", "crise-resilience"}
    assert links["typologie"] == {"fiche-pratique"}
    assert links["tagged_with"] == {"AG à distance", "Résilience"}


def test_every_listing_link_finds_the_fiche_again(client, fiche):
    soup = soup_of(client.get("/ressources/ag-a-distance/"))
    hrefs = {a["href"] for a in soup.select("a[href^='/ressources/?']")}
    assert len(hrefs) == 5
    for href in hrefs:
        response = client.get(href)
        assert response.context["notices"] == [], href
        assert fiche.title in [f.title for f in response.context["fiches"].object_list], href


def test_documents_are_listed(client, fiche):
    soup = soup_of(client.get("/ressources/ag-a-distance/"))
    docs = soup.select(".doc-list a")
    assert [a.get_text(strip=True) for a in docs] == ["Modèle de procès-verbal d'AG"]
    assert docs[0]["href"].startswith("/documents/")


def test_metadata(client, fiche):
    soup = soup_of(client.get("/ressources/ag-a-distance/"))
    assert soup.title.get_text(strip=True) == "Tenir son assemblée générale à distance – Kaz Asso Ressources"
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith("Visioconférence")
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:title"] == "Tenir son assemblée générale à distance"
    assert og["og:type"] == "article"
    assert og["og:url"].endswith("/ressources/ag-a-distance/")
    assert og["og:description"].startswith("Visioconférence")
    assert og["og:locale"] == "fr_FR"


def test_search_description_overrides_meta_description(client, fiche):
    fiche.search_description = "Résumé pour les moteurs."
    fiche.save_revision().publish()
    soup = soup_of(client.get("/ressources/ag-a-distance/"))
    assert soup.find("meta", attrs={"name": "description"})["content"] == "Résumé pour les moteurs."


def test_related_fiches_show_only_live_ones(client, fiche):
    live = FicheFactory(title="Rédiger le procès-verbal")
    draft = FicheFactory(title="Brouillon lié", live=False)
    FicheRelatedLink.objects.create(page=fiche, fiche=live, sort_order=0)
    FicheRelatedLink.objects.create(page=fiche, fiche=draft, sort_order=1)
    soup = soup_of(client.get("/ressources/ag-a-distance/"))
    related = [a.get_text(strip=True) for a in soup.select(".related .card__title a")]
    assert related == ["Rédiger le procès-verbal"]


def test_private_fiche_is_not_related_and_shows_its_own_tags_to_members(client, fiche, django_user_model):
    private = FicheFactory(slug="reservee", themes=["crise-resilience"], tags=["Interne"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    FicheRelatedLink.objects.create(page=fiche, fiche=private, sort_order=0)
    assert soup_of(client.get("/ressources/ag-a-distance/")).select(".related .card__title a") == []
    client.force_login(django_user_model.objects.create_user("membre", password="x"))
    links = _listing_links(soup_of(client.get("/ressources/reservee/")))  # read outside the catalogue
    assert (links["theme"], links["tagged_with"]) == ({"crise-resilience"}, {"Interne"})


def test_unpublished_fiche_is_404(client, fiche_index):
    FicheFactory(slug="secret", live=False)
    assert client.get("/ressources/secret/").status_code == 404


def test_unknown_fiche_is_404_in_french(client, fiche_index):
    response = client.get("/ressources/nexiste-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
