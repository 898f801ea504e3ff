"""Drive the real admin endpoints the way the editor's browser does."""

from __future__ import annotations

import datetime as dt

from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from fiches.models import FicheIndexPage, FichePage


def committed(call, *args: object, **kwargs: object):
    """Run a request and then its on-commit callbacks (emails), as a real commit would."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return call(*args, **kwargs)


def fiche_form(page: FichePage | None = None, **overrides: object) -> dict:
    """The edit form of a fiche as the browser posts it (optionally from an existing page)."""
    source = page.get_latest_revision_as_object() if page is not None else None
    data = {
        "title": source.title if source else "Accueillir de nouveaux bénévoles",
        "slug": source.slug if source else "accueillir-benevoles",
        "chapo": source.chapo if source else "Les étapes pour bien accueillir un nouveau bénévole.",
        "structure": source.structure_id if source else "",
        "typology": source.typology_id if source else 1,
        "tags": ", ".join(t.name for t in source.tags.all()) if source else "Bénévoles, Accueil",
        "updated_on": "2026-01-15",
        "body": streamfield([("paragraph", rich_text("<p>Présentez l'association.</p>"))]),
        "related_links": inline_formset([]),
        "comments": inline_formset([]),
    }
    themes = [t.pk for t in source.themes.all()] if source else None
    data.update({k: v for k, v in overrides.items() if k != "themes"})
    form = nested_form_data(data)
    form["themes"] = overrides.get("themes", themes if themes is not None else [])
    return form


def event_form(page: Page, **overrides: object) -> dict:
    """The edit form of an existing event as the browser posts it, from its latest revision."""
    from django.utils import timezone

    source = page.get_latest_revision_as_object()

    def moment(value):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""

    data = {
        "title": source.title,
        "slug": source.slug,
        "chapo": source.chapo,
        "start": moment(source.start),
        "end": moment(source.end),
        "format": source.format,
        "address": source.address,
        "visio_url": source.visio_url,
        "structure": source.structure_id,
        "audience": source.audience,
        "typology": source.typology_id or "",
        "tags": ", ".join(t.name for t in source.tags.all()),
        "speakers": inline_formset([]),
        "body": streamfield([]),
        "registration_enabled": source.registration_enabled,
        "capacity": source.capacity if source.capacity is not None else "",
        "max_seats_per_registration": source.max_seats_per_registration,
        "waitlist_enabled": source.waitlist_enabled,
        "registration_opens_at": moment(source.registration_opens_at),
        "registration_closes_at": moment(source.registration_closes_at),
        "reminder_hours": source.reminder_hours,
        "replay_url": source.replay_url,
        "followup_to_waitlist": source.followup_to_waitlist,
        "restitution": source.restitution_id or "",
        "resources": streamfield([]),
        "attendance_count": source.attendance_count if source.attendance_count is not None else "",
        "comments": inline_formset([]),
    }
    lists = {
        "organisers": [s.pk for s in source.organisers.all()],
        "themes": [t.pk for t in source.themes.all()],
    }
    data.update({k: v for k, v in overrides.items() if k not in lists})
    lists.update({k: v for k, v in overrides.items() if k in lists})
    checkboxes = {
        k: data.pop(k) for k in ("registration_enabled", "waitlist_enabled", "followup_to_waitlist")
    }
    form = nested_form_data(data)
    form.update({k: "on" for k, checked in checkboxes.items() if checked})
    form.update(lists)
    return form


def create_fiche(client: Client, **overrides: object):
    index = FicheIndexPage.objects.get()
    return client.post(
        reverse("wagtailadmin_pages:add", args=["fiches", "fichepage", index.pk]), fiche_form(**overrides)
    )


def edit(client: Client, page: Page, action: str | None = None, **overrides: object):
    data = fiche_form(page, **overrides)
    if action:
        data[action] = action
    return committed(client.post, reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def submit(client: Client, page: Page, **overrides: object):
    return edit(client, page, "action-submit", **overrides)


def workflow_action(client: Client, page: Page, action: str, comment: str | None = None):
    page = Page.objects.get(pk=page.pk).specific
    state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    data = {"comment": comment} if comment is not None else {}
    return committed(client.post, url, data)


def current_task_name(page: Page) -> str | None:
    page = Page.objects.get(pk=page.pk).specific
    task = page.current_workflow_task
    return task.name if task else None


def soon(days: int = 2) -> dt.datetime:
    from django.utils import timezone

    return timezone.now() + dt.timedelta(days=days)


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def ownership(page: Page) -> dict:
    """The ownership fields (the model's `ownership_fields`) of the page's latest revision."""
    source = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    values = {}
    for name in type(source).ownership_fields:
        value = getattr(source, name)
        values[name] = sorted(item.pk for item in value.all()) if hasattr(value, "all") else value
    return values


def hijacked_event(page: Page) -> dict:
    """An event's edit form with every ownership field changed: CROS takes the registrations."""
    from members.models import Structure

    cros = Structure.objects.get(slug="cros-reunion")
    return event_form(
        page,
        title="Titre du relecteur",
        structure=cros.pk,
        organisers=[page.structure_id, cros.pk],
        visio_url="https://piege.exemple.re/salle",
        registration_enabled=False,
        capacity=2,
        max_seats_per_registration=1,
        waitlist_enabled=False,
        registration_opens_at="2030-03-01 09:00",
        registration_closes_at="2030-03-10 09:00",
        reminder_hours=2,
        followup_to_waitlist=True,
    )
