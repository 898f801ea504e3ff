"""The four legal pages: on a fresh install, in the footer, and what the privacy page says and takes."""

import pytest
from django.test import override_settings

from home.legal import AccessibilityPage, LegalNoticePage, PrivacyPage, SitePlanPage
from site_kazasso.outbox.models import OutboxEmail

pytestmark = pytest.mark.django_db

PAGES = {
    LegalNoticePage: "/mentions-legales/",
    PrivacyPage: "/donnees-personnelles/",
    AccessibilityPage: "/accessibilite/",
    SitePlanPage: "/plan-du-site/",
}


def request_data(**changes):
    return {"name": "Marie Payet", "email": "marie@asso.re", "kind": "acces", "message": "", **changes}


def test_a_fresh_install_has_the_four_pages_and_every_page_links_them(client, home_page):
    for model, url in PAGES.items():
        page = model.objects.get()
        assert page.live and page.get_parent().pk == home_page.pk
        response = client.get(url)
        assert response.status_code == 200, url
    footer = client.get("/").content.decode().split('class="site-footer"', 1)[1]
    for url in PAGES.values():
        assert f'href="{url}"' in footer
    assert "Accessibilité&nbsp;: partiellement conforme" in footer


def test_the_footer_follows_the_statement_status(client):
    statement = AccessibilityPage.objects.get()
    client.get("/")  # the footer's links, built once for this content version
    statement.status = "totalement"
    statement.save_revision().publish()
    assert "Accessibilité&nbsp;: totalement conforme" in client.get("/").content.decode()


@override_settings(
    KAZASSO_RETENTION_MONTHS=18, KAZASSO_RETENTION_UNCONFIRMED_MONTHS=2, KAZASSO_OUTBOX_KEEP_DAYS=45
)
def test_the_privacy_page_reads_the_retention_periods_from_the_settings(client):
    html = client.get("/donnees-personnelles/").content.decode()
    assert "18&nbsp;mois après la fin de l'événement" in html
    assert "2&nbsp;mois" in html and "45&nbsp;jours" in html
    assert "csrftoken" in html and "CNIL" in html


def test_the_site_plan_is_read_from_the_page_tree(client, home_page):
    html = client.get("/plan-du-site/").content.decode()
    for url in ("/ressources/", "/evenements/", *PAGES.values()):
        assert f'href="{url}"' in html
    PrivacyPage.objects.get().unpublish()
    assert 'href="/donnees-personnelles/"' not in client.get("/plan-du-site/").content.decode()


def test_a_request_goes_to_the_coordination_through_the_outbox(client):
    response = client.post("/donnees-personnelles/", request_data(kind="effacement"))
    assert response.status_code == 302 and response["Location"] == "/donnees-personnelles/#demande"
    message = OutboxEmail.objects.get()
    assert message.to == ["contact@kazasso.re"]  # the coordination's address in the site settings
    assert "marie@asso.re" in message.body and "Effacement" in message.body
    assert "Votre demande est envoyée" in client.get("/donnees-personnelles/").content.decode()


def test_a_bad_request_keeps_what_was_typed_and_says_why_in_french(client):
    response = client.post(
        "/donnees-personnelles/", request_data(email="pas-une-adresse", message="Mes données ?")
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Saisissez une adresse de courriel valide." in html and "Mes données ?" in html
    assert not OutboxEmail.objects.exists()


@override_settings(KAZASSO_RATELIMITS=True)
def test_requests_are_rate_limited_without_losing_the_text(client, settings):
    settings.KAZASSO_RATELIMIT_RULES = {**settings.KAZASSO_RATELIMIT_RULES, "privacy_request": (1, 3600)}
    assert client.post("/donnees-personnelles/", request_data()).status_code == 302
    response = client.post("/donnees-personnelles/", request_data(message="Une seconde demande"))
    assert response.status_code == 429 and "Retry-After" in response
    assert "Une seconde demande" in response.content.decode()
    assert OutboxEmail.objects.count() == 1
