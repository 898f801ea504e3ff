"""Plain descriptions of demo events, their speakers and the associations that register.

Like `spec` for the fiches, these describe content with slugs and keys only; `events_builders`
turns them into pages, speakers and registrations.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from zoneinfo import ZoneInfo

from demo.spec import BlockSpec

REUNION = ZoneInfo("Indian/Reunion")
"""Event times are written as La Réunion wall-clock times (UTC+4, no daylight saving)."""

VISIO_BASE_URL = "https://visio.kazasso.re/"
REPLAY_BASE_URL = "https://videos.kazasso.re/"


@dataclass(frozen=True)
class SpeakerSpec:
    """A speaker: from a member structure (its slug) or, failing that, from another organisation."""

    name: str
    role: str
    structure: str = ""
    organisation: str = ""


@dataclass(frozen=True)
class AssociationSpec:
    """A fictional association that registers to events; `key` names it in the registration lists."""

    key: str
    name: str
    contact: str
    email: str
    rna: str = ""


@dataclass(frozen=True)
class EventSpec:
    """One demo event; taxonomy values are slugs of the reference lists of taxonomy.md.

    A past event has a fixed `day`; an upcoming one has `days_ahead`, counted from the moment the
    demo is loaded and moved to the next weekday, so it stays upcoming whenever the demo is loaded.
    """

    slug: str
    title: str
    chapo: str
    format: str
    start_time: time
    minutes: int
    structure: str
    themes: tuple[str, ...]
    tags: tuple[str, ...]
    speakers: tuple[SpeakerSpec, ...]
    body: tuple[BlockSpec, ...]
    co_organisers: tuple[str, ...] = ()
    audience: str = ""
    address: str = ""
    typology: str = ""
    day: date | None = None
    days_ahead: int = 0
    published_days_before: int = 10
    attendance: int | None = None
    replay_url: str = ""
    resources: tuple[BlockSpec, ...] = ()
    capacity: int | None = None
    max_seats: int = 3
    waitlist: bool = True
    opens_days_before: int | None = None
    registrations: tuple[tuple[str, int], ...] = field(default=())
    """(association key, seats) in the order the associations register."""

    @property
    def visio_url(self) -> str:
        """Online and hybrid events get a placeholder room named after the slug."""
        return f"{VISIO_BASE_URL}{self.slug}" if self.format in {"webinaire", "hybride"} else ""

    @property
    def organisers(self) -> tuple[str, ...]:
        """The owning structure first, then the co-organisers: it is always one of the organisers."""
        return (self.structure, *(slug for slug in self.co_organisers if slug != self.structure))


def member(name: str, role: str, structure: str) -> SpeakerSpec:
    return SpeakerSpec(name=name, role=role, structure=structure)


def guest(name: str, role: str, organisation: str) -> SpeakerSpec:
    return SpeakerSpec(name=name, role=role, organisation=organisation)


def replay(topic: str) -> str:
    """A placeholder replay address on the collective's own video host."""
    return f"{REPLAY_BASE_URL}replay-2020-{topic}"
