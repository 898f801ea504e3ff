"""From the editor's draft to the reader: start from the dashboard, submit with the visible
button, peer review from « Mes pages », coordination from the dashboard, find it."""

from __future__ import annotations

import re

from django.core import mail
from playwright.sync_api import expect

from fiches.models import FicheIndexPage, FichePage
from members.models import Structure
from tests.e2e.admin import (
    approve_from_dashboard,
    claim_review,
    click_past_offline_notice,
    confirm_in_modal,
    log_in,
    primary_action,
    type_rich_text,
)
from tests.e2e.seed import E2E, editor_group, person, seed_site

pytestmark = E2E


def back_to_listing(page, index) -> None:
    """Wagtail answers a workflow action with the parent's listing and a success message."""
    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    expect(page.locator(".messages")).to_contain_text(TITLE)


TITLE = "Organiser une assemblée générale à distance"


def test_fiche_goes_from_editor_to_reader(new_page, shots, settings):
    # Wagtail autosaves a new page half a second after a change; under load that autosave can still
    # be in flight when "Soumettre" is clicked and the two requests race to create the same page
    # (a 500 on the slug). The journey is about the workflow, so the editor saves by hand here.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    seed_site()
    person("amelie", editor_group("crajep-reunion"))
    person("damien", editor_group("ligue-enseignement-reunion"), "Relecture")
    person("gaelle", "Coordination")
    index = FicheIndexPage.objects.get()

    editor = new_page()
    log_in(editor, "amelie")
    editor.get_by_role("link", name="Nouvelle fiche", exact=True).click()
    editor.wait_for_url(f"**/admin/pages/add/fiches/fichepage/{index.pk}/")
    expect(editor.locator("#id_structure")).to_have_value(
        str(Structure.objects.get(slug="crajep-reunion").pk)
    )
    editor.fill("#id_title", TITLE)
    editor.fill("#id_chapo", "Visioconférence et vote électronique : ce que vos statuts permettent.")
    editor.get_by_label("Gouvernance et vie statutaire (AG, CA, statuts)").check()
    editor.select_option("#id_typology", label="Fiche pratique")
    tag_input = editor.locator("#id_tags ~ ul input, .tagit input").first
    for tag in ("Vote électronique", "AG"):
        tag_input.fill(tag)
        tag_input.press("Enter")
    expect(editor.locator(".tagit-label")).to_have_text(["Vote électronique", "AG"])  # chips, no quotes
    editor.get_by_title("Insérer un bloc").first.click()
    editor.get_by_role("option", name="Texte").first.click()
    type_rich_text(editor, "body-0-value", "Vérifiez d'abord que vos statuts autorisent le vote à distance.")
    shots(editor, "redaction-fiche")
    primary_action(editor, "action-submit").click()  # the visible button, not behind the chevron
    back_to_listing(editor, index)
    expect(editor.locator(".messages")).to_contain_text("Prochaine étape : relecture par un pair")
    shots(editor, "soumise")
    fiche = FichePage.objects.get(title=TITLE)
    assert fiche.current_workflow_task.name == "Relecture par un pair"
    assert not fiche.live
    assert "damien@exemple.re" in [address for email in mail.outbox for address in email.to]

    reviewer = new_page()
    log_in(reviewer, "damien")
    shots(reviewer, "tableau-de-bord-relecteur")
    claim_review(reviewer, TITLE)
    reviewer.goto("/admin/mes-pages/?etat=a-relire")
    shots(reviewer, "mes-pages-relecteur")
    reviewer.get_by_role("link", name=TITLE).click()
    reviewer.wait_for_url(f"**/admin/pages/{fiche.pk}/edit/")
    expect(reviewer.locator("#id_chapo")).to_have_value(re.compile("vote électronique"))
    shots(reviewer, "relecture")
    click_past_offline_notice(reviewer, primary_action(reviewer, "approve"))
    confirm_in_modal(reviewer, "Approuver", "transmettez la page à la coordination")
    back_to_listing(reviewer, index)
    expect(reviewer.locator(".messages")).to_contain_text("Prochaine étape : validation par la coordination")
    fiche = FichePage.objects.get(pk=fiche.pk)
    assert fiche.current_workflow_task.name == "Validation par la coordination"
    assert not fiche.live

    coordinator = new_page()
    log_in(coordinator, "gaelle")
    shots(coordinator, "tableau-de-bord-coordination")
    approve_from_dashboard(coordinator, TITLE, "vous publiez la page")
    expect(coordinator.locator(".messages")).to_contain_text("elle est publiée sur le site")
    shots(coordinator, "publiee")
    fiche = FichePage.objects.get(pk=fiche.pk)
    assert fiche.live
    assert fiche.current_workflow_task is None
    assert any("amelie@exemple.re" in email.to for email in mail.outbox[-3:])

    reader = new_page()
    reader.goto("/tags/")
    reader.get_by_role("link", name="Vote électronique").first.click()
    expect(reader.locator("h1")).to_contain_text("Vote électronique")
    shots(reader, "lecteur-mot-cle")
    reader.get_by_role("link", name=TITLE).click()
    expect(reader.locator("h1")).to_have_text(TITLE)
    expect(reader.locator("main")).to_contain_text("autorisent le vote à distance")

    reader.goto("/")
    reader.fill("#header-q", "assemblée distance")
    reader.press("#header-q", "Enter")
    reader.wait_for_url("**/recherche/?q=*")
    shots(reader, "lecteur-recherche")
    reader.get_by_role("link", name=TITLE).first.click()
    expect(reader.locator("h1")).to_have_text(TITLE)
    shots(reader, "lecteur-fiche")
