"""Consent: each registration records the version of the text its person accepted, and when."""

import pytest

from events.models import Registration
from site_kazasso.privacy.models import ConsentText
from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db

NOW = reunion(2030, 1, 10, 8)


@pytest.fixture
def event(event_index, frozen_now):
    frozen_now(NOW)
    return EventFactory(slug="atelier")


def form_data(version, email="marie@asso.re"):
    return {
        "association_name": "Les Jardins du Butor",
        "contact_name": "Marie Payet",
        "email": email,
        "seats": "1",
        "consent": "on",
        "consent_version": str(version.pk),
    }


def test_the_form_shows_the_current_text_links_the_privacy_page_and_records_the_version(event, client):
    first = ConsentText.objects.get()  # created by the privacy migration
    assert first.version == 1
    html = client.get(event.url).content.decode()
    assert first.text.replace("'", "&#x27;") in html
    assert 'href="/donnees-personnelles/"' in html
    client.post(event.url, form_data(first))
    registration = Registration.objects.get()
    assert (registration.consent_version, registration.consent_accepted_at) == (first, NOW)


def test_a_new_text_is_a_new_version_and_old_versions_stay_as_accepted(event, coordinator, client):
    first = ConsentText.objects.get()
    response = client.get("/admin/consent_text/new/")
    assert "me contacter à son sujet" in response.content.decode()  # a new version starts from the current
    client.post(
        "/admin/consent_text/new/", {"text": "Nouveau texte : vos données servent à cette inscription."}
    )
    second = ConsentText.objects.current()
    assert (second.version, ConsentText.objects.count()) == (2, 2)
    assert "Nouveau texte" in client.get(event.url).content.decode()

    # Someone who loaded the page before the change accepted the text they saw.
    client.post(event.url, form_data(first, "avant@asso.re"))
    client.post(event.url, form_data(second, "apres@asso.re"))
    versions = dict(Registration.objects.values_list("email", "consent_version__version"))
    assert versions == {"avant@asso.re": 1, "apres@asso.re": 2}

    # Versions are never edited nor deleted.
    response = client.post(f"/admin/consent_text/edit/{first.pk}/", {"text": "Réécrit"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.post(f"/admin/consent_text/delete/{first.pk}/").status_code == 302
    first.refresh_from_db()
    assert first.text != "Réécrit" and ConsentText.objects.count() == 2
