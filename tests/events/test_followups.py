"""Reminders before an event and the replay after it: once, on time, to the right people, via the outbox."""

import base64
import datetime as dt
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import call_command

from events import followups
from events.models import Registration
from site_kazasso.outbox.mail import deliver_due
from site_kazasso.outbox.models import OutboxEmail
from tests.factories import EventFactory, FicheFactory, RegistrationFactory, reunion

pytestmark = pytest.mark.django_db

SECRET = "https://visio.exemple.re/salle-secrete-123"
START = reunion(2030, 3, 12, 9)
Status = Registration.Status


@pytest.fixture
def clock(frozen_now):
    frozen_now(reunion(2030, 3, 1, 12))
    return frozen_now


@pytest.fixture
def event(event_index, clock):
    event = EventFactory(slug="atelier", start=START, end=START + dt.timedelta(hours=2), capacity=10)
    RegistrationFactory(event=event, email="confirmee@asso.re")
    RegistrationFactory(event=event, email="attente@asso.re", status=Status.WAITING)
    RegistrationFactory(event=event, email="annulee@asso.re", status=Status.CANCELLED)
    return event


def queued_to() -> list[str]:
    return sorted(address for email in OutboxEmail.objects.all() for address in email.to)


def run_command() -> None:
    call_command("send_event_reminders", stdout=mock.Mock())


# --- reminders -----------------------------------------------------------------------------


def test_the_reminder_leaves_the_day_before_once_to_confirmed_registrants(event, clock):
    clock(START - dt.timedelta(hours=24, minutes=5))
    run_command()
    assert OutboxEmail.objects.count() == 0  # not yet
    clock(START - dt.timedelta(hours=24) + dt.timedelta(minutes=3))
    run_command()
    run_command()  # cron again five minutes later: nothing new
    assert queued_to() == ["confirmee@asso.re"]
    email = OutboxEmail.objects.get()
    assert email.subject == f"Rappel : {event.title}"
    assert SECRET in email.body  # the video link, only in emails
    assert "/evenements/atelier/inscription/annuler/" in email.body
    assert "mardi 12 mars 2030, de 09h00 à 11h00" in email.body
    (attachment,) = email.attachments
    assert attachment["filename"] == "atelier.ics" and attachment["mimetype"] == "text/calendar"
    ics = base64.b64decode(attachment["base64"]).decode()
    assert "BEGIN:VEVENT" in ics and SECRET not in ics
    assert Registration.objects.get(email="confirmee@asso.re").reminder_sent_at is not None


def test_the_reminder_offset_is_the_events_own(event, clock):
    event.reminder_hours = 2
    event.save_revision().publish()
    clock(START - dt.timedelta(hours=3))
    run_command()
    assert OutboxEmail.objects.count() == 0
    clock(START - dt.timedelta(hours=1, minutes=58))
    run_command()
    assert queued_to() == ["confirmee@asso.re"]


def test_no_reminder_once_started_nor_for_a_registration_made_after_the_reminder_time(event, clock):
    clock(START - dt.timedelta(hours=1))
    late = RegistrationFactory(event=event, email="tardive@asso.re")
    Registration.objects.filter(pk=late.pk).update(created_at=START - dt.timedelta(hours=2))
    run_command()
    assert queued_to() == ["confirmee@asso.re"]
    OutboxEmail.objects.all().delete()
    Registration.objects.update(reminder_sent_at=None)
    clock(START + dt.timedelta(minutes=1))
    run_command()
    assert OutboxEmail.objects.count() == 0


def test_a_mail_server_failure_is_retried_by_the_outbox_never_requeued(event, clock, time_machine):
    clock(START - dt.timedelta(hours=23))
    with mock.patch.object(EmailMessage, "send", side_effect=OSError("serveur injoignable")):
        followups.send_due_reminders()  # the test transaction never commits: deliver by hand
        assert deliver_due() == {"due": 1, "sent": 0, "stale": 0}
    email = OutboxEmail.objects.get()
    assert (email.status, email.attempts) == (OutboxEmail.Status.PENDING, 1)
    assert "serveur injoignable" in email.last_error
    run_command()  # the marker was set with the queuing: no second reminder
    assert OutboxEmail.objects.count() == 1
    time_machine.move_to(email.next_attempt_at + dt.timedelta(seconds=1))
    assert deliver_due()["sent"] == 1
    (sent,) = mail.outbox
    assert sent.to == ["confirmee@asso.re"] and sent.subject.startswith("Rappel")
    assert sent.attachments[0][0] == "atelier.ics"


# --- after the event -------------------------------------------------------------------------


def publish_replay(event, **fields) -> None:
    for name, value in fields.items():
        setattr(event, name, value)
    event.save_revision().publish()


def test_publishing_the_replay_emails_confirmed_registrants_once(event, clock, fiche_index):
    clock(START + dt.timedelta(days=2))
    fiche = FicheFactory(title="Ce qu'il faut retenir de l'atelier", slug="retenir-atelier")
    publish_replay(event, replay_url="https://video.exemple.re/replay-atelier", restitution=fiche)
    assert queued_to() == ["confirmee@asso.re"]
    email = OutboxEmail.objects.get()
    assert email.subject == f"Replay et supports : {event.title}"
    assert "https://video.exemple.re/replay-atelier" in email.body
    assert "/ressources/retenir-atelier/" in email.body
    assert SECRET not in email.body
    publish_replay(
        event,
        resources='[{"type": "links", "value": {"title": "Supports", '
        '"links": [{"title": "Diaporama", "url": "https://docs.exemple.re/d.pdf"}]}}]',
    )
    run_command()
    assert OutboxEmail.objects.count() == 1  # never twice


def test_the_waiting_list_gets_the_replay_when_the_event_says_so(event, clock):
    clock(START + dt.timedelta(days=1))
    publish_replay(event, followup_to_waitlist=True, replay_url="https://video.exemple.re/r")
    assert queued_to() == ["attente@asso.re", "confirmee@asso.re"]


def test_a_replay_without_publication_or_before_the_end_sends_nothing(event, clock):
    event.replay_url = "https://video.exemple.re/brouillon"
    event.save_revision()  # a draft
    clock(START + dt.timedelta(days=1))
    run_command()
    assert OutboxEmail.objects.count() == 0
    clock(START + dt.timedelta(hours=1))  # published while the event is still on
    publish_replay(event)
    assert OutboxEmail.objects.count() == 0
    clock(START + dt.timedelta(hours=3))  # cron, once it has ended
    run_command()
    assert queued_to() == ["confirmee@asso.re"]


def test_an_old_archive_filled_in_late_writes_to_nobody(event, clock):
    clock(START + dt.timedelta(days=followups.FOLLOWUP_DAYS + 1))
    publish_replay(event, replay_url="https://video.exemple.re/archive")
    run_command()
    assert OutboxEmail.objects.count() == 0


# --- restitution ------------------------------------------------------------------------------


def test_the_event_and_its_restitution_fiche_link_to_each_other(client, event, clock, fiche_index):
    fiche = FicheFactory(title="Retour sur l'atelier", slug="retour-atelier")
    publish_replay(event, restitution=fiche)
    event_page = client.get("/evenements/atelier/").content.decode()
    assert 'href="/ressources/retour-atelier/"' in event_page
    fiche_page = client.get("/ressources/retour-atelier/").content.decode()
    assert "Restitution de" in fiche_page and 'href="/evenements/atelier/"' in fiche_page
    event.unpublish()
    assert 'href="/evenements/atelier/"' not in client.get("/ressources/retour-atelier/").content.decode()
