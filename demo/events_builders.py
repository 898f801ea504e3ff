"""Create the demo events under /evenements/, their speakers and their registrations.

Like `builders`, every function creates only what is missing: an event counts as present when a
child of the event index has its slug, whatever its content, and existing pages are never changed.
Registrations go through `events.services.register()`, so capacity and waiting-list rules apply.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.test.utils import override_settings
from django.utils import timezone

from demo.builders import CHAPO_MAX_LENGTH, DemoContext, publish_as_of, resolve_body
from demo.events_data import EVENTS, associations_by_key, event_slugs
from demo.events_spec import REUNION, AssociationSpec, EventSpec
from demo.media_data import DOCUMENTS
from demo.report import StepReport, count_report
from events import clock
from events.models import (
    NEEDS_ADDRESS,
    RESERVED_SLUGS,
    EventFormat,
    EventIndexPage,
    EventPage,
    EventSpeaker,
    Registration,
    rna_validator,
)
from events.services import RegistrationData, RegistrationRefused, register
from members.models import Structure
from taxonomy.models import Theme, Typology

THEMES_PER_EVENT = (1, 3)
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


# --- Checks ----------------------------------------------------------------------------------------


def _check_spec(spec: EventSpec, known: dict[str, set[str]], associations: set[str]) -> list[str]:
    """Problems of one event description; `known` holds the slugs of the reference lists."""
    problems: list[str] = []
    unknown = [slug for slug in spec.organisers if slug not in known["structures"]]
    unknown += [s.structure for s in spec.speakers if s.structure and s.structure not in known["structures"]]
    problems += [f"{spec.slug} : structure inconnue « {slug} »" for slug in unknown]
    problems += [
        f"{spec.slug} : thème inconnu « {slug} »" for slug in spec.themes if slug not in known["themes"]
    ]
    if spec.typology and spec.typology not in known["typologies"]:
        problems.append(f"{spec.slug} : typologie inconnue « {spec.typology} »")
    if not THEMES_PER_EVENT[0] <= len(spec.themes) <= THEMES_PER_EVENT[1]:
        problems.append(f"{spec.slug} : {len(spec.themes)} thèmes (1 à 3 attendus)")
    if len(spec.chapo) > CHAPO_MAX_LENGTH:
        problems.append(f"{spec.slug} : chapô de {len(spec.chapo)} caractères (400 au plus)")
    if spec.slug in RESERVED_SLUGS:
        problems.append(f"{spec.slug} : identifiant d'URL réservé")
    if spec.format not in EventFormat.values:
        problems.append(f"{spec.slug} : format inconnu « {spec.format} »")
    if spec.format in NEEDS_ADDRESS and not spec.address:
        problems.append(f"{spec.slug} : adresse manquante")
    if (spec.day is None) == (spec.days_ahead <= 0):
        problems.append(f"{spec.slug} : indiquer soit une date passée, soit un nombre de jours à venir")
    if not 2 <= len(spec.speakers) <= 3 or any(not (s.structure or s.organisation) for s in spec.speakers):
        problems.append(
            f"{spec.slug} : 2 ou 3 intervenants attendus, chacun avec sa structure ou son organisme"
        )
    problems += [
        f"{spec.slug} : document inconnu « {value['document']} »"
        for block_type, value in (*spec.body, *spec.resources)
        if block_type == "document"
        and isinstance(value, dict)
        and value["document"] not in known["documents"]
    ]
    return problems + _check_registrations(spec, associations)


def _check_registrations(spec: EventSpec, associations: set[str]) -> list[str]:
    """Registrations must be takeable: upcoming, open, known associations, each once, seats allowed."""
    if not spec.registrations:
        return []
    problems: list[str] = []
    keys = [key for key, _seats in spec.registrations]
    if spec.day is not None or spec.opens_days_before is not None:
        problems.append(f"{spec.slug} : inscriptions sur un événement passé ou pas encore ouvert")
    if len(set(keys)) != len(keys):
        problems.append(f"{spec.slug} : une association inscrite deux fois")
    problems += [f"{spec.slug} : association inconnue « {key} »" for key in keys if key not in associations]
    if any(not 1 <= seats <= spec.max_seats for _key, seats in spec.registrations):
        problems.append(f"{spec.slug} : entre 1 et {spec.max_seats} places par inscription")
    requested = sum(seats for _key, seats in spec.registrations)
    if spec.capacity is not None and not spec.waitlist and requested > spec.capacity:
        problems.append(f"{spec.slug} : plus de places demandées que disponibles, sans liste d'attente")
    return problems


def check_event_specs() -> list[str]:
    """Problems in the demo events and associations, found before anything is written."""
    known = {
        "structures": set(Structure.objects.values_list("slug", flat=True)),
        "themes": set(Theme.objects.values_list("slug", flat=True)),
        "typologies": set(Typology.objects.values_list("slug", flat=True)),
        "documents": {document.key for document in DOCUMENTS},
    }
    associations = associations_by_key()
    problems: list[str] = []
    if len(event_slugs()) != len(EVENTS):
        problems.append("deux événements de démonstration ont le même identifiant d'URL")
    for spec in EVENTS:
        problems += _check_spec(spec, known, set(associations))
    for association in associations.values():
        try:
            if association.rna:
                rna_validator(association.rna)
        except ValidationError:
            problems.append(f"{association.key} : numéro RNA invalide « {association.rna} »")
    if len({a.email for a in associations.values()}) != len(associations):
        problems.append("deux associations de démonstration ont le même courriel")
    return problems


# --- Pages -----------------------------------------------------------------------------------------


@dataclass
class EventsOutcome:
    """What the events step did, before it is phrased as reports."""

    created_past: int = 0
    created_upcoming: int = 0
    registrations: int = 0
    waiting: int = 0


def event_window(spec: EventSpec, now: datetime) -> tuple[datetime, datetime]:
    """Start and end in La Réunion time; upcoming events move off week-ends to the next Monday."""
    if spec.day is not None:
        day = spec.day
    else:
        day = timezone.localtime(now, REUNION).date() + timedelta(days=spec.days_ahead)
        while day.weekday() >= 5:
            day += timedelta(days=1)
    start = datetime.combine(day, spec.start_time, tzinfo=REUNION)
    return start, start + timedelta(minutes=spec.minutes)


def build_event(
    spec: EventSpec, ctx: DemoContext, lookups: dict[str, dict[str, Any]], now: datetime
) -> EventPage:
    """An unsaved event with organisers, speakers, themes and tags; add_child saves it as a draft."""
    structures = lookups["structures"]
    start, end = event_window(spec, now)
    page = EventPage(
        title=spec.title,
        slug=spec.slug,
        chapo=spec.chapo,
        start=start,
        end=end,
        format=spec.format,
        address=spec.address,
        visio_url=spec.visio_url,
        structure=structures[spec.structure],
        audience=spec.audience,
        typology=lookups["typologies"].get(spec.typology),
        body=resolve_body(spec.body, ctx),
        registration_enabled=True,
        capacity=spec.capacity,
        max_seats_per_registration=spec.max_seats,
        waitlist_enabled=spec.waitlist,
        registration_opens_at=start - timedelta(days=spec.opens_days_before)
        if spec.opens_days_before is not None
        else None,
        replay_url=spec.replay_url,
        resources=resolve_body(spec.resources, ctx),
        attendance_count=spec.attendance,
        live=False,
        owner=ctx.author,
    )
    page.organisers = [structures[slug] for slug in spec.organisers]
    page.themes = [lookups["themes"][slug] for slug in spec.themes]
    page.speakers = [
        EventSpeaker(
            name=speaker.name,
            role=speaker.role,
            structure=structures.get(speaker.structure),
            organisation=speaker.organisation,
            sort_order=order,
        )
        for order, speaker in enumerate(spec.speakers)
    ]
    page.tags.add(*spec.tags)
    return page


def publish_event(page: EventPage, spec: EventSpec, ctx: DemoContext) -> None:
    """Publish with one revision (which runs `full_clean`, hence `EventPage.clean`).

    Past events are dated as if published `published_days_before` days before they took place.
    """
    try:
        if spec.day is not None:
            publish_as_of(page, page.start - timedelta(days=spec.published_days_before), ctx.author)
        else:
            page.save_revision(user=ctx.author).publish(user=ctx.author)
    except ValidationError as exc:
        raise CommandError(f"Événement de démonstration « {spec.slug} » invalide : {exc}") from exc


def add_registrations(
    page: EventPage, spec: EventSpec, associations: dict[str, AssociationSpec], *, new_page: bool
) -> list[Registration]:
    """Register the spec's associations in order, through the same rules as the public form.

    An event created earlier (or whose registrations closed since) is left alone if the rules
    refuse a registration; on an event created now a refusal means the demo data is wrong.
    """
    if not spec.registrations or page.registration_state(clock.now()) not in OPEN_STATES:
        return []
    created: list[Registration] = []
    for key, seats in spec.registrations:
        association = associations[key]
        data = RegistrationData(
            association_name=association.name,
            contact_name=association.contact,
            email=association.email,
            seats=seats,
            consent=True,
            rna_number=association.rna,
        )
        try:
            created.append(register(page, data))
        except RegistrationRefused as exc:
            if new_page:
                raise CommandError(
                    f"{spec.slug} : inscription de « {association.name} » refusée : {exc}"
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
    lookups: dict[str, dict[str, Any]] = {
        "structures": {s.slug: s for s in Structure.objects.all()},
        "typologies": {t.slug: t for t in Typology.objects.all()},
        "themes": {t.slug: t for t in Theme.objects.all()},
    }
    associations = associations_by_key()
    outcome = EventsOutcome()
    for spec in EVENTS:
        page = existing.get(spec.slug)
        new_page = page is None
        if page is None:
            page = build_event(spec, ctx, lookups, now)
            index.add_child(instance=page)
            publish_event(page, spec, ctx)
            if spec.day is not None:
                outcome.created_past += 1
            else:
                outcome.created_upcoming += 1
        if new_page or not page.registrations.exists():
            registrations = add_registrations(page, spec, associations, new_page=new_page)
            outcome.registrations += len(registrations)
            outcome.waiting += sum(r.status == Registration.Status.WAITING for r in registrations)
    return _reports(outcome)


def _reports(outcome: EventsOutcome) -> list[StepReport]:
    """« 8 webinaires 2020 créés… », « 6 événements à venir créés… », « N inscriptions créées »."""
    past_total = sum(spec.day is not None for spec in EVENTS)
    upcoming_total = len(EVENTS) - past_total
    demo_slugs = event_slugs()
    registrations_total = Registration.objects.filter(event__slug__in=demo_slugs).count()
    registrations = count_report(
        outcome.registrations,
        registrations_total - outcome.registrations,
        singular="inscription",
        plural="inscriptions",
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
            singular="webinaire 2020",
            plural="webinaires 2020",
            feminine=False,
        ),
        count_report(
            outcome.created_upcoming,
            upcoming_total - outcome.created_upcoming,
            singular="événement à venir",
            plural="événements à venir",
            feminine=False,
        ),
        registrations,
    ]
