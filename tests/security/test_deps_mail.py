"""A mail server down or a title with line breaks never costs a 500 nor an email (issue 12, 15)."""

import smtplib
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import get_page_models

from events.models import EventPage, Registration
from fiches.models import FichePage
from members.models import Structure
from site_kazasso.outbox.models import OutboxEmail
from taxonomy.models import Theme
from tests.editorial.conftest import make_user
from tests.editorial.helpers import committed, create_fiche, submit
from tests.factories import EventFactory, FicheFactory, reunion

pytestmark = pytest.mark.django_db

BROKEN_TITLE = "Atelier\r\nBcc: tout-le-monde@exemple.re"


class RefusingBackend(BaseEmailBackend):
    """The mail server is unreachable."""

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


class FlakyBackend(BaseEmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def registration_form(email: str = "marie@asso.re") -> dict:
    return {
        "association_name": "Les Jardins du Butor",
        "rna_number": "W974001234",
        "contact_name": "Marie Payet",
        "email": email,
        "seats": "1",
        "consent": "on",
    }


@pytest.fixture
def people(db):
    """An editor of the CRAJEP, a reviewer of another structure, a coordinator."""
    crajep = Structure.objects.get(slug="crajep-reunion").editor_group.name
    ligue = Structure.objects.get(slug="ligue-enseignement-reunion").editor_group.name
    return SimpleNamespace(
        editor=make_user("amelie", crajep),
        reviewer=make_user("damien", ligue, "Relecture"),
        coordinator=make_user("gaelle", "Coordination"),
    )


def theme() -> int:
    return Theme.objects.get(slug="benevolat-engagement").pk


@pytest.fixture
def event(event_index, frozen_now):
    frozen_now(reunion(2030, 3, 1, 12))
    return EventFactory(slug="atelier", capacity=5)


def test_registration_with_the_mail_server_down_is_confirmed_then_mailed_once_by_cron(
    client, event, settings, caplog
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    response = committed(client.post, event.url, registration_form())
    assert response.status_code == 302
    assert "Votre inscription est confirmée" in client.get(response["Location"]).content.decode()
    assert Registration.objects.filter(email="marie@asso.re").count() == 1
    queued = OutboxEmail.objects.get()
    assert (queued.status, queued.attempts, queued.to) == ("pending", 1, ["marie@asso.re"])
    assert "ConnectionRefusedError" in queued.last_error
    assert any(r.levelname == "WARNING" and "non envoyé" in r.getMessage() for r in caplog.records)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    OutboxEmail.objects.update(next_attempt_at=timezone.now())
    call_command("send_outbox")
    call_command("send_outbox")  # cron runs again: nothing is sent twice
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["marie@asso.re"]
    assert "/evenements/atelier/inscription/annuler/" in mail.outbox[0].body
    queued.refresh_from_db()
    assert (queued.status, queued.attempts) == ("sent", 2)


def test_the_outbox_gives_up_after_the_last_attempt_and_keeps_the_error(event, settings):
    settings.EMAIL_BACKEND = f"{__name__}.FlakyBackend"
    settings.KAZASSO_OUTBOX_MAX_ATTEMPTS = 2
    registration = Registration.objects.create(
        event=event, association_name="A", contact_name="B", email="b@asso.re", seats=1, consent=True
    )
    from events.emails import send_registration_received

    send_registration_received(registration)  # no transaction: tried at once
    for _ in range(2):
        OutboxEmail.objects.update(next_attempt_at=timezone.now())
        call_command("send_outbox")
    queued = OutboxEmail.objects.get()
    assert (queued.status, queued.attempts) == ("failed", 2)
    assert "SMTPServerDisconnected" in queued.last_error


def test_a_title_with_line_breaks_never_reaches_a_header(client, event):
    EventPage.objects.filter(pk=event.pk).update(title=BROKEN_TITLE)  # stored before the rule
    response = committed(client.post, event.url, registration_form())
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == "Inscription confirmée : Atelier Bcc: tout-le-monde@exemple.re"
    assert message.recipients() == ["marie@asso.re"]


def test_a_workflow_notification_with_a_broken_title_is_sent(client, people, fiche_index):
    client.force_login(people.editor)
    assert create_fiche(client, themes=[theme()]).status_code == 302
    draft = FichePage.objects.get(slug="accueillir-benevoles")
    submit(client, draft)  # a proper submission first: the reviewers are notified normally
    assert mail.outbox
    mail.outbox.clear()
    FichePage.objects.filter(pk=draft.pk).update(title=BROKEN_TITLE)
    state = FichePage.objects.get(pk=draft.pk).current_workflow_state
    committed(state.cancel, user=people.editor)
    workflow = FichePage.objects.get(pk=draft.pk).get_workflow()
    committed(workflow.start, FichePage.objects.get(pk=draft.pk), people.editor)
    subjects = [m.subject for m in mail.outbox]
    assert subjects
    assert all("\n" not in s and "\r" not in s and "Atelier Bcc:" in s for s in subjects)


def test_every_page_type_refuses_a_title_with_control_characters(fiche_index, event):
    FicheFactory(slug="une-fiche")
    project_models = [m for m in get_page_models() if m._meta.app_label in {"home", "fiches", "events"}]
    assert len(project_models) >= 5
    for model in project_models:
        page = model.objects.first()
        assert page is not None, model
        for title in ("Titre\nsuite", "Titre\rsuite", "Titre\x00", "Titre\u2028suite"):
            page.title = title
            with pytest.raises(ValidationError) as refused:
                page.full_clean()
            assert "retour à la ligne" in " ".join(refused.value.message_dict["title"]), model


def test_the_admin_form_refuses_it_in_french_and_keeps_the_rest(client, people, fiche_index):
    client.force_login(people.editor)
    response = create_fiche(client, themes=[theme()], title=BROKEN_TITLE)
    assert response.status_code == 200
    assert "Le titre ne peut pas contenir de retour à la ligne" in response.content.decode()
    assert "Les étapes pour bien accueillir un nouveau bénévole." in response.content.decode()
    assert not FichePage.objects.filter(slug="accueillir-benevoles").exists()


def test_the_coordination_reads_the_outbox_and_nobody_edits_it(client, people, event, settings):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    committed(client.post, event.url, registration_form())
    queued = OutboxEmail.objects.get()
    client.force_login(people.coordinator)
    listing = client.get("/admin/outbox/?status=pending")
    assert listing.status_code == 200
    assert "Inscription confirmée" in listing.content.decode()
    assert "ConnectionRefusedError" in listing.content.decode()
    inspect = client.get(f"/admin/outbox/inspect/{queued.pk}/")
    assert inspect.status_code == 200
    assert "/inscription/annuler/" not in inspect.content.decode()  # the personal link stays hidden
    for action in ("new/", f"edit/{queued.pk}/", f"delete/{queued.pk}/"):
        url = f"/admin/outbox/{action}"
        assert client.get(url).status_code in (302, 403), url
    client.force_login(people.editor)
    assert client.get("/admin/outbox/").status_code in (302, 403)


def test_an_html_part_headers_and_attachments_survive_the_outbox(db, settings):
    """What a reminder (iCal file) or a digest (HTML, List-Unsubscribe) needs reaches the server."""
    from site_kazasso.outbox.mail import queue_mail

    committed(
        queue_mail,
        "Rappel\nde l'atelier",
        "Texte brut",
        ["a@example.org"],
        html="<p>Version <strong>HTML</strong></p>",
        headers={
            "List-Unsubscribe": "<https://exemple.re/d/>",
            "X-Kazasso-Liste": "Financement\nBcc: x@y.z",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
        attachments=[
            ("atelier.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),
            ("a.bin", b"\x00\xff", "application/octet-stream"),
        ],
    )
    [sent] = mail.outbox
    assert sent.subject == "Rappel de l'atelier" and sent.body == "Texte brut"
    assert sent.alternatives[0].content == "<p>Version <strong>HTML</strong></p>"
    assert sent.extra_headers["List-Unsubscribe"] == "<https://exemple.re/d/>"
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert sent.extra_headers["X-Kazasso-Liste"] == "Financement Bcc: x@y.z"  # never a second header
    names = {name: (content, mimetype) for name, content, mimetype in sent.attachments}
    assert (
        names["atelier.ics"][0].startswith("BEGIN:VCALENDAR") and names["atelier.ics"][1] == "text/calendar"
    )
    assert names["a.bin"][0] == b"\x00\xff"
    assert "List-Unsubscribe: <https://exemple.re/d/>" in sent.message().as_string()
