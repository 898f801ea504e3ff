"""Point 6 of issue 12: a new page whose slug a first autosave already took never fails on it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.text import slugify

from fiches.models import FicheIndexPage, FichePage
from taxonomy.models import Theme
from tests.editorial.conftest import people  # noqa: F401  (fixture)
from tests.editorial.helpers import fiche_form

pytestmark = pytest.mark.django_db

TITLE = "Accueillir de nouveaux bénévoles"


@pytest.fixture
def editor_client(client, people, fiche_index):  # noqa: F811
    client.force_login(people.editor)
    return client


def post_create(client, as_json: bool = False, **overrides):
    """The create view's POST, as the form's "Enregistrer" or as an autosave (JSON)."""
    overrides.setdefault("themes", [Theme.objects.get(slug="benevolat-engagement").pk])
    url = reverse("wagtailadmin_pages:add", args=["fiches", "fichepage", FicheIndexPage.objects.get().pk])
    headers = {"HTTP_ACCEPT": "application/json"} if as_json else {}
    return client.post(url, fiche_form(title=TITLE, **overrides), **headers)


def test_a_derived_slug_already_taken_gets_a_free_suffix(editor_client):
    slug = slugify(TITLE)  # ASCII: WAGTAIL_ALLOW_UNICODE_SLUGS is off
    for _ in range(3):
        assert post_create(editor_client, slug=slug).status_code == 302
    slugs = sorted(FichePage.objects.filter(title=TITLE).values_list("slug", flat=True))
    assert slugs == [slug, f"{slug}-2", f"{slug}-3"]


def test_a_double_autosave_create_never_fails_and_later_saves_follow_the_edit_url(editor_client):
    first = post_create(editor_client, as_json=True, slug=slugify(TITLE))
    again = post_create(editor_client, as_json=True, slug=slugify(TITLE))  # the first had not answered
    assert (first.status_code, again.status_code) == (200, 200)
    assert first.json()["success"] and again.json()["success"]
    assert FichePage.objects.filter(title=TITLE).count() <= 2  # at most one extra draft
    page = FichePage.objects.get(pk=first.json()["pk"])
    data = fiche_form(page, chapo="Ce que l'éditrice a tapé ensuite.")
    response = editor_client.post(first.json()["url"], data, HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response.json()["success"]
    assert FichePage.objects.filter(title=TITLE).count() <= 2
    page = FichePage.objects.get(pk=page.pk)
    assert page.get_latest_revision_as_object().chapo == "Ce que l'éditrice a tapé ensuite."


def test_a_typed_slug_already_taken_is_named_on_its_field_and_at_the_top(editor_client):
    assert post_create(editor_client, slug="mon-adresse").status_code == 302
    response = post_create(editor_client, slug="mon-adresse", chapo="Mon chapô tapé à la main.")
    assert response.status_code == 200
    form = response.context["form"]
    assert "« mon-adresse » est déjà pris" in form.errors["slug"][0]
    assert "onglet « Promotion »" in form.non_field_errors()[0]
    soup = BeautifulSoup(response.content, "html.parser")
    assert "onglet « Promotion »" in soup.select_one(".messages").get_text()
    assert "Mon chapô tapé à la main." in response.content.decode()  # nothing typed is lost
    assert FichePage.objects.filter(title=TITLE).count() == 1
