"""A person's rights: the coordination finds, exports and erases every record of one address."""

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection

from alerts.models import Subscription
from events.models import Registration
from events.services import RegistrationData, register
from members.models import Structure
from site_kazasso.outbox.models import OutboxEmail
from site_kazasso.privacy.models import PrivacyAuditLog
from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db

PERSON = "marie.payet@asso.re"
# Another person whose address contains the first one's: nothing of theirs may come along.
OTHER = "anne-marie.payet@asso.re.net"
URL = "/admin/donnees-personnelles/"


@pytest.fixture(autouse=True)
def _now(frozen_now):
    frozen_now(reunion(2030, 1, 10))


@pytest.fixture
def people(event_index, client):
    first = EventFactory(slug="premier", capacity=1, max_seats_per_registration=1)
    second = EventFactory(slug="second", start=reunion(2030, 5, 2, 9))
    register(first, RegistrationData("Les Jardins du Butor", "Marie Payet", PERSON, 1, True, "W974001234"))
    register(second, RegistrationData("Les Jardins du Butor", "Marie Payet", PERSON.upper(), 1, True))
    register(first, RegistrationData("Asso voisine", "Anne-Marie Payet", OTHER, 1, True))  # waiting list
    for email in (PERSON, OTHER):
        Subscription.objects.create(email=email, consent_text="J'accepte.", consent_at=reunion(2030, 1, 5))
    client.post(
        "/donnees-personnelles/",
        {
            "name": "Marie Payet",
            "email": PERSON,
            "kind": "effacement",
            "message": "Merci d'effacer mes données.",
        },
    )
    return {"first": first, "second": second}


def rows_holding(text: str, but_not: str = OTHER) -> list[tuple[str, str]]:
    """(table, column) of every stored value of every table containing `text` (other than inside
    the other person's address), whatever its type."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                value = f"LOWER(CAST({connection.ops.quote_name(column.name)} AS TEXT))"
                cursor.execute(
                    f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} "  # noqa: S608
                    f"WHERE REPLACE({value}, %s, '') LIKE %s",
                    [but_not, f"%{text}%"],
                )
                if cursor.fetchone()[0]:
                    found.append((table, column.name))
    return found


def test_the_export_holds_every_record_of_the_person_and_nothing_else(people, coordinator, client):
    response = client.post(URL, {"email": f" {PERSON.upper()} ", "action": "export"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == ["donnees-personnelles.csv", "donnees-personnelles.json"]
    document = json.loads(archive.read("donnees-personnelles.json"))
    by_source = {source["source"]: source["enregistrements"] for source in document["sources"]}
    assert sorted(r["événement"] for r in by_source["inscriptions"]) == sorted(
        [people["first"].title, people["second"].title]
    )
    assert {r["courriel"] for r in by_source["inscriptions"]} == {PERSON}
    assert by_source["inscriptions"][0]["consentement (version)"] == 1
    # Two confirmations sent to the person and the request they sent to the coordination.
    assert len(by_source["courriels"]) == 3
    assert [s["courriel"] for s in by_source["alertes"]] == [PERSON]
    assert any("Demande sur les données personnelles" in m["objet"] for m in by_source["courriels"])
    csv_text = archive.read("donnees-personnelles.csv").decode("utf-8-sig")
    assert "W974001234" in csv_text and "Inscriptions aux événements" in csv_text
    everything = archive.read("donnees-personnelles.json").decode() + csv_text
    assert "anne-marie" not in everything.lower() and "Asso voisine" not in everything

    entry = PrivacyAuditLog.objects.get()
    assert (entry.action, entry.user, entry.counts) == (
        "export",
        coordinator,
        {"inscriptions": 2, "courriels": 3, "alertes": 1},
    )


def test_erasure_asks_first_then_leaves_no_trace_of_the_address(people, coordinator, client):
    holding = {table for table, _column in rows_holding(PERSON)}
    assert holding >= {"events_registration", "outbox_outboxemail", "alerts_subscription"}

    response = client.post(URL, {"email": PERSON, "action": "erase"})  # the confirmation step
    assert response.status_code == 200
    assert "Oui, effacer" in response.content.decode()
    assert Registration.objects.filter(email=PERSON).count() == 2

    response = client.post(URL, {"email": PERSON, "action": "erase", "confirm": "1"})
    assert response.status_code == 302
    assert rows_holding(PERSON) == []
    # Statistics stay; the registration to the coming event is cancelled, its seat goes to the next.
    kept = Registration.objects.filter(personal_data_erased_at__isnull=False).order_by("event__start")
    assert [(r.seats, r.status) for r in kept] == [(1, "annulee"), (1, "annulee")]
    assert Registration.objects.get(email=OTHER).status == "confirmee"
    assert OutboxEmail.objects.filter(to=[OTHER]).exists()  # the other person's emails stay
    assert list(Subscription.objects.values_list("email", flat=True)) == [OTHER]

    entry = PrivacyAuditLog.objects.get(action="effacement")
    assert entry.user == coordinator and entry.counts == {"inscriptions": 2, "courriels": 3, "alertes": 1}
    assert PERSON not in json.dumps(entry.counts) + entry.subject


def test_only_the_coordination_reaches_the_rights_page(people, client):
    editor = User.objects.create_user("relecteur", "relecteur@exemple.re", "motdepasse-solide")
    editor.groups.add(Structure.objects.get(slug="crajep-reunion").editor_group)
    editor.groups.add(Group.objects.get(name="Relecture"))
    client.force_login(editor)
    response = client.post(URL, {"email": PERSON, "action": "export"})
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's "permission denied"
    assert "donnees-personnelles" not in client.get("/admin/").content.decode()
    assert not PrivacyAuditLog.objects.exists()


def test_a_search_lists_the_records_and_a_bad_address_gets_a_french_error(people, coordinator, client):
    html = client.post(URL, {"email": PERSON, "action": "search"}).content.decode()
    assert "Inscriptions aux événements (2)" in html and "Courriels envoyés par la plateforme (3)" in html
    assert "Asso voisine" not in html
    html = client.post(URL, {"email": "pas-une-adresse", "action": "export"}).content.decode()
    assert "Saisissez une adresse de courriel valide." in html
    assert not PrivacyAuditLog.objects.exists()
