"""Review claims, due dates in working days, reminders sent once, and reassignment."""

import datetime as dt
import html
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, TaskState

from editorial import claims
from editorial.models import PeerReviewTask, ReviewClaim, ReviewReminder
from editorial.workdays import add_working_days, working_days_between
from fiches.models import FichePage
from site_kazasso.outbox.models import OutboxEmail
from taxonomy.models import Theme
from tests.editorial.helpers import (
    committed,
    create_fiche,
    current_task_name,
    refused,
    submit,
    workflow_action,
)

pytestmark = pytest.mark.django_db

REUNION = zoneinfo.ZoneInfo("Indian/Reunion")
STEP1 = "Relecture par un pair"


def at(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=REUNION)


def as_user(client, user):
    client.logout()
    client.force_login(user)
    return client


def submitted_at(client, people, moment: dt.datetime) -> FichePage:
    """A complete CRAJEP fiche, submitted by its editor at `moment`: waiting for a peer review."""
    with time_machine.travel(moment, tick=False):
        as_user(client, people.editor)
        themes = [Theme.objects.get(slug="benevolat-engagement").pk]
        assert create_fiche(client, themes=themes).status_code == 302
        page = FichePage.objects.get(slug="accueillir-benevoles")
        submit(client, page)
    assert current_task_name(page) == STEP1
    return page


def step_of(page: Page) -> TaskState:
    return Page.objects.get(pk=page.pk).specific.current_workflow_task_state


def text(response) -> str:
    return html.unescape(response.content.decode())


def claim_url(page: Page) -> str:
    return reverse("editorial_review_claim", args=[step_of(page).pk])


def test_working_days_skip_weekends_and_reunion_holidays():
    friday = dt.date(2026, 12, 18)
    assert add_working_days(friday, 1) == dt.date(2026, 12, 21)  # Monday, over the weekend
    assert add_working_days(dt.date(2026, 12, 23), 2) == dt.date(2026, 12, 28)  # over Christmas (Fri)
    assert add_working_days(dt.date(2027, 12, 17), 1) == dt.date(2027, 12, 21)  # 20 Dec: abolition day
    assert add_working_days(dt.date(2027, 3, 26), 1) == dt.date(2027, 3, 30)  # Easter Monday 2027
    assert working_days_between(friday, dt.date(2026, 12, 21)) == 1
    assert working_days_between(friday, friday) == 0


def test_only_an_eligible_reviewer_claims_and_everyone_sees_who_holds_it(client, people):
    page = submitted_at(client, people, at(2026, 12, 17, 10))  # a Thursday
    url = claim_url(page)
    # The submitter, a reviewer of the page's own structure and a coordinator may not claim step 1.
    for user in (people.editor, people.same_reviewer, people.coordinator, people.other_editor):
        as_user(client, user).post(url)
        assert not ReviewClaim.objects.exists(), user
    # An eligible reviewer sees the button in the edit view, then claims.
    as_user(client, people.reviewer)
    edit_view = text(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert "personne ne s'en occupe encore (échéance le 24/12/2026)" in edit_view
    assert f'href="{url}?next=' in edit_view
    response = client.post(url, {"next": reverse("editorial_review_queue")})
    assert response.status_code == 302
    assert ReviewClaim.objects.get().user == people.reviewer
    assert PageLogEntry.objects.filter(page=page, action=claims.CLAIMED, user=people.reviewer).exists()
    # Another eligible reviewer cannot take it over, sees the holder, and may not decide meanwhile.
    as_user(client, people.mda_reviewer).post(url)
    assert ReviewClaim.objects.get().user == people.reviewer
    edit_view = text(client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert "Relecture « Relecture par un pair » : Damien s'en occupe" in edit_view
    assert f'href="{url}' not in edit_view
    queue = text(client.get(reverse("editorial_review_queue")))
    assert (
        "Accueillir de nouveaux bénévoles" in queue
        and "Damien" in queue
        and "Je m'en occupe</button>" not in queue
    )
    assert refused(workflow_action(client, page, "approve"))
    assert current_task_name(page) == STEP1
    # The editor of the page sees who holds it too (the queue is for reviewers and coordination).
    edit_view = text(as_user(client, people.editor).get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    assert "Damien s'en occupe" in edit_view
    assert client.get(reverse("editorial_review_queue")).status_code in (302, 403)
    # The claimant decides.
    as_user(client, people.reviewer)
    assert workflow_action(client, page, "approve").status_code == 302
    assert current_task_name(page) == "Validation par la coordination"


def test_due_date_and_age_count_working_days_with_a_frozen_clock(client, people):
    task = PeerReviewTask.objects.get()
    task.due_working_days = 2
    task.save()
    page = submitted_at(client, people, at(2026, 12, 17, 16))  # Thursday
    state = step_of(page)
    assert claims.due_date(state) == dt.date(2026, 12, 21)  # Friday, then Monday
    with time_machine.travel(at(2026, 12, 22, 9), tick=False):  # Tuesday
        assert claims.age_in_working_days(state) == 3
        assert claims.working_days_late(state) == 1
        queue = as_user(client, people.coordinator).get(reverse("editorial_review_queue")).content.decode()
    assert "21/12/2026" in queue and "3 jours ouvrés" in queue and "en retard de 1 jour" in queue


def test_the_workflow_task_admin_sets_the_delay_of_each_step(client, people):
    task = PeerReviewTask.objects.get()
    as_user(client, people.admin)
    url = reverse("wagtailadmin_workflows:edit_task", args=[task.pk])
    assert 'name="due_working_days"' in client.get(url).content.decode()
    groups = list(task.groups.values_list("pk", flat=True))
    assert client.post(url, {"name": task.name, "groups": groups, "due_working_days": 0}).status_code == 200
    assert client.post(url, {"name": task.name, "groups": groups, "due_working_days": 3}).status_code == 302
    task.refresh_from_db()
    assert task.due_working_days == 3


def outbox(subject_start: str) -> list[str]:
    emails = OutboxEmail.objects.filter(subject__startswith=subject_start)
    return sorted(address for email in emails for address in email.to)


def remind(moment: dt.datetime) -> None:
    with time_machine.travel(moment, tick=False):
        committed(call_command, "send_review_reminders", verbosity=0)


def test_late_reviews_are_reminded_once_per_level_to_the_right_people(client, people, settings):
    settings.KAZASSO_REVIEW_REMINDER_INTERVAL = 2
    task = PeerReviewTask.objects.get()
    task.due_working_days = 1
    task.save()
    page = submitted_at(client, people, at(2026, 11, 2, 10))  # Monday: due Tuesday 3
    with time_machine.travel(at(2026, 11, 2, 11), tick=False):
        as_user(client, people.reviewer).post(claim_url(page))
    remind(at(2026, 11, 3, 18))  # due today: not late yet
    assert not ReviewReminder.objects.exists()

    remind(at(2026, 11, 4, 8))  # one working day late: the claimant only
    remind(at(2026, 11, 4, 9))
    assert outbox("Relecture en retard : ") == ["damien@exemple.re"]

    remind(at(2026, 11, 5, 8))  # two days late: nothing new
    assert ReviewReminder.objects.count() == 1
    remind(at(2026, 11, 6, 8))  # three days late: every eligible reviewer
    remind(at(2026, 11, 6, 9))
    assert outbox("Relecture en retard, qui peut") == ["damien@exemple.re", "fabrice@exemple.re"]

    remind(at(2026, 11, 9, 8))  # four days late
    assert ReviewReminder.objects.count() == 2
    remind(at(2026, 11, 10, 8))  # five: the coordination
    remind(at(2026, 11, 12, 8))  # Wednesday 11 is a holiday; nothing is sent twice
    assert outbox("Relecture bloquée") == ["gaelle@exemple.re", "hugo@exemple.re"]
    assert sorted(ReviewReminder.objects.values_list("level", flat=True)) == [1, 2, 3]
    assert OutboxEmail.objects.filter(subject__contains="retard").count() == 3  # one email per address


def test_an_unclaimed_late_review_is_reminded_to_every_eligible_reviewer(client, people):
    page = submitted_at(client, people, at(2026, 11, 2, 10))  # due after 5 working days: Monday 9
    remind(at(2026, 11, 9, 20))
    assert not ReviewReminder.objects.exists()
    remind(at(2026, 11, 10, 8))
    assert outbox("Relecture en retard : ") == ["damien@exemple.re", "fabrice@exemple.re"]
    # Once approved, the step is no longer reminded.
    as_user(client, people.reviewer)
    workflow_action(client, page, "approve")
    OutboxEmail.objects.all().delete()
    remind(at(2026, 11, 20, 8))
    assert not outbox("Relecture")


def test_the_coordination_reassigns_to_another_eligible_reviewer(client, people):
    page = submitted_at(client, people, at(2026, 12, 17, 10))
    state = step_of(page)
    as_user(client, people.reviewer).post(claim_url(page))
    url = reverse("editorial_review_reassign", args=[state.pk])
    # A reviewer may not reassign, not even to themselves.
    assert refused(as_user(client, people.mda_reviewer).post(url, {"user": people.mda_reviewer.pk}))
    assert ReviewClaim.objects.get().user == people.reviewer
    # The coordination may only choose someone eligible.
    as_user(client, people.coordinator)
    form = client.get(url).content.decode()
    assert "Fabrice" in form and "Elise" not in form
    response = client.post(url, {"user": people.same_reviewer.pk})
    assert response.status_code == 200 and ReviewClaim.objects.get().user == people.reviewer
    response = committed(client.post, url, {"user": people.mda_reviewer.pk})
    assert response.status_code == 302
    claim = ReviewClaim.objects.get()
    assert (claim.user, claim.assigned_by) == (people.mda_reviewer, people.coordinator)
    assert outbox("Relecture confiée") == ["fabrice@exemple.re"]
    entry = PageLogEntry.objects.get(page=page, action=claims.REASSIGNED)
    assert entry.user == people.coordinator and entry.data["to"] == "Fabrice"
    history = text(client.get(reverse("wagtailadmin_pages:history", args=[page.pk])))
    assert "Relecture réattribuée à Fabrice" in history and "Relecture prise en charge" in history
    # Now only the new holder decides.
    as_user(client, people.reviewer)
    assert refused(workflow_action(client, page, "approve"))
    as_user(client, people.mda_reviewer)
    assert workflow_action(client, page, "approve").status_code == 302


def test_a_page_sent_back_with_changes_returns_to_the_reviewer_who_held_it(client, people):
    page = submitted_at(client, people, at(2026, 12, 17, 10))
    as_user(client, people.reviewer).post(claim_url(page))
    workflow_action(client, page, "reject", comment="Ajoutez un exemple de livret d'accueil.")
    as_user(client, people.editor)
    submit(client, page)
    assert current_task_name(page) == STEP1
    resumed = step_of(page)
    assert ReviewClaim.objects.get(task_state=resumed).user == people.reviewer
    assert ReviewClaim.objects.count() == 2  # the first step's claim stays in its history
    # "Je ne m'en occupe plus" gives the step back to every eligible reviewer.
    as_user(client, people.mda_reviewer).post(claim_url(page), {"release": "1"})
    assert ReviewClaim.objects.filter(task_state=resumed).exists()  # only the holder lets go
    as_user(client, people.reviewer).post(claim_url(page), {"release": "1"})
    assert not ReviewClaim.objects.filter(task_state=resumed).exists()
    assert PageLogEntry.objects.filter(page=page, action=claims.RELEASED, user=people.reviewer).exists()
