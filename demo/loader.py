"""The demo content as data: read the YAML files of `demo/data/` and build unsaved pages from them.

An entry's plain keys are model fields (`title`, `slug`, `chapo`, `format`, `capacity`…); the other
keys name what a field cannot hold as written: slugs of reference data (`structure`, `typology`,
`themes`, `organisers`), the key of an image of media.yaml (`image`), `tags`, `speakers`, body
blocks in a short form, and dates relative to the load. Nothing here checks the content: the body
goes through its StreamBlock's own `clean`, and the page through Wagtail's save path (`full_clean`,
hence `EventPage.clean`) when it is added.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.models import Page

from events.models import EventPage, EventSpeaker
from fiches.models import FichePage

DATA_DIR = Path(__file__).resolve().parent / "data"
FILES_DIR = DATA_DIR / "files"
REUNION = ZoneInfo("Indian/Reunion")
"""Event times are written as La Réunion wall-clock times (UTC+4, no daylight saving)."""

Entry = dict[str, Any]
Lookups = dict[str, dict[str, Any]]
"""Objects by slug or key: "structures", "typologies", "themes", "images", "documents", "links"."""

RELATION_KEYS = {"structure", "typology", "themes", "tags", "organisers", "speakers", "related", "image"}
CONTENT_KEYS = {"body", "resources", "registrations", "workflow"}
DATE_KEYS = {"published", "updated", "day", "in_days", "time", "minutes"}
DATE_KEYS |= {"published_days_before", "opens_days_before"}
NOT_FIELDS = RELATION_KEYS | CONTENT_KEYS | DATE_KEYS
MAIN_FIELD = {"heading": "text", "testimony": "quote", "image": "image", "document": "document"}


@cache
def read(name: str) -> Any:
    """A data file, or the entries of every file of a folder in file-name order (creation order)."""
    path = DATA_DIR / name
    if path.is_dir():
        return [entry for file in sorted(path.glob("*.yaml")) for entry in _load(file)]
    return _load(path)


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def rich_text(parts: str | list[Any]) -> str:
    """HTML from short parts: a string is a paragraph (kept as is if it starts with a tag), and
    {"ul": [...]} or {"ol": [...]} a list."""
    html = []
    for part in [parts] if isinstance(parts, str) else parts:
        if isinstance(part, str):
            html.append(part if part.lstrip().startswith("<") else f"<p>{part}</p>")
        else:
            for tag, items in part.items():
                html.append(f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>")
    return "".join(html)


def raw_block(entry: Entry, lookups: Lookups) -> Entry:
    """One block in the stored JSON form; the first key of the entry is the block type.

    Block fields left out take the defaults the block declares (fiches/blocks.py).
    """
    kind, main = next(iter(entry.items()))
    value = {name: option for name, option in entry.items() if name != kind}
    if kind == "paragraph":
        return {"type": kind, "value": rich_text(main)}
    if kind == "key_points":
        value["text"] = rich_text([{"ul": main}])
    elif kind == "faq":
        value["items"] = [{**item, "answer": rich_text(item["answer"])} for item in main]
    elif kind == "links":
        value["links"] = [lookups["links"][link] if isinstance(link, str) else link for link in main]
    elif kind in ("image", "document"):
        value[kind] = lookups[f"{kind}s"][main].pk
    else:
        value[MAIN_FIELD[kind]] = main
    return {"type": kind, "value": value}


def stream(model: type[Page], name: str, entries: list[Entry], lookups: Lookups) -> Any:
    """A StreamField value from short block entries, validated by the field's own StreamBlock."""
    block = model._meta.get_field(name).stream_block
    return block.clean(block.to_python([raw_block(entry, lookups) for entry in entries]))


def _page(model: type[Page], entry: Entry, lookups: Lookups, owner: Any) -> Any:
    """The part fiches and events share: fields, structure, typology, themes, tags and body."""
    page = model(**{key: value for key, value in entry.items() if key not in NOT_FIELDS})
    page.live, page.owner = False, owner
    page.structure = lookups["structures"][entry["structure"]]
    page.typology = lookups["typologies"][entry["typology"]] if "typology" in entry else None
    page.image = lookups["images"][entry["image"]] if "image" in entry else None
    page.themes = [lookups["themes"][slug] for slug in entry["themes"]]
    page.tags.add(*entry["tags"])
    page.body = stream(model, "body", entry["body"], lookups)
    return page


def build_fiche(entry: Entry, lookups: Lookups, owner: Any) -> FichePage:
    """An unsaved fiche; without `updated` it was written on the day of the load."""
    today = timezone.localdate()
    with unknown_reference(entry):
        page = _page(FichePage, entry, lookups, owner)
    page.updated_on = min(entry.get("updated", today), today)
    return page


def event_window(entry: Entry, now: datetime) -> tuple[datetime, datetime]:
    """Start and end in La Réunion time; upcoming events move off week-ends to the next Monday."""
    day: date = entry.get("day") or timezone.localtime(now, REUNION).date() + timedelta(days=entry["in_days"])
    while "day" not in entry and day.weekday() >= 5:
        day += timedelta(days=1)
    start = datetime.combine(day, time.fromisoformat(entry["time"]), tzinfo=REUNION)
    return start, start + timedelta(minutes=entry["minutes"])


def build_event(entry: Entry, lookups: Lookups, owner: Any, now: datetime) -> EventPage:
    """An unsaved event with its dates, organisers (the owning structure when none is listed),
    speakers and resources."""
    with unknown_reference(entry):
        page = _page(EventPage, entry, lookups, owner)
        page.start, page.end = event_window(entry, now)
        if "opens_days_before" in entry:
            page.registration_opens_at = page.start - timedelta(days=entry["opens_days_before"])
        page.resources = stream(EventPage, "resources", entry.get("resources", []), lookups)
        structures = lookups["structures"]
        page.organisers = [structures[slug] for slug in entry.get("organisers", [entry["structure"]])]
        page.speakers = [
            EventSpeaker(**{**speaker, "structure": structures.get(speaker.get("structure"))}, sort_order=n)
            for n, speaker in enumerate(entry["speakers"])
        ]
    return page


@contextmanager
def unknown_reference(entry: Entry) -> Iterator[None]:
    """Turn a slug or key missing from the reference data into a French error naming the page."""
    try:
        yield
    except KeyError as exc:
        raise CommandError(
            f"{entry.get('slug', '?')} : référence inconnue dans les données de démonstration : {exc}"
        ) from exc
