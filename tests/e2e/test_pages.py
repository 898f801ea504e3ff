"""Accessibility (axe-core, WCAG 2.1 A and AA) and HTML validity (vnu) of the public pages."""

from __future__ import annotations

from events.services import confirmation_token
from tests.e2e.checks import axe_violations, vnu_errors
from tests.e2e.seed import E2E, seed_site
from tests.factories import RegistrationFactory

pytestmark = E2E

PAGES = {
    "accueil": "/",
    "ressources filtrées": "/ressources/?theme=financement&tagged_with=Subventions",
    "fiche": "/ressources/demander-subvention-departement/",
    "événements": "/evenements/",
    "événement et formulaire": "/evenements/webinaire-reussir-assemblee-generale/",
    "recherche avec résultats": "/recherche/?q=subvention",
    "recherche sans résultat": "/recherche/?q=xylophone",
    "mots-clés": "/tags/",
    "structure": "/structures/crajep-reunion/",
    "mentions légales": "/mentions-legales/",
    "données personnelles": "/donnees-personnelles/",
    "déclaration d'accessibilité": "/accessibilite/",
    "plan du site": "/plan-du-site/",
}


def seed_pages() -> dict[str, str]:
    """The site, and a registration whose confirmation page (behind its signed link) is checked too."""
    webinar = seed_site().webinar
    registration = RegistrationFactory(event=webinar, email="volcan@asso.re", seats=2)
    confirmation = f"{webinar.url}inscription/{confirmation_token(registration)}/"
    return {**PAGES, "confirmation d'inscription": confirmation}


def test_public_pages_have_no_axe_violation(page, shots):
    """On the desktop window and on the phone (folded filters, stacked layout)."""
    violations = []
    for name, path in seed_pages().items():
        response = page.goto(path)
        assert response.status == 200, name
        shots(page, name.replace(" ", "-"))
        violations += axe_violations(page)
    assert violations == []


def test_public_pages_are_valid_html(desktop_page):
    """The markup the browser received, including the registration form sent back with errors."""
    documents = {}
    for name, path in seed_pages().items():
        response = desktop_page.goto(path)
        assert response.status == 200, name
        documents[name] = response.text()
    desktop_page.goto(PAGES["événement et formulaire"])
    with desktop_page.expect_response(lambda r: r.request.method == "POST") as posted:
        desktop_page.get_by_role("button", name="S'inscrire").click()
    assert posted.value.status == 200
    documents["formulaire en erreur"] = posted.value.text()
    assert "form__errors" in documents["formulaire en erreur"]
    assert vnu_errors(documents) == []


# The URL a link is followed by on paper (kazasso.css, @media print).
PRINTED_AFTER = "el => getComputedStyle(el, '::after').content"


def test_fiche_in_print_has_no_axe_violation(desktop_page, shots):
    """Printed (or saved as PDF): the content and its "À retenir" only, each link with its address."""
    page = desktop_page
    seed_site()
    page.goto(PAGES["fiche"])
    page.emulate_media(media="print")
    shots(page, "fiche-impression")
    for hidden in ("header.site-header", "footer.site-footer", "nav.breadcrumb", "section.share"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator(".callout", has_text="À retenir").is_visible()
    link = page.locator(".fiche__body a", has_text="Service public")
    assert page.evaluate(PRINTED_AFTER, link.element_handle()) == '" (https://www.service-public.fr/)"'
    assert axe_violations(page) == []
