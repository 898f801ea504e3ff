"""What purges the page cache: every change to something a public page shows.

Saving a draft purges nothing; a registration drops only the pages showing that event's seats.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from site_kazasso.pagecache.generation import purge_all_pages, purge_seats_of
from taxonomy.signals import DRAFT_ONLY_FIELDS

# Models shown on public pages besides the pages themselves (app_label.ModelName).
PURGING_MODELS = (
    "members.Structure",
    "taxonomy.Theme",
    "taxonomy.Typology",
    "taggit.Tag",
    "fiches.FicheTag",
    "events.EventTag",
    "home.SiteSettings",
    "wagtailcore.Site",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailsearchpromotions.SearchPromotion",
    # A page made private (or public again) leaves every page, listing, feed and search at once.
    "wagtailcore.PageViewRestriction",
)

DISPATCH_PREFIX = "kazasso-pagecache"


def _purge(**kwargs: Any) -> None:
    purge_all_pages()


def _purge_if_live(instance: Page, update_fields: frozenset[str] | None = None, **kwargs: Any) -> None:
    """Saving a live page changes what visitors see; saving a draft (of any page) does not."""
    if instance.live and not (update_fields and update_fields <= DRAFT_ONLY_FIELDS):
        purge_all_pages()


def _purge_seats(instance: Any, **kwargs: Any) -> None:
    """A registration changes the seats left, shown on its event's page only."""
    purge_seats_of(instance.event_id)


def connect_purge_signals() -> None:
    page_published.connect(_purge, dispatch_uid=f"{DISPATCH_PREFIX}-published")
    page_unpublished.connect(_purge, dispatch_uid=f"{DISPATCH_PREFIX}-unpublished")
    post_page_move.connect(_purge, dispatch_uid=f"{DISPATCH_PREFIX}-moved")
    page_models = [model for model in apps.get_models() if issubclass(model, Page)]
    for model in page_models:
        label = model._meta.label_lower
        post_save.connect(_purge_if_live, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}-save-{label}")
        post_delete.connect(_purge, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}-delete-{label}")
    for label in PURGING_MODELS:
        model = apps.get_model(label)
        post_save.connect(_purge, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}-save-{label}")
        post_delete.connect(_purge, sender=model, dispatch_uid=f"{DISPATCH_PREFIX}-delete-{label}")
    registration = apps.get_model("events.Registration")
    post_save.connect(_purge_seats, sender=registration, dispatch_uid=f"{DISPATCH_PREFIX}-save-seats")
    post_delete.connect(_purge_seats, sender=registration, dispatch_uid=f"{DISPATCH_PREFIX}-delete-seats")
