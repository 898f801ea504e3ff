"""Keyboard only: search, filters and the registration form work with Tab, Enter and Space,
and every element reached shows a visible focus; axe also checks the states they lead to."""

from __future__ import annotations

from playwright.sync_api import expect

from events.models import Registration
from tests.e2e.checks import axe_violations
from tests.e2e.keyboard import tab_to
from tests.e2e.seed import E2E, seed_site

pytestmark = E2E


def test_search_with_the_keyboard(desktop_page, shots):
    page = desktop_page
    seed_site()
    page.goto("/")
    stops = tab_to(page, "#header-q")
    assert stops[0]["text"] == "Aller au contenu"  # the skip link comes first
    page.keyboard.type("mécénat")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/recherche/?q=m%C3%A9c%C3%A9nat" in page.url
    tab_to(page, 'main a[href$="/monter-dossier-mecenat/"]')
    shots(page, "recherche-clavier")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Monter un dossier de mécénat")
    assert axe_violations(page) == []


def test_filters_with_the_keyboard(desktop_page, shots):
    page = desktop_page
    seed_site()
    page.goto("/ressources/")
    tab_to(page, 'section.facet a[href*="theme=financement"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("#results-title")).to_have_text("2 ressources")
    tab_to(page, 'section.facet a[href*="tagged_with=M"]')
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("#results-title")).to_have_text("1 ressource")
    shots(page, "filtres-clavier")
    tab_to(page, '.active-filters a.chip[href*="theme=financement"]')  # removes the tag
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("#results-title")).to_have_text("2 ressources")
    assert axe_violations(page) == []


def test_registration_form_with_the_keyboard(desktop_page, shots):
    page = desktop_page
    webinar = seed_site().webinar
    page.goto(webinar.url)
    tab_to(page, "#inscription button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".form__errors")).to_contain_text("erreur")
    shots(page, "formulaire-erreurs")
    assert axe_violations(page) == []

    tab_to(page, "input[name=association_name]")
    page.keyboard.type("Les Amis du Volcan")
    for value in ("", "Josiane Payet", "volcan@asso.re", None):
        page.keyboard.press("Tab")
        if value is None:
            page.keyboard.press("Control+A")
            page.keyboard.type("2")
        else:
            page.keyboard.type(value)
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.locator("input[name=consent]")).to_be_checked()
    tab_to(page, "#inscription button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".confirmation")).to_contain_text("Votre inscription est confirmée")
    shots(page, "inscription-clavier")
    assert axe_violations(page) == []
    registration = Registration.objects.get(event=webinar)
    assert (registration.association_name, registration.seats) == ("Les Amis du Volcan", 2)
