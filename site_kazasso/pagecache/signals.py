"""What purges the page cache: every change to something a public page shows."""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from site_kazasso.pagecache.generation import purge_all_pages

# Models shown on public pages besides the pages themselves (app_label.ModelName).
PURGING_MODELS = (
    "members.Structure",
    "taxonomy.Theme",
    "taxonomy.Typology",
    "taggit.Tag",
    "fiches.FicheTag",
    "events.EventTag",
    # Seat counts and the registration form depend on the registrations.
    "events.Registration",
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


def _purge_if_live(instance: Page, **kwargs: Any) -> None:
    """Saving a live page changes what visitors see; drafts of unpublished pages do not."""
    if instance.live:
        purge_all_pages()


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
