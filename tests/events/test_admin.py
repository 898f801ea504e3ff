"""Who sees registrations in the admin: organisers of the event, and the coordination."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, User

from events.models import Registration
from events.services import RegistrationData, register
from members.models import Structure
from tests.factories import EventFactory, reunion

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _now(frozen_now):
    frozen_now(reunion(2030, 1, 10))


def editor_of(slug: str, username: str) -> User:
    user = User.objects.create_user(username, f"{username}@exemple.re", "motdepasse-solide")
    user.groups.add(Structure.objects.get(slug=slug).editor_group)  # also gives admin access
    return user


@pytest.fixture
def registrations(event_index):
    crajep = EventFactory(slug="crajep", title="Webinaire du CRAJEP")
    shared = EventFactory(
        slug="partage",
        title="Rencontre partagée",
        structure=Structure.objects.get(slug="cros-reunion"),
        organisers=["udaf-reunion"],
    )
    other = EventFactory(
        slug="mda", title="Atelier MDA", structure=Structure.objects.get(slug="mda-saint-benoit")
    )

    def add(event, email):
        return register(event, RegistrationData("Asso " + email, "Contact", email, 1, True))

    return {
        "crajep": add(crajep, "un@asso.re"),
        "shared": add(shared, "deux@asso.re"),
        "mda": add(other, "trois@asso.re"),
    }


@pytest.fixture
def registered_event(client, registrations, admin_user):
    """The CRAJEP event and its one registration, an administrator logged in to delete it."""
    client.force_login(admin_user)
    return registrations["crajep"].event


def listed_emails(client) -> set[str]:
    response = client.get("/admin/events/registration/")
    assert response.status_code == 200
    return {r.email for r in response.context["object_list"]}


def test_editor_sees_only_their_structures_events(client, registrations):
    client.force_login(editor_of("crajep-reunion", "crajep"))
    assert listed_emails(client) == {"un@asso.re"}


def test_co_organiser_sees_the_shared_event(client, registrations):
    client.force_login(editor_of("udaf-reunion", "udaf"))
    assert listed_emails(client) == {"deux@asso.re"}


def test_coordination_sees_all(client, registrations):
    user = User.objects.create_user("coord", "c@exemple.re", "motdepasse-solide")
    user.groups.add(Group.objects.get(name="Coordination"))
    client.force_login(user)
    assert listed_emails(client) == {"un@asso.re", "deux@asso.re", "trois@asso.re"}


def test_user_without_structure_is_refused(client, registrations):
    user = User.objects.create_user("lambda", "l@exemple.re", "motdepasse-solide")
    user.groups.add(Group.objects.get(name="Relecture"))  # admin access, but no structure
    client.force_login(user)
    response = client.get("/admin/events/registration/")
    assert response.status_code in (302, 403)
    assert b"trois@asso.re" not in response.content


def test_anonymous_is_sent_to_login(client, registrations):
    response = client.get("/admin/events/registration/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_inspect_other_structure_registration_is_refused(client, registrations):
    client.force_login(editor_of("crajep-reunion", "crajep"))
    own = client.get(f"/admin/events/registration/inspect/{registrations['crajep'].pk}/")
    assert own.status_code == 200
    other = client.get(f"/admin/events/registration/inspect/{registrations['mda'].pk}/")
    assert other.status_code == 404  # as for an unknown id: sequential ids reveal nothing
    assert b"trois@asso.re" not in other.content


def test_no_create_or_edit_from_the_admin(client, registrations, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/events/registration/create/").status_code in (302, 403)
    assert client.get(f"/admin/events/registration/edit/{registrations['crajep'].pk}/").status_code in (
        302,
        403,
    )


def test_filter_by_event_and_status_and_search(client, registrations, admin_user):
    client.force_login(admin_user)
    event_id = registrations["mda"].event_id
    response = client.get(f"/admin/events/registration/?event={event_id}")
    assert {r.email for r in response.context["object_list"]} == {"trois@asso.re"}
    response = client.get("/admin/events/registration/?status=attente")
    assert list(response.context["object_list"]) == []
    response = client.get("/admin/events/registration/?q=deux")
    assert {r.email for r in response.context["object_list"]} == {"deux@asso.re"}


def test_event_filter_offers_only_visible_events(client, registrations):
    client.force_login(editor_of("crajep-reunion", "crajep"))
    html = client.get("/admin/events/registration/").content.decode()
    assert "Webinaire du CRAJEP" in html
    assert "Atelier MDA" not in html


def test_csv_export_is_scoped(client, registrations):
    client.force_login(editor_of("crajep-reunion", "crajep"))
    response = client.get("/admin/events/registration/?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert len(rows) == 2
    assert "un@asso.re" in rows[1]


def test_deleting_an_event_with_registrations_needs_a_confirmation(client, registered_event):
    url = f"/admin/pages/{registered_event.pk}/delete/"
    page = client.get(url)
    assert page.status_code == 200
    assert "1 inscription" in page.content.decode()
    refused = client.post(url)
    assert refused.status_code == 400
    assert Registration.objects.filter(event=registered_event).exists()
    confirmed = client.post(url, {"confirm_registrations": "1"})
    assert confirmed.status_code == 302
    assert not Registration.objects.filter(event_id=registered_event.pk).exists()
    assert Registration.objects.count() == 2


def test_deleting_an_event_without_registration_is_unchanged(client, event_index, admin_user):
    client.force_login(admin_user)
    event = EventFactory(slug="vide")
    response = client.post(f"/admin/pages/{event.pk}/delete/")
    assert response.status_code == 302


def test_bulk_deletion_of_events_with_registrations_is_refused(client, registered_event):
    url = f"/admin/bulk/wagtailcore/page/delete/?id={registered_event.pk}"
    response = client.post(url)
    assert response.status_code == 302
    assert Registration.objects.filter(event_id=registered_event.pk).exists()
    assert type(registered_event).objects.filter(pk=registered_event.pk).exists()
