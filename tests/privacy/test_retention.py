"""Retention: on the right day the command erases who registered and keeps what statistics count."""

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings

from events.models import Registration
from site_kazasso.privacy.models import PrivacyAuditLog
from tests.factories import EventFactory, RegistrationFactory, reunion

pytestmark = pytest.mark.django_db

PERSONAL = ("association_name", "rna_number", "contact_name", "email")


@pytest.fixture
def registrations(event_index):
    """An event that ended on 12 March 2030 at 11:00 (La Réunion), one registration per status,
    and one of a later event whose data must stay."""
    event = EventFactory(start=reunion(2030, 3, 12, 9), end=reunion(2030, 3, 12, 11), capacity=10)
    later = EventFactory(start=reunion(2030, 9, 1, 9), end=reunion(2030, 9, 1, 11))
    made = {}
    for status, email in [
        ("confirmee", "confirme@asso.re"),
        ("attente", "attente@asso.re"),
        ("annulee", "annule@asso.re"),
    ]:
        made[status] = RegistrationFactory(
            event=event,
            email=email,
            status=status,
            seats=2,
            rna_number="W974001234",
            contact_name="Marie Payet",
        )
    made["later"] = RegistrationFactory(event=later, email="plus-tard@asso.re")
    return made


def snapshot():
    return {
        r.pk: {f: getattr(r, f) for f in (*PERSONAL, "seats", "status", "event_id")}
        for r in Registration.objects.all()
    }


def run(moment, *args):
    with time_machine.travel(moment, tick=False):
        call_command("erase_expired_data", *args)


def test_each_status_is_erased_on_its_day_keeping_seats_and_status(registrations, capsys):
    before = snapshot()
    run(reunion(2030, 6, 12, 10, 59))  # a minute before 3 months after the end: nothing yet
    assert snapshot() == before

    run(reunion(2030, 6, 12, 11))  # 3 months after the end: cancelled and waiting-list ones go
    after = snapshot()
    for status in ("attente", "annulee"):
        pk = registrations[status].pk
        assert {f: after[pk][f] for f in PERSONAL} == dict.fromkeys(PERSONAL, "")
        assert (after[pk]["seats"], after[pk]["status"]) == (2, status)
    assert after[registrations["confirmee"].pk] == before[registrations["confirmee"].pk]

    run(reunion(2031, 3, 12, 10, 59))  # a minute before 12 months: the confirmed one stays
    assert snapshot()[registrations["confirmee"].pk]["email"] == "confirme@asso.re"

    run(reunion(2031, 3, 12, 11))
    after = snapshot()
    confirmed = after[registrations["confirmee"].pk]
    assert {f: confirmed[f] for f in PERSONAL} == dict.fromkeys(PERSONAL, "")
    assert (confirmed["seats"], confirmed["status"]) == (2, "confirmee")
    assert after[registrations["later"].pk] == before[registrations["later"].pk]
    assert Registration.objects.get(pk=registrations["confirmee"].pk).personal_data_erased_at is not None
    assert "Inscriptions aux événements : 1 effacé(s)" in capsys.readouterr().out


def test_a_second_run_and_a_dry_run_change_nothing(registrations, capsys):
    run(reunion(2031, 4, 1), "--dry-run")
    out = capsys.readouterr().out
    assert "Simulation" in out and "Inscriptions aux événements : 3 à effacer" in out
    assert Registration.objects.filter(personal_data_erased_at__isnull=False).count() == 0

    run(reunion(2031, 4, 1))
    first = snapshot()
    erased_at = dict(Registration.objects.values_list("pk", "personal_data_erased_at"))
    logs = PrivacyAuditLog.objects.count()
    run(reunion(2031, 4, 2))
    assert snapshot() == first
    assert dict(Registration.objects.values_list("pk", "personal_data_erased_at")) == erased_at
    assert PrivacyAuditLog.objects.count() == logs == 1
    assert "Rien à effacer" in capsys.readouterr().out


@override_settings(KAZASSO_RETENTION_MONTHS=24, KAZASSO_RETENTION_UNCONFIRMED_MONTHS=1)
def test_the_periods_come_from_the_settings(registrations):
    run(reunion(2030, 4, 12, 11))
    assert snapshot()[registrations["annulee"].pk]["email"] == ""
    run(reunion(2031, 3, 12, 11))
    assert snapshot()[registrations["confirmee"].pk]["email"] == "confirme@asso.re"


def test_the_registrations_admin_shows_each_events_erasure_date(client, admin_user, registrations):
    client.force_login(admin_user)
    response = client.get("/admin/events/registration/")
    html = response.content.decode()
    assert "données effacées le 12/03/2031" in html  # the event filter: 12 months after its end
    assert "prévu le 12/06/2030" in html  # a waiting-list registration: 3 months
