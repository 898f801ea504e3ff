"""The content version: one value that changes whenever something the public sees changes.

What changes public content (each receiver bound to its sender, connected by `connect()` and
`register()` when the apps are ready):

- a page published, unpublished, moved, deleted while live, or saved while live other than by
  Wagtail's draft and lock bookkeeping (`DRAFT_ONLY_FIELDS`): a draft changes nothing public;
- a view restriction added, changed or removed;
- a tag, and every link between a tag and a page (each taggit through model);
- a site, a site setting, an image, a document, a search promotion;
- the reference data the apps `register()` (themes, typologies, structures);
- `changed()`, called by bulk writers that bypass signals (load_demo, generate_content).

A registration changes only the seats of its event: models given to `register_seats()` renew
that event's seat version, which the page cache checks for the pages showing those seats; no
other page is purged and derived data is not rebuilt.

Reading it:

- `current()`: the version as the database holds it, one indexed query (once per request); inside
  a transaction that changed content, that transaction's own version, so a rolled-back change
  never leaves data derived from it looking current. For derived data that must be exact (the
  listings' catalogue).
- `published()` and `seats_versions()`: the same versions as published to the page-cache store
  (Redis, or small files shared by the host's processes), read without any query: what the page
  cache keys its pages with. A version missing from the store is read again from the database,
  so a Redis outage or flush loses nothing: pages are then served uncached, never stale.

Reacting to it: `on_change(callback)` runs `callback(version)` once after each commit that
changed public content, however many changes the transaction made (many tag saves: one run);
in a request, after its response.

Cost of a change: one UPDATE of one row inside the transaction (the transaction reads its own
version, and a rollback restores the old one); then, once per committed transaction, a new
version in the database and the store, and the callbacks.
"""

from __future__ import annotations

import logging
import os
import threading
import uuid
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from django.apps import apps as app_registry  # not `apps`: the name of this package's apps.py
from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished as django_request_finished
from django.core.signals import request_started as django_request_started
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.signals import page_published, page_unpublished, post_page_move

if TYPE_CHECKING:
    from django.core.cache import BaseCache
    from django.db.models import Model
    from wagtail.models import Page

logger = logging.getLogger(__name__)
T = TypeVar("T")

# Fields Wagtail saves on a live page when a draft is saved or a page locked: not what the public sees.
DRAFT_ONLY_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
    }
)
CONTENT = "content"
STORE_KEY = "kazasso:content-version:{name}"
DISPATCH_PREFIX = "content-version"

_callbacks: list[Callable[[str], None]] = []


class _ThreadState(threading.local):
    """What this thread knows that others cannot see yet (its open transaction), and its request."""

    in_request = False
    memo: str | None = None  # current(), read once per request
    dirty = False  # content changed in a transaction not yet published
    pending: str | None = None  # the version that transaction wrote
    seats_pending: dict[int, str] | None = None
    due: str | None = None  # version published during the request: callbacks run after it


_state = _ThreadState()


def new_version() -> str:
    return uuid.uuid4().hex


# Reading ---------------------------------------------------------------------------------------


def read_database() -> str:
    from site_kazasso.content_version.models import ContentVersion

    return ContentVersion.objects.filter(pk=1).values_list("version", flat=True).first() or "initial"


def current() -> str:
    """The content version this connection sees (one query, then remembered for the request)."""
    version = _state.memo
    if version is None:
        version = read_database()
        if _state.in_request:
            _state.memo = version  # until the request ends or changes content itself
    return version


def in_transaction() -> bool:
    return transaction.get_connection().in_atomic_block


def published() -> str:
    """The content version from the page-cache store, without a query (see the module docstring).

    Inside a transaction that changed content, this thread's own changes are added to it: what
    the thread renders then is never stored under a version other processes read.
    """
    name = CONTENT
    stored = read_store([name]).get(name)
    if stored is None:
        stored = read_database()
        write_store(name, stored, only_if_missing=True)
    pending = _state.pending if in_transaction() else None
    return f"{stored}.{pending}" if pending else stored


def seats_versions(event_ids: Iterable[int]) -> dict[int, str]:
    """{event id: version of its seats}, from the page-cache store, without a query."""
    names = {seats_name(event_id): int(event_id) for event_id in event_ids}
    stored = read_store(names)
    pending = (_state.seats_pending or {}) if in_transaction() else {}
    versions = {}
    for name, event_id in names.items():
        version = stored.get(name)
        if version is None and store_file(name) is None:
            # Lost with the cache (or never written): a new value retires what was stored with it.
            write_store(name, new_version(), only_if_missing=True)
            version = read_store([name]).get(name)
        version = version or "0"  # a file never written: no registration changed yet
        if event_id in pending:
            version = f"{version}.{pending[event_id]}"
        versions[event_id] = version
    return versions


class PerVersion(Generic[T]):
    """`build()` once per content version in this process: small data every page shows.

    `read()` returns what `build()` gave for the version `current()` reads (no query of its own
    beyond the one per request); a change of public content, committed or inside this thread's
    transaction, gives a new version and so a new build. The value is shared by the process's
    threads: treat it as read-only.
    """

    def __init__(self, build: Callable[[], T]) -> None:
        self.build = build
        self.held: tuple[str, T] | None = None
        instances.append(self)

    def read(self) -> T:
        version = current()
        held = self.held
        if held is not None and held[0] == version:
            return held[1]
        value = self.build()
        self.held = (version, value)
        return value

    def forget(self) -> None:
        self.held = None


instances: list[PerVersion[Any]] = []


def forget_per_version() -> None:
    """Drop every `PerVersion` value (tests whose database restarts from "initial")."""
    for instance in instances:
        instance.forget()


# Changing --------------------------------------------------------------------------------------


def changed() -> None:
    """Public content changed: a new version now for this transaction, for everyone on commit."""
    _state.memo = None
    _state.dirty = True
    if not in_transaction():
        publish()
        return
    version = new_version()
    write_database(version)
    _state.pending = version
    # Once per change rather than once per transaction: a callback registered inside a savepoint
    # that rolls back is dropped, one registered by a later change must still run.
    transaction.on_commit(publish, robust=True)


def seats_changed(event_id: int) -> None:
    """The registrations of one event changed: only the pages showing its seats are retired."""
    event_id = int(event_id)
    if not in_transaction():
        write_store(seats_name(event_id), new_version())
        return
    if _state.seats_pending is None:
        _state.seats_pending = {}
    _state.seats_pending[event_id] = new_version()
    transaction.on_commit(partial(publish_seats, event_id), robust=True)


def on_change(callback: Callable[[str], None]) -> Callable[[], None]:
    """Run `callback(new_version)` once after each commit that changed public content.

    Callbacks run in the committing thread, in registration order: after the commit, or, when a
    request committed, once after its response (several commits in one request: one run, with
    the last version). One that raises is logged and does not stop the others. Returns a
    function that unregisters it.
    """
    if callback not in _callbacks:
        _callbacks.append(callback)
    return partial(_callbacks.remove, callback)


def publish() -> None:
    """After the commit: a new version for everyone (database, store), then the callbacks."""
    if not _state.dirty:
        return  # this commit's changes were published by an earlier callback
    _state.dirty, _state.pending, _state.memo = False, None, None
    version = new_version()
    try:
        write_database(version)
    except DatabaseError:
        logger.exception("Impossible d'enregistrer la nouvelle version du contenu.")
    write_store(CONTENT, version)
    if _state.in_request:
        _state.due = version  # after the response: the editor does not wait for derived data
    else:
        run_callbacks(version)


def run_callbacks(version: str) -> None:
    for callback in list(_callbacks):
        try:
            callback(version)
        except Exception:  # noqa: BLE001 - one derived store failing must not stop the others
            logger.exception("Échec après un changement du contenu public (%r).", callback)


def publish_seats(event_id: int) -> None:
    if _state.seats_pending and _state.seats_pending.pop(event_id, None) is not None:
        write_store(seats_name(event_id), new_version())


def write_database(version: str) -> None:
    from site_kazasso.content_version.models import ContentVersion

    if not ContentVersion.objects.filter(pk=1).update(version=version):
        ContentVersion.objects.update_or_create(pk=1, defaults={"version": version})


# The store the page cache reads: Redis (the page cache itself) or files ------------------------


def seats_name(event_id: int) -> str:
    return f"seats-{int(event_id)}"


def store() -> BaseCache:
    return caches[settings.KAZASSO_PAGE_CACHE_ALIAS]


def store_file(name: str) -> Path | None:
    """Without Redis each process has its own memory: the versions live in files of the host."""
    path = settings.KAZASSO_PAGE_CACHE_GENERATION_FILE
    if not path:
        return None
    target = Path(path)
    return target if name == CONTENT else target.with_name(f"{target.name}.{name}")


def read_store(names: Iterable[str]) -> dict[str, str]:
    """{name: version} for the names the store holds (a missing one is left out)."""
    names = list(names)
    if settings.KAZASSO_PAGE_CACHE_GENERATION_FILE:
        found = {}
        for name in names:
            try:
                found[name] = store_file(name).read_text(encoding="ascii")[:64]
            except (OSError, UnicodeDecodeError):
                continue
        return found
    keys = {STORE_KEY.format(name=name): name for name in names}
    return {keys[key]: value for key, value in store().get_many(list(keys)).items()}


def write_store(name: str, version: str, *, only_if_missing: bool = False) -> None:
    """Never fails: a store that cannot be written is logged (cached pages then expire alone)."""
    target = store_file(name)
    if target is None:
        cache, key = store(), STORE_KEY.format(name=name)
        if only_if_missing:
            cache.add(key, version, timeout=None)
        else:
            cache.set(key, version, timeout=None)
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_name(f".{target.name}.{new_version()}")
        scratch.write_text(version, encoding="ascii")
        if only_if_missing:
            try:
                os.link(scratch, target)  # atomic: never replaces a version written meanwhile
            except FileExistsError:
                pass
            finally:
                scratch.unlink()
        else:
            os.replace(scratch, target)
    except OSError:
        logger.exception("Impossible d'écrire la version du contenu (fichier %s).", target)


# Receivers -------------------------------------------------------------------------------------


def on_model_change(raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        changed()


def on_page_saved(
    instance: Page, raw: bool = False, update_fields: Iterable[str] | None = None, **kwargs: Any
) -> None:
    """Saving a live page changes what visitors see; saving a draft (of any page) does not."""
    if raw or not instance.live:
        return
    if update_fields and frozenset(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    changed()


def on_page_deleted(instance: Page, **kwargs: Any) -> None:
    if instance.live:
        changed()


def on_page_event(**kwargs: Any) -> None:
    changed()


def bind(receiver: Callable[..., None], signals: Iterable[Signal], model: type[Model]) -> None:
    """Connect `receiver` to each signal for `model` only (never to every model)."""
    for signal in signals:
        uid = f"{DISPATCH_PREFIX}-{receiver.__name__}-{id(signal)}-{model._meta.label_lower}"
        signal.connect(receiver, sender=model, weak=False, dispatch_uid=uid)


def register(*models: type[Model]) -> None:
    """Every save or delete of these models changes public content (reference data shown on pages)."""
    for model in models:
        bind(on_model_change, (post_save, post_delete), model)


def register_seats(model: type[Model], event_field: str = "event_id") -> None:
    """Every save or delete of `model` (a registration) changes the seats of its event only."""

    def on_seats_change(instance: Any, raw: bool = False, **kwargs: Any) -> None:
        if not raw:
            seats_changed(getattr(instance, event_field))

    bind(on_seats_change, (post_save, post_delete), model)


def request_started(**kwargs: Any) -> None:
    _state.in_request, _state.memo, _state.due = True, None, None


def request_finished(**kwargs: Any) -> None:
    due, _state.due = _state.due, None
    _state.in_request, _state.memo = False, None
    if due is not None:
        run_callbacks(due)


def public_models() -> list[type[Model]]:
    """Wagtail's and taggit's models that public pages show, besides the pages themselves."""
    from taggit.models import ItemBase, Tag
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import PageViewRestriction, Site

    found: list[type[Model]] = [PageViewRestriction, Tag, Site, get_image_model(), get_document_model()]
    if app_registry.is_installed("wagtail.contrib.search_promotions"):
        from wagtail.contrib.search_promotions.models import SearchPromotion

        found.append(SearchPromotion)
    tag_links_and_settings = (ItemBase, BaseSiteSetting, BaseGenericSetting)
    found += [
        model
        for model in app_registry.get_models()
        if issubclass(model, tag_links_and_settings) and model not in found
    ]
    return found


def connect() -> None:
    """Connect the receivers of pages and of Wagtail's and taggit's models (apps.py)."""
    from wagtail.models import get_page_models

    for model in get_page_models():
        bind(on_page_saved, (post_save,), model)
        bind(on_page_deleted, (post_delete,), model)
        bind(on_page_event, (page_published, page_unpublished, post_page_move), model)
    register(*public_models())
    django_request_started.connect(request_started, dispatch_uid=f"{DISPATCH_PREFIX}-request")
    django_request_finished.connect(request_finished, dispatch_uid=f"{DISPATCH_PREFIX}-request")
