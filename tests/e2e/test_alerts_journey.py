"""A reader follows a theme by email: subscribes, confirms from the email, changes, leaves."""

from __future__ import annotations

import re

from django.core import mail
from playwright.sync_api import expect

from alerts.models import Subscription
from tests.e2e.checks import axe_violations
from tests.e2e.seed import E2E, seed_site

pytestmark = E2E


def test_a_reader_subscribes_confirms_changes_preferences_and_unsubscribes(desktop_page, shots):
    seed_site()
    page = desktop_page
    page.goto("/themes/financement/")
    with page.expect_navigation():
        page.get_by_role("link", name="alertes par courriel", exact=True).click()
    finance = page.get_by_role("checkbox", name=re.compile("^Financement"))
    expect(finance).to_be_checked()
    assert axe_violations(page) == []
    page.get_by_label("Votre courriel").fill("lecteur@asso.re")
    page.get_by_role("checkbox", name=re.compile("^J'accepte")).check()
    with page.expect_navigation():
        page.get_by_role("button", name="S'abonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vérifiez votre messagerie")
    shots(page, "abonnement-demande")
    assert Subscription.objects.get(email="lecteur@asso.re").confirmed_at is None

    [confirmation] = [email for email in mail.outbox if email.to == ["lecteur@asso.re"]]
    link = re.search(r"https?://\S+/alertes/confirmer/\S+/", confirmation.body).group(0)
    page.goto(link)
    with page.expect_navigation():
        page.get_by_role("button", name="Confirmer mon abonnement").click()
    expect(page.locator(".notice")).to_contain_text("Votre abonnement est confirmé")
    assert axe_violations(page) == []
    shots(page, "abonnement-confirme")

    page.get_by_role("checkbox", name=re.compile("^Financement")).uncheck()
    page.get_by_role("checkbox", name="Webinaire").check()
    page.get_by_role("radio", name="une fois par mois").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Enregistrer mes préférences").click()
    expect(page.locator(".notice")).to_contain_text("Vos préférences sont enregistrées")
    saved = Subscription.objects.get(email="lecteur@asso.re")
    assert saved.formats == ["webinaire"] and saved.frequency == "monthly" and not saved.themes.exists()
    shots(page, "preferences")

    with page.expect_navigation():
        page.get_by_role("link", name="Me désabonner et effacer mon adresse").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Me désabonner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Désabonnement effectué")
    assert not Subscription.objects.filter(email="lecteur@asso.re").exists()
