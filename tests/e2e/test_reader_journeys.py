"""A reader narrows the fiche listing; readers register for a webinar until it is full."""

from __future__ import annotations

from pathlib import Path

from django.core import mail
from playwright.sync_api import expect

from events.models import Registration
from tests.e2e.public import card_titles, choose_facet, register
from tests.e2e.seed import E2E, seed_site

pytestmark = E2E


def test_reader_filters_fiches_and_pages_through(page, shots, settings):
    settings.FICHES_PER_PAGE = 2
    seed_site(extra_fiches=6)
    page.goto("/ressources/")
    expect(page.locator("#results-title")).to_have_text("9 ressources")
    shots(page, "toutes-les-ressources")

    choose_facet(page, "Thème", "Financement, subventions et mécénat")
    expect(page.locator("#results-title")).to_have_text("8 ressources")
    choose_facet(page, "Mot-clé", "Subventions")
    expect(page.locator("#results-title")).to_have_text("7 ressources")
    assert "Monter un dossier de mécénat" not in card_titles(page)
    shots(page, "theme-et-mot-cle")

    choose_facet(page, "Typologie", "Guide")
    expect(page.locator("#results-title")).to_have_text("3 ressources")
    assert "theme=financement" in page.url and "typologie=guide" in page.url and "tagged_with=" in page.url
    first_page = card_titles(page)
    assert len(first_page) == 2
    shots(page, "typologie-page-1")

    with page.expect_navigation():
        page.get_by_role("link", name="Suivante page").click()
    expect(page.locator(".pagination [aria-current=page]")).to_have_text("Page 2")
    second_page = card_titles(page)
    assert second_page == ["Budget prévisionnel, exemple 5"]
    assert set(first_page) == {"Budget prévisionnel, exemple 1", "Budget prévisionnel, exemple 3"}
    shots(page, "typologie-page-2")

    with page.expect_navigation():
        page.get_by_role("link", name="Précédente page").click()
    assert card_titles(page) == first_page


def test_readers_register_until_the_waiting_list(new_page, shots):
    webinar = seed_site().webinar
    first = new_page()
    first.goto("/evenements/")
    with first.expect_navigation():
        first.get_by_role("link", name=webinar.title).click()
    expect(first.locator(".registration__seats")).to_have_text("4 places disponibles sur 4.")
    register(first, "Les Amis du Volcan", "volcan@asso.re", 1)
    expect(first.locator(".confirmation")).to_contain_text("Votre inscription est confirmée")
    expect(first.locator(".confirmation")).to_contain_text("volcan@asso.re")
    shots(first, "inscription-confirmee")
    confirmation = [email for email in mail.outbox if email.to == ["volcan@asso.re"]]
    assert len(confirmation) == 1
    assert webinar.visio_url in confirmation[0].body

    with first.expect_download() as download:
        first.get_by_role("link", name="Ajouter à mon agenda").first.click()
    assert download.value.suggested_filename.endswith(".ics")
    ics = Path(download.value.path()).read_text(encoding="utf-8")
    assert "BEGIN:VCALENDAR" in ics and "réussir son assemblée générale" in ics.replace("\r\n ", "")
    assert webinar.visio_url not in ics

    second = new_page()
    second.goto(webinar.url)
    register(second, "Judo Club de Saint-Pierre", "judo@asso.re", 3)
    expect(second.locator(".confirmation")).to_contain_text("Votre inscription est confirmée")
    second.goto(webinar.url)
    expect(second.locator(".registration__seats")).to_contain_text("Complet")
    shots(second, "dernieres-places")

    third = new_page()
    third.goto(webinar.url)
    register(third, "Théâtre du Butor", "butor@asso.re", 1)
    expect(third.locator(".confirmation")).to_contain_text("liste d'attente")
    shots(third, "liste-attente")
    statuses = dict(Registration.objects.filter(event=webinar).values_list("email", "status"))
    assert statuses == {
        "volcan@asso.re": Registration.Status.CONFIRMED,
        "judo@asso.re": Registration.Status.CONFIRMED,
        "butor@asso.re": Registration.Status.WAITING,
    }
