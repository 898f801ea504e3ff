"""Steps on the public site, as a reader does them."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def open_filters(page) -> None:
    """On a phone the "Affiner" panel starts folded: unfold it as the reader would."""
    panel = page.locator("details.facets__panel")
    if panel.get_attribute("open") is None:
        panel.locator("summary").click()
    expect(panel).to_have_attribute("open", "")


def choose_facet(page, facet: str, option: str) -> None:
    """Click an option of one facet ("Thème", "Mot-clé"…) and wait for the filtered listing."""
    open_filters(page)
    section = page.locator("section.facet", has=page.get_by_role("heading", name=facet, exact=True))
    link = section.get_by_role("link", name=re.compile(rf"^{re.escape(option)}\b"))
    with page.expect_navigation():
        link.click()


def card_titles(page) -> list[str]:
    return page.locator(".card__title").all_inner_texts()


def register(page, association: str, email: str, seats: int) -> None:
    """Fill and send an event's registration form."""
    page.get_by_label("Nom de l'association").fill(association)
    page.get_by_label("Nom et prénom de la personne à contacter").fill("Josiane Payet")
    page.get_by_label("Courriel").fill(email)
    page.get_by_label("Nombre de places").fill(str(seats))
    page.get_by_label("J'accepte").check()
    with page.expect_navigation():
        page.get_by_role("button", name="S'inscrire").click()
