"""Where personal data lives: each app declares its sources here once (in its AppConfig.ready()).

A source says how to find the records of one email address, how to show one as a row (export),
how to erase them, and, if its data expires, how to erase what has expired. The rights view of
the admin and the `erase_expired_data` command read only this registry: an app with personal data
that is not declared here is invisible to both, so every new one must call `register()` (or
`register_module()` with its privacy module).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from django.db import transaction


@dataclass(frozen=True)
class PersonalDataSource:
    """One kind of record holding personal data (registrations, emails, subscriptions…)."""

    key: str  # stable identifier, used in export files
    label: str  # French, shown in the admin and the exports
    find: Callable[[str], Iterable[Any]]  # the records of a normalised email address
    export: Callable[[Any], dict[str, Any]]  # one record as a flat row of French-named columns
    erase: Callable[[list[Any]], int]  # erase these records (blank or delete); how many
    retention: Callable[[], str] | None = None  # how long it is kept, in French (read from settings)
    expire: Callable[[dt.datetime, bool], int] | None = None  # (now, dry_run) -> records erased


_sources: dict[str, PersonalDataSource] = {}


def register(source: PersonalDataSource) -> None:
    """Declare a source (idempotent: registering the same key again replaces it)."""
    _sources[source.key] = source


def register_module(module: ModuleType) -> None:
    """Declare the source an app's privacy module describes: its KEY and LABEL, its `find`, `export`
    and `erase` functions and, when it has them, `describe_retention` and `expire`."""
    register(
        PersonalDataSource(
            key=module.KEY,
            label=module.LABEL,
            find=module.find,
            export=module.export,
            erase=module.erase,
            retention=getattr(module, "describe_retention", None),
            expire=getattr(module, "expire", None),
        )
    )


def sources() -> list[PersonalDataSource]:
    return list(_sources.values())


def normalise(email: str) -> str:
    """Addresses are stored lower-cased (events/services.py): compare them the same way."""
    return email.strip().lower()


def mentions(text: str, email: str) -> bool:
    """Whether `text` holds this exact address (not a longer one that ends or starts with it)."""
    pattern = r"(?<![\w.+-])" + re.escape(normalise(email)) + r"(?![\w-]|\.\w)"
    return re.search(pattern, text, flags=re.IGNORECASE) is not None


def records_for(email: str) -> dict[str, list[Any]]:
    """Every record of this address, by source key (sources without any are left out)."""
    email = normalise(email)
    found = {source.key: list(source.find(email)) for source in sources()}
    return {key: records for key, records in found.items() if records}


def export_rows(email: str) -> dict[str, list[dict[str, Any]]]:
    """Every record of this address as rows, by source key."""
    by_key = {source.key: source for source in sources()}
    return {key: [by_key[key].export(r) for r in records] for key, records in records_for(email).items()}


def erase_for(email: str) -> dict[str, int]:
    """Erase every record of this address, all sources in one transaction; counts by source key."""
    by_key = {source.key: source for source in sources()}
    with transaction.atomic():
        return {key: by_key[key].erase(records) for key, records in records_for(email).items()}


def expire_all(now: dt.datetime, *, dry_run: bool = False) -> dict[str, int]:
    """Erase what each source's retention says has expired at `now`; counts by source key."""
    counts = {}
    for source in sources():
        if source.expire is not None:
            with transaction.atomic():
                counts[source.key] = source.expire(now, dry_run)
    return counts
