"""Accessibility (axe-core, WCAG 2.1 A and AA) and HTML validity (vnu) of the public pages."""

from __future__ import annotations

from tests.e2e.checks import axe_violations, vnu_errors
from tests.e2e.seed import E2E, seed_site

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
}


def test_public_pages_have_no_axe_violation_and_valid_html(desktop_page, shots):
    seed_site()
    violations, documents = [], {}
    for name, path in PAGES.items():
        response = desktop_page.goto(path)
        assert response.status == 200, name
        documents[name] = response.text()
        shots(desktop_page, name.replace(" ", "-"))
        violations += axe_violations(desktop_page)
    assert violations == []
    assert vnu_errors(documents) == []
