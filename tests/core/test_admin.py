"""The admin: the "Référentiels" menu and the fiche editing form's own rules."""

import pytest
from django.contrib.auth.models import User
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from fiches.models import FichePage
from members.models import Structure
from taxonomy.models import Theme, Typology

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, admin_user: User):
    client.force_login(admin_user)
    return client


def test_reference_data_menu_lists_structures_themes_typologies(admin_client):
    response = admin_client.get("/admin/")
    html = response.content.decode()
    # The sidebar menu is serialised as JSON (accents escaped).
    assert '"name": "referentiels"' in html
    assert "R\\u00e9f\\u00e9rentiels" in html
    for item in ("structures-membres", "themes", "typologies"):
        assert f'"name": "{item}"' in html
    for url, expected in [
        ("/admin/members/structure/", "Maison des Associations de Saint-Benoît"),
        ("/admin/taxonomy/theme/", "Emploi et ressources humaines"),
        ("/admin/taxonomy/typology/", "Replay de webinaire"),
    ]:
        page = admin_client.get(url)
        assert page.status_code == 200
        assert expected in page.content.decode()


def test_structure_admin_search_and_filter(admin_client):
    found = admin_client.get("/admin/members/structure/?q=CROS").content.decode()
    assert "CROS de La Réunion" in found
    assert "UDAF de La Réunion" not in found
    east = admin_client.get("/admin/members/structure/?territory=est").content.decode()
    assert "Maison des Associations de Saint-Benoît" in east
    assert "CRAJEP Réunion" not in east


def test_admin_is_in_french(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert 'lang="fr"' in html
    assert "Tableau de bord" in html


def fiche_form(theme_slugs, **overrides):
    data = {
        "title": "Organiser une buvette",
        "slug": "organiser-une-buvette",
        "chapo": "Autorisation, licence temporaire, sécurité : les étapes.",
        "structure": Structure.objects.get(slug="cros-reunion").pk,
        "typology": Typology.objects.get(slug="fiche-pratique").pk,
        "tags": "Buvette, Manifestation",
        "updated_on": "2026-01-15",
        "body": streamfield([("paragraph", rich_text("<p>Demandez l'autorisation en mairie.</p>"))]),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    form = nested_form_data(data)
    form["themes"] = [Theme.objects.get(slug=s).pk for s in theme_slugs]
    return form


@pytest.mark.parametrize(
    ("themes", "message"),
    [
        ([], "Choisissez au moins un thème."),
        (["financement", "emploi-rh", "evenements", "accompagnement"], "Choisissez entre 1 et 3 thèmes."),
    ],
)
def test_fiche_needs_one_to_three_themes(admin_client, fiche_index, themes, message):
    response = admin_client.post(f"/admin/pages/add/fiches/fichepage/{fiche_index.pk}/", fiche_form(themes))
    assert response.status_code == 200
    assert not FichePage.objects.filter(slug="organiser-une-buvette").exists()
    html = response.content.decode()
    assert response.context["form"].errors["themes"] == [message]
    assert message in html
    # What was typed is still in the form.
    assert "Autorisation, licence temporaire" in html


def test_fiche_created_through_the_admin(admin_client, fiche_index):
    response = admin_client.post(
        f"/admin/pages/add/fiches/fichepage/{fiche_index.pk}/", fiche_form(["evenements", "financement"])
    )
    assert response.status_code == 302
    fiche = FichePage.objects.get(slug="organiser-une-buvette")
    assert not fiche.live
    draft = fiche.get_latest_revision_as_object()
    assert {t.slug for t in draft.themes.all()} == {"evenements", "financement"}
    assert sorted(t.name for t in draft.tags.all()) == ["Buvette", "Manifestation"]


def test_fiche_requires_chapo_structure_and_typology_to_publish(admin_client, fiche_index):
    """Wagtail lets a draft miss its chapô; publishing it does not."""
    response = admin_client.post(
        f"/admin/pages/add/fiches/fichepage/{fiche_index.pk}/",
        {
            **fiche_form(["financement"], chapo="", structure="", typology=""),
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) >= {"chapo", "structure", "typology"}
