"""Keyboard only: search, filters and the registration form work with Tab, Enter and Space,
and every element reached shows a visible focus; axe also checks the states they lead to."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from events.models import Registration
from tests.e2e.checks import axe_violations
from tests.e2e.conftest import PHONE
from tests.e2e.keyboard import follow_with_keyboard, press_enter_and_follow, tab_to
from tests.e2e.seed import E2E, seed_site

pytestmark = E2E


def test_search_with_the_keyboard(desktop_page, shots):
    page = desktop_page
    seed_site()
    page.goto("/")
    stops = tab_to(page, "#header-q")
    assert stops[0]["text"] == "Aller au contenu"  # the skip link comes first
    page.keyboard.type("mécénat")
    press_enter_and_follow(page)
    assert "/recherche/?q=m%C3%A9c%C3%A9nat" in page.url
    tab_to(page, 'main a[href$="/monter-dossier-mecenat/"]')
    shots(page, "recherche-clavier")
    press_enter_and_follow(page)
    expect(page.locator("h1")).to_have_text("Monter un dossier de mécénat")
    assert axe_violations(page) == []


def test_filters_with_the_keyboard(desktop_page, shots):
    page = desktop_page
    seed_site()
    page.goto("/ressources/")
    follow_with_keyboard(page, 'section.facet a[href*="theme=financement"]')
    expect(page.locator("#results-title")).to_have_text("2 ressources")
    follow_with_keyboard(page, 'section.facet a[href*="tagged_with=M"]')
    expect(page.locator("#results-title")).to_have_text("1 ressource")
    shots(page, "filtres-clavier")
    follow_with_keyboard(page, '.active-filters a.chip[href*="theme=financement"]')  # removes the tag
    expect(page.locator("#results-title")).to_have_text("2 ressources")
    assert axe_violations(page) == []


def test_registration_form_with_the_keyboard(desktop_page, shots):
    page = desktop_page
    webinar = seed_site().webinar
    page.goto(webinar.url)
    follow_with_keyboard(page, "#inscription button[type=submit]")
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
    follow_with_keyboard(page, "#inscription button[type=submit]")
    expect(page.locator(".confirmation")).to_contain_text("Votre inscription est confirmée")
    shots(page, "inscription-clavier")
    assert axe_violations(page) == []
    registration = Registration.objects.get(event=webinar)
    assert (registration.association_name, registration.seats) == ("Les Amis du Volcan", 2)


@pytest.mark.parametrize("viewport", [PHONE], ids=["telephone"])
def test_menu_and_suggestions_with_the_keyboard(page, shots):
    """On a phone: the disclosure menu (Enter opens, Escape closes and gives the focus back), then
    the search suggestions as a combobox (arrows move, Escape closes, Enter opens the option)."""
    seed_site(extra_fiches=3)  # three "Budget prévisionnel" fiches
    page.goto("/evenements/")
    menu = page.locator("button.menu-toggle")
    stops = tab_to(page, "button.menu-toggle")
    assert [stop["text"] for stop in stops][0] == "Aller au contenu"
    expect(page.locator("#menu-principal")).to_be_hidden()
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    tab_to(page, '#menu-principal a[href="/ressources/"]', limit=2)
    shots(page, "menu-ouvert")
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(page.locator("#menu-principal")).to_be_hidden()

    box = page.locator("#header-q")
    tab_to(page, "#header-q", limit=1)  # the folded menu's links are skipped
    expect(box).to_have_attribute("role", "combobox")
    page.keyboard.type("budget")
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    expect(box).to_have_attribute("aria-expanded", "true")
    options = listbox.get_by_role("option")
    expect(options).to_have_count(3)
    expect(page.get_by_role("status").filter(has_text="3 suggestions")).to_have_count(1)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    first = options.nth(0)
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_be_focused()
    shots(page, "suggestions-clavier")
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(box).to_have_value("budget")  # Escape closes the list, the words stay
    page.keyboard.press("ArrowUp")  # reopens on the last option
    expect(options.nth(2)).to_have_attribute("aria-selected", "true")
    title = options.nth(2).inner_text().split(" – ")[0]
    press_enter_and_follow(page)
    expect(page.locator("h1")).to_have_text(title)
