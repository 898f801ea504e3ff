"""Keep the in-memory catalogue fresh: any change to what it indexes gives it a new token."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from taxonomy.catalogue import invalidate
from taxonomy.kinds import source_models

# Fields Wagtail updates on its own when a draft is saved or a page locked: not what the public sees.
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


def indexed_models() -> tuple[type, ...]:
    """Pages, reference lists and the link tables the declared kinds read (tagged items…)."""
    from taggit.models import Tag

    from members.models import Structure
    from taxonomy.models import Theme, Typology

    return (Page, PageViewRestriction, Tag, Theme, Typology, Structure, *source_models())


def on_model_change(sender: type, instance: Any, **kwargs: Any) -> None:
    if not isinstance(instance, indexed_models()):
        return
    update_fields = kwargs.get("update_fields")
    if isinstance(instance, Page) and update_fields and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    invalidate()


def on_page_event(sender: type, **kwargs: Any) -> None:
    invalidate()


def connect() -> None:
    post_save.connect(on_model_change, dispatch_uid="catalogue-post-save")
    post_delete.connect(on_model_change, dispatch_uid="catalogue-post-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(on_page_event, dispatch_uid=f"catalogue-{id(signal)}")
