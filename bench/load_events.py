"""The load test's events (small capacities, so seats run out) and the end-of-run database check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bench.targets import LOAD_EVENT_PREFIX


@dataclass(frozen=True)
class LoadEvent:
    slug: str
    capacity: int
    waitlist: bool
    max_seats: int


# Small enough to run out even when a slow site lets through a dozen registrations a minute:
# one with a waiting list, one refusing once full, one larger.
LOAD_EVENTS = (
    LoadEvent(f"{LOAD_EVENT_PREFIX}1", capacity=8, waitlist=True, max_seats=3),
    LoadEvent(f"{LOAD_EVENT_PREFIX}2", capacity=5, waitlist=False, max_seats=2),
    LoadEvent(f"{LOAD_EVENT_PREFIX}3", capacity=20, waitlist=True, max_seats=4),
)


def prepare_load_events(specs: tuple[LoadEvent, ...] = LOAD_EVENTS) -> list[str]:
    """Create the events if missing (published like an editor would), reset them, return their slugs.

    Reset: start in 30 days, registration open, the capacity of `specs`, no registration left.
    """
    from django.utils import timezone

    from events.models import EventIndexPage, EventPage, Registration
    from members.models import Structure
    from taxonomy.models import Theme

    start = (timezone.now() + dt.timedelta(days=30)).replace(microsecond=0)
    index = EventIndexPage.objects.live().first()
    if index is None:
        raise RuntimeError("Aucune page « Événements » (EventIndexPage) dans la base : lancez migrate.")
    structure = Structure.objects.order_by("pk").first()
    theme = Theme.objects.order_by("pk").first()
    for number, spec in enumerate(specs, start=1):
        page = EventPage.objects.filter(slug=spec.slug).first()
        if page is None:
            page = EventPage(
                title=f"Test de charge {number} : atelier d'essai",
                slug=spec.slug,
                chapo="Événement créé par bench/load_test.py pour mesurer les inscriptions simultanées.",
                start=start,
                end=start + dt.timedelta(hours=2),
                format="webinaire",
                visio_url=f"https://visio.exemple.re/{spec.slug}",
                structure=structure,
            )
            page.organisers = [structure]
            page.themes = [theme] if theme else []
            index.add_child(instance=page)
            page.save_revision().publish()
            page = EventPage.objects.get(pk=page.pk)
        EventPage.objects.filter(pk=page.pk).update(
            start=start,
            end=start + dt.timedelta(hours=2),
            registration_enabled=True,
            registration_opens_at=None,
            registration_closes_at=None,
            capacity=spec.capacity,
            waitlist_enabled=spec.waitlist,
            max_seats_per_registration=spec.max_seats,
        )
        Registration.objects.filter(event=page).delete()
    return [spec.slug for spec in specs]


def database_figures(slugs: list[str]) -> dict[str, dict[str, Any]]:
    """Per event: capacity, confirmed and waiting registrations, confirmed seats."""
    from django.db.models import Count, Q, Sum

    from events.models import EventPage, Registration

    confirmed, waiting = Registration.Status.CONFIRMED, Registration.Status.WAITING
    figures = {}
    for event in EventPage.objects.filter(slug__in=slugs).order_by("slug"):
        row = event.registrations.aggregate(
            confirmed=Count("pk", filter=Q(status=confirmed)),
            waiting=Count("pk", filter=Q(status=waiting)),
            total=Count("pk"),
            seats=Sum("seats", filter=Q(status=confirmed)),
        )
        figures[event.slug] = {"capacity": event.capacity, **row, "seats": row["seats"] or 0}
    return figures


def compare(figures: Mapping[str, Mapping[str, Any]], answers: Mapping[str, Mapping[str, int]]) -> list[str]:
    """Problems (in French) between what clients were told and what the database holds.

    `answers[slug]` counts the responses: "confirmed", "waiting", "refused". A registration the
    database holds but no client was told about, or the reverse, is a lost (or phantom) one.
    """
    problems = []
    for slug, db in figures.items():
        told = answers.get(slug, {})
        for status, label in (("confirmed", "confirmées"), ("waiting", "en attente")):
            if db[status] != told.get(status, 0):
                problems.append(
                    f"{slug} : {db[status]} inscriptions {label} en base, "
                    f"{told.get(status, 0)} réponses l'annonçaient"
                )
        extra = db["total"] - db["confirmed"] - db["waiting"]
        if extra:
            problems.append(f"{slug} : {extra} inscriptions ni confirmées ni en attente")
        if db["capacity"] is not None and db["seats"] > db["capacity"]:
            problems.append(f"{slug} : {db['seats']} places confirmées pour une jauge de {db['capacity']}")
    return problems
