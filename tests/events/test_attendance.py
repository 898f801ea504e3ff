"""Attendance: the sign-in sheet and the certificates read back with pypdf, the marks and the count,
certificate links, and who may use any of it (the event's organisers and the coordination)."""

from __future__ import annotations

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client
from pypdf import PdfReader

from events.attendance import certificate_token, half_days
from events.models import Registration
from events.services import cancel_token
from members.models import Structure
from tests.factories import EventFactory, RegistrationFactory, reunion

pytestmark = pytest.mark.django_db

DURING = reunion(2030, 3, 12, 10)
AFTER = reunion(2030, 3, 20)


def page_text(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def organisers() -> str:
    return ", ".join(
        Structure.objects.filter(slug__in=["crajep-reunion", "udaf-reunion"])
        .values_list("name", flat=True)
        .order_by("name")
    )


def pdf_text(response) -> str:
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split())  # lines wrap where the page ends; spaces of any kind


def make_user(username: str, structure_slug: str | None = None, *groups: str) -> User:
    user = User.objects.create_user(username, f"{username}@exemple.re", "motdepasse-solide")
    if structure_slug:
        user.groups.add(Structure.objects.get(slug=structure_slug).editor_group)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def erase(registration: Registration) -> None:
    """What the retention command of issue 14 does: blank the personal fields, keep the rest."""
    Registration.objects.filter(pk=registration.pk).update(
        contact_name="", email="", association_name="", rna_number=""
    )


@pytest.fixture
def event(event_index):
    """A CRAJEP webinar co-organised by the UDAF, on 12 March 2030, 9:00 to 11:30."""
    return EventFactory(
        slug="atelier",
        title="Atelier « Cœur d'asso » : le budget",
        start=reunion(2030, 3, 12, 9),
        end=reunion(2030, 3, 12, 11, 30),
        organisers=["udaf-reunion"],
    )


@pytest.fixture
def people(event):
    add = RegistrationFactory
    return {
        "marie": add(event=event, contact_name="Marie Payet", association_name="Les Jardins du Butor"),
        "jean": add(
            event=event, contact_name="Jean-Noël Hoarau", email="jn@asso.re", association_name="Œuvre du Port"
        ),
        "lise": add(
            event=event, contact_name="Lise Grondin", email="lise@asso.re", association_name="Ti Lamp"
        ),
        "waiting": add(
            event=event, contact_name="Paul Attente", email="p@asso.re", status=Registration.Status.WAITING
        ),
        "gone": add(
            event=event, contact_name="Anne Annulée", email="a@asso.re", status=Registration.Status.CANCELLED
        ),
    }


@pytest.fixture
def editor(client):
    client.force_login(make_user("crajep", "crajep-reunion"))
    return client


def marks_url(event) -> str:
    return f"/admin/evenements/{event.pk}/presences/"


def test_sheet_lists_confirmed_registrants_with_a_signature_column(editor, event, people, frozen_now):
    frozen_now(reunion(2030, 3, 1))
    erase(people["lise"])
    response = editor.get(f"/admin/evenements/{event.pk}/emargement/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response)
    for expected in (
        "Feuille d'émargement",
        "Atelier « Cœur d'asso » : le budget",
        "Le mardi 12 mars 2030, de 9 h 00 à 11 h 30",
        f"Organisé par : {organisers()}",
        "Marie Payet",
        "Les Jardins du Butor",
        "Jean-Noël Hoarau",
        "Œuvre du Port",
        "Signature",
        "1 inscription(s) confirmée(s) dont les données personnelles ont été effacées",
    ):
        assert expected in text, expected
    for absent in ("Paul Attente", "Anne Annulée", "matin", "après-midi"):
        assert absent not in text, absent


def test_two_day_sheet_has_a_column_per_half_day(editor, event_index, frozen_now):
    frozen_now(reunion(2030, 3, 1))
    event = EventFactory(slug="deux-jours", start=reunion(2030, 3, 12, 9), end=reunion(2030, 3, 13, 17))
    RegistrationFactory(event=event, contact_name="Marie Payet")
    text = pdf_text(editor.get(f"/admin/evenements/{event.pk}/emargement/"))
    assert "Du mardi 12 mars au mercredi 13 mars 2030" in text
    for column in (
        "mardi 12/03 matin",
        "mardi 12/03 après-midi",
        "mercredi 13/03 matin",
        "mercredi 13/03 après-midi",
    ):
        assert column in text, column
    assert "Signature" not in text
    assert "Marie Payet" in text
    # Starting in the afternoon and ending at noon: only the half-days it covers.
    event.start, event.end = reunion(2030, 3, 12, 14), reunion(2030, 3, 13, 12)
    assert [(h.day.day, h.afternoon) for h in half_days(event)] == [(12, True), (13, False)]


def test_marks_saved_in_one_post_make_the_count(editor, event, people, frozen_now, client):
    frozen_now(DURING)
    other = RegistrationFactory(event=EventFactory(slug="autre"), email="x@asso.re")
    erased = people["lise"]
    Registration.objects.filter(pk=erased.pk).update(attended=True)
    erase(erased)
    page = editor.get(marks_url(event))
    assert page.status_code == 200
    assert "Marie Payet" in page.content.decode() and "Paul Attente" not in page.content.decode()

    chosen = [people["marie"].pk, people["jean"].pk, people["waiting"].pk, other.pk]
    response = editor.post(marks_url(event), {"present": [str(pk) for pk in chosen]})
    assert response.status_code == 302
    attended = set(Registration.objects.filter(attended=True).values_list("pk", flat=True))
    # Not the waiting list, not another event; the erased registration keeps its mark.
    assert attended == {people["marie"].pk, people["jean"].pk, erased.pk}
    assert event.attendance() == 3

    editor.post(marks_url(event), {"present": [str(people["marie"].pk)]})
    assert event.attendance() == 2  # Jean unmarked, the erased mark kept as a statistic

    frozen_now(AFTER)
    client.logout()
    text = page_text(Client().get(event.url))
    assert "2 participants ont suivi cet événement" in text
    event.registration_enabled, event.attendance_count = False, 150  # registered elsewhere (2020)
    assert event.attendance() == 150


def test_marks_need_the_csrf_token_and_a_started_event(event, people, frozen_now):
    frozen_now(DURING)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(make_user("crajep", "crajep-reunion"))
    assert strict.post(marks_url(event), {"present": [str(people["marie"].pk)]}).status_code == 403
    frozen_now(reunion(2030, 3, 1))
    strict.get(marks_url(event))
    token = strict.cookies["csrftoken"].value
    strict.post(marks_url(event), {"present": [str(people["marie"].pk)], "csrfmiddlewaretoken": token})
    assert not Registration.objects.filter(attended=True).exists()  # not started yet


@pytest.mark.parametrize("who", ["other_reviewer", "nobody"])
def test_reviewer_from_another_structure_gets_404_everywhere(client, event, people, frozen_now, who):
    frozen_now(AFTER)
    Registration.objects.filter(pk=people["marie"].pk).update(attended=True)
    user = (
        make_user("relecteur", "mda-saint-benoit", "Relecture")
        if who == "other_reviewer"
        else make_user("lambda", None, "Relecture")
    )
    client.force_login(user)
    assert client.get(marks_url(event)).status_code == 404
    assert client.post(marks_url(event), {"present": []}).status_code == 404
    assert client.get(f"/admin/evenements/{event.pk}/emargement/").status_code == 404
    assert client.post(f"/admin/evenements/{event.pk}/attestations/").status_code == 404
    assert Registration.objects.get(pk=people["marie"].pk).attended  # nothing changed
    assert Registration.objects.filter(certificate_sent_at__isnull=False).count() == 0
    edit_page = client.get(f"/admin/pages/{event.pk}/edit/")
    assert "Présences et émargement" not in edit_page.content.decode()


def test_co_organiser_and_coordination_have_access(client, event, people, frozen_now):
    frozen_now(DURING)
    for user in (make_user("udaf", "udaf-reunion"), make_user("coord", None, "Coordination")):
        client.force_login(user)
        assert client.get(marks_url(event)).status_code == 200
        assert client.get(f"/admin/evenements/{event.pk}/emargement/").status_code == 200
    owner = make_user("crajep", "crajep-reunion")
    client.force_login(owner)
    assert f'href="{marks_url(event)}"' in client.get(f"/admin/pages/{event.pk}/edit/").content.decode()


def certificate_url_in(body: str) -> str:
    return re.search(r"http://[^/\s]+(/evenements/atelier/attestation/[^\s]+/)", body).group(1)


def test_certificates_sent_once_to_attendees_and_read_back(
    editor, event, people, frozen_now, django_capture_on_commit_callbacks
):
    frozen_now(DURING)
    editor.post(marks_url(event), {"present": [str(people["marie"].pk), str(people["jean"].pk)]})
    send = f"/admin/evenements/{event.pk}/attestations/"
    editor.post(send)
    assert not mail.outbox  # refused before the end of the event

    frozen_now(AFTER)
    assert editor.get(send).status_code == 405
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(send)
    assert sorted(m.to[0] for m in mail.outbox) == ["jn@asso.re", "marie@asso.re"]
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(send)
    assert len(mail.outbox) == 2  # once per attendee

    message = next(m for m in mail.outbox if m.to == ["jn@asso.re"])
    response = Client().get(certificate_url_in(message.body))
    assert response.status_code == 200
    text = pdf_text(response)
    for expected in (
        "Attestation de présence",
        "Jean-Noël Hoarau",
        "de l'association Œuvre du Port",
        "a participé à l'événement « Atelier « Cœur d'asso » : le budget »",
        "le mardi 12 mars 2030, de 9 h 00 à 11 h 30",
        "Durée : 2 h 30",
        f"Les structures organisatrices, {organisers()}, attestent que",
        "Format : Webinaire",
        "Fait le 20 mars 2030",
    ):
        assert expected in text, expected
    assert "Marie Payet" not in text


def test_certificate_links_refused(client, event, people, frozen_now):
    frozen_now(AFTER)
    marie, jean = people["marie"], people["jean"]
    Registration.objects.filter(pk=marie.pk).update(attended=True)
    elsewhere = RegistrationFactory(event=EventFactory(slug="autre"), email="z@asso.re", attended=True)
    url = f"{event.url}attestation/"

    assert client.get(f"{url}{certificate_token(marie)}/").status_code == 200
    token = certificate_token(marie)
    tampered = client.get(f"{url}{token[:-3]}{'A' if token[-3] != 'A' else 'B'}{token[-2:]}/")
    assert tampered.status_code == 400
    assert "Ce lien d'attestation n'est pas valide" in page_text(tampered)
    assert client.get(f"{url}{cancel_token(marie)}/").status_code == 400  # another salt
    other_event = client.get(f"{url}{certificate_token(elsewhere)}/")
    assert other_event.status_code == 404
    assert "ne correspond pas à cet événement" in page_text(other_event)
    absent = client.get(f"{url}{certificate_token(jean)}/")
    assert absent.status_code == 403
    assert "délivrée aux seules personnes présentes" in page_text(absent)
    erase(marie)
    erased = client.get(f"{url}{certificate_token(marie)}/")
    assert erased.status_code == 410
    assert "ont été effacées" in page_text(erased)
    assert Registration.objects.get(pk=marie.pk).attended  # the statistic stays
