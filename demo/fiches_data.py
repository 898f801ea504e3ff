"""The demo fiches, in creation order: the spring-2020 webinars first, then the everyday subjects.

Each subject lives in its own module under `demo.content` so no file grows unreadable; this
module is the single list the builders and the checks read.
"""

from __future__ import annotations

from demo.content import (
    accounting,
    communication,
    crisis_community,
    crisis_funding,
    events,
    founding,
    funding,
    people,
    territory,
)
from demo.spec import FicheSpec

FICHES: tuple[FicheSpec, ...] = (
    *crisis_funding.FICHES,
    *crisis_community.FICHES,
    *founding.FICHES,
    *funding.FICHES,
    *accounting.FICHES,
    *people.FICHES,
    *events.FICHES,
    *communication.FICHES,
    *territory.FICHES,
)


def fiche_slugs() -> set[str]:
    """Slugs of every demo fiche, to validate `related` references."""
    return {fiche.slug for fiche in FICHES}
