"""Create the demo events under /evenements/, their speakers and their registrations.

Like `builders`, every function creates only what is missing: an event counts as present when a
child of the event index has its slug, whatever its content, and existing pages are never changed.
Registrations go through `events.services.register()`, so capacity and waiting-list rules apply.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.core.management.base import CommandError
from django.test.utils import override_settings

from demo.builders import DemoContext, add_page, lookups, publish_as_of
from demo.loader import Entry, build_event, read, unknown_reference
from demo.report import StepReport, count_report
from events import clock
from events.models import EventIndexPage, EventPage, Registration
from events.services import RegistrationData, RegistrationRefused, register

PUBLISHED_DAYS_BEFORE = 10
OPEN_STATES = {"open", "waitlist"}
SILENT_EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"


@contextmanager
def registration_emails_silenced() -> Iterator[None]:
    """Send the emails queued by `register()` to Django's dummy backend, which drops them.

    `register()` sends its email through `transaction.on_commit`, so the emails leave when the
    outermost transaction of load_demo commits, not while the events step runs: this context
    must enclose that commit. Swapping the backend (rather than patching `events.emails`) relies
    only on a public setting, keeps the real code path, floods no console and stores nothing.
    """
    with override_settings(EMAIL_BACKEND=SILENT_EMAIL_BACKEND):
        yield


def get_event_index(ctx: DemoContext) -> EventIndexPage:
    """/evenements/, created by the events data migration."""
    index = EventIndexPage.objects.descendant_of(ctx.home).first()
    if index is None:
        raise CommandError(
            "La page « Événements » est introuvable : lancez d'abord « python manage.py migrate »."
        )
    return index


# --- Pages -----------------------------------------------------------------------------------------


@dataclass
class EventsOutcome:
    """What the events step did, before it is phrased as reports."""

    created_past: int = 0
    created_upcoming: int = 0
    registrations: int = 0
    waiting: int = 0


def publish_event(page: EventPage, entry: Entry, ctx: DemoContext) -> None:
    """Publish with one revision; a past event is dated as if published `published_days_before`
    (10) days before it took place."""
    if "day" not in entry:
        page.save_revision(user=ctx.author).publish(user=ctx.author)
        return
    days = entry.get("published_days_before", PUBLISHED_DAYS_BEFORE)
    publish_as_of(page, page.start - timedelta(days=days), ctx.author)


def add_registrations(
    page: EventPage, entry: Entry, associations: dict[str, Entry], *, new_page: bool
) -> list[Registration]:
    """Register the entry's associations in order, through the same rules as the public form.

    An event created earlier (or whose registrations closed since) is left alone if the rules
    refuse a registration; on an event created now a refusal means the demo data is wrong.
    """
    if not entry.get("registrations") or page.registration_state(clock.now()) not in OPEN_STATES:
        return []
    created: list[Registration] = []
    for registration in entry["registrations"]:
        with unknown_reference(entry):
            association = associations[registration["association"]]
        data = RegistrationData(
            association_name=association["name"],
            contact_name=association["contact"],
            email=association["email"],
            seats=registration["seats"],
            consent=True,
            rna_number=association.get("rna", ""),
        )
        try:
            created.append(register(page, data))
        except RegistrationRefused as exc:
            if new_page:
                raise CommandError(
                    f"{page.slug} : inscription de « {association['name']} » refusée : {exc}"
                ) from exc
            break
    return created


def ensure_events(ctx: DemoContext) -> list[StepReport]:
    """Create the missing events, publish them, then register associations to the upcoming ones.

    Registrations are added to an event created in this run, or to an existing demo event that has
    none at all (not even cancelled ones), so a second run creates nothing.
    """
    index = get_event_index(ctx)
    now = clock.now()
    existing = {page.slug: page for page in EventPage.objects.child_of(index)}
    found = lookups(ctx)
    associations = {association["key"]: association for association in read("associations.yaml")}
    entries = read("events")
    outcome = EventsOutcome()
    for entry in entries:
        page = existing.get(entry["slug"])
        new_page = page is None
        if page is None:
            page = add_page(index, build_event(entry, found, ctx.author, now))
            publish_event(page, entry, ctx)
            if "day" in entry:
                outcome.created_past += 1
            else:
                outcome.created_upcoming += 1
        if new_page or not page.registrations.exists():
            registrations = add_registrations(page, entry, associations, new_page=new_page)
            outcome.registrations += len(registrations)
            outcome.waiting += sum(r.status == Registration.Status.WAITING for r in registrations)
    return _reports(outcome, entries)


def _reports(outcome: EventsOutcome, entries: list[Entry]) -> list[StepReport]:
    """« 8 webinaires 2020 créés… », « 6 événements à venir créés… », « N inscriptions créées »."""
    past_total = sum("day" in entry for entry in entries)
    upcoming_total = len(entries) - past_total
    demo_slugs = {entry["slug"] for entry in entries}
    registrations_total = Registration.objects.filter(event__slug__in=demo_slugs).count()
    registrations = count_report(
        outcome.registrations,
        registrations_total - outcome.registrations,
        ("inscription", "inscriptions"),
        feminine=True,
    )
    if outcome.waiting:
        registrations = StepReport(
            registrations.created,
            registrations.existing,
            f"{registrations.message} ({outcome.waiting} en liste d'attente)",
        )
    return [
        count_report(
            outcome.created_past,
            past_total - outcome.created_past,
            ("webinaire 2020", "webinaires 2020"),
            feminine=False,
        ),
        count_report(
            outcome.created_upcoming,
            upcoming_total - outcome.created_upcoming,
            ("événement à venir", "événements à venir"),
            feminine=False,
        ),
        registrations,
    ]
