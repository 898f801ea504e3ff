"""A reader registers and lands on the confirmation page; the reminder, then the replay, follow."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect

from events.models import EventPage, Registration
from site_kazasso.outbox.models import OutboxEmail
from tests.e2e.checks import axe_violations
from tests.e2e.public import register
from tests.e2e.seed import E2E, seed_site

pytestmark = E2E

REPLAY = "https://video.exemple.re/replay-assemblee-generale"


def test_reader_registers_then_gets_the_reminder_and_the_replay(page, shots, frozen_now):
    webinar = seed_site().webinar
    page.goto("/evenements/")
    card = page.locator(".event-card", has_text=webinar.title)
    expect(card.locator(".availability")).to_have_text("Inscriptions ouvertes")
    with page.expect_navigation():
        card.get_by_role("link", name=webinar.title).click()
    page.get_by_role("link", name="S'inscrire").click()
    expect(page.get_by_label("Nom de l'association")).to_be_in_viewport()
    register(page, "Les Amis du Volcan", "volcan@asso.re", 2)

    confirmation = page.locator(".confirmation")
    expect(confirmation.get_by_role("heading", level=1)).to_have_text("Votre inscription est confirmée")
    expect(confirmation).to_contain_text("volcan@asso.re")
    expect(confirmation.get_by_role("link", name="Ajouter à mon agenda")).to_be_visible()
    expect(confirmation.get_by_role("link", name="annuler mon inscription")).to_be_visible()
    shots(page, "confirmation")
    assert axe_violations(page) == []
    page.reload()  # a refresh shows the confirmation again, and registers nothing
    expect(confirmation.get_by_role("heading", level=1)).to_have_text("Votre inscription est confirmée")
    assert Registration.objects.filter(event=webinar).count() == 1

    frozen_now(webinar.start - dt.timedelta(hours=23, minutes=55))  # the cron run of the day before
    call_command("send_event_reminders", stdout=None)
    reminder = OutboxEmail.objects.get(subject__startswith="Rappel")
    assert reminder.to == ["volcan@asso.re"] and reminder.status == OutboxEmail.Status.SENT
    (sent,) = [m for m in mail.outbox if m.subject.startswith("Rappel")]
    assert webinar.visio_url in sent.body and sent.attachments[0][0].endswith(".ics")

    frozen_now(webinar.end + dt.timedelta(days=1))  # the organisers publish the replay
    event = EventPage.objects.get(pk=webinar.pk)
    event.replay_url = REPLAY
    event.save_revision().publish()
    (replay,) = [m for m in mail.outbox if m.subject.startswith("Replay")]
    assert replay.to == ["volcan@asso.re"] and REPLAY in replay.body
    page.goto(webinar.url)
    expect(page.get_by_role("link", name="Voir le replay")).to_have_attribute("href", REPLAY)
    shots(page, "replay")
