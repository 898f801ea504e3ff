"""Point 2 of issue 12: every page type previews in every workflow state for every role allowed to."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from events.models import EventIndexPage
from fiches.models import FicheIndexPage, FicheRelatedLink
from home.models import HomePage
from members.models import Structure
from tests.editorial.conftest import people  # noqa: F401  (fixture)
from tests.factories import EventFactory, FicheFactory

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Titre du brouillon en relecture"
RELATED = "Fiche liée sur la trésorerie"
SPEAKER = "Mireille Payet-Hoarau"
STATES = ["draft", "peer_review", "coordination", "changes_requested", "scheduled", "live_with_draft"]


def build_page(kind: str):
    """The page under test and the texts its preview must show besides the draft title."""
    related = FicheFactory(title=RELATED)
    if kind == "fiche":
        page = FicheFactory(title="Fiche à prévisualiser", live=False)
        FicheRelatedLink.objects.create(page=page, fiche=related, sort_order=0)
        return page, [RELATED]
    if kind == "event":
        ligue = Structure.objects.get(slug="ligue-enseignement-reunion")
        page = EventFactory(
            live=False,
            organisers=[ligue],
            speakers=[{"name": SPEAKER, "role": "Trésorière", "structure": ligue}],
        )
        return page, [SPEAKER, ligue.short_name]
    if kind == "event_index":
        event = EventFactory(title="Webinaire déjà en ligne")
        return EventIndexPage.objects.get(), [event.title]
    model = {"home": HomePage, "fiche_index": FicheIndexPage}[kind]
    return model.objects.get(), [RELATED]


def put_in_state(page: Page, state: str, author, reviewer) -> None:
    """Leave the page's latest revision titled DRAFT_TITLE, in the given workflow state."""
    page = page.specific
    if state == "live_with_draft" and not page.live:
        page.save_revision(user=author).publish(skip_permission_checks=True)
    page.title = DRAFT_TITLE
    if isinstance(page, HomePage):  # the home page shows its tagline, not its title
        page.hero_title = DRAFT_TITLE
    if state == "scheduled":
        page.go_live_at = timezone.now() + dt.timedelta(days=3)
    revision = page.save_revision(user=author)
    if state == "scheduled":
        revision.publish(user=author, skip_permission_checks=True)
    if state not in ("peer_review", "coordination", "changes_requested"):
        return
    workflow_state = page.get_workflow().start(page, author)
    task_state = workflow_state.current_task_state
    if state == "coordination":
        task_state.task.specific.on_action(task_state, reviewer, "approve")
    elif state == "changes_requested":
        task_state.task.specific.on_action(task_state, reviewer, "reject", comment="Précisez le chapô.")


def stream_fields(page: Page) -> list[str]:
    return [f.name for f in page.specific_class._meta.get_fields() if isinstance(f, StreamField)]


def preview_urls(page: Page, acts: bool) -> list[tuple[str, str]]:
    """Every preview a role can open: (method, url); the edit-view preview is posted first."""
    page = Page.objects.get(pk=page.pk)
    urls = [
        ("POST", reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])),
        ("GET", reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])),
        ("GET", reverse("wagtailadmin_pages:view_draft", args=[page.pk])),
        ("GET", reverse("wagtailadmin_pages:revisions_view", args=[page.pk, page.latest_revision_id])),
    ]
    if acts:
        task = page.current_workflow_task
        urls.append(("GET", reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task.pk])))
    return urls


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", ["fiche", "event", "home", "fiche_index", "event_index"])
def test_every_page_previews_in_every_state_for_every_role_allowed(client, people, kind, state):  # noqa: F811
    page, texts = build_page(kind)
    owned = kind in ("fiche", "event")
    put_in_state(page, state, people.editor if owned else people.coordinator2, people.reviewer)
    roles = {"coordination": people.coordinator, "admin": people.admin}
    if owned:
        roles["owner"] = people.editor
    if state == "peer_review":
        roles["peer reviewer"] = people.reviewer
    actors = {"peer_review": {"peer reviewer", "admin"}, "coordination": {"coordination", "admin"}}
    for role, user in roles.items():
        client.force_login(user)
        edit_form = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert edit_form.status_code == 200, (role, "edit")
        data = querydict_from_html(edit_form.content.decode(), form_id="page-edit-form")
        for name in stream_fields(page):  # built by the browser's JavaScript: posted empty here
            data.setdefault(f"{name}-count", "0")
        for method, url in preview_urls(page, role in actors.get(state, ())):
            if method == "POST":
                response = client.post(url, data)
                assert response.json() == {"is_valid": True, "is_available": True}, (role, url)
                continue
            response = client.get(url)
            assert response.status_code == 200, (role, url)
            html = response.content.decode()
            for text in [DRAFT_TITLE, *texts]:
                assert text in html, (role, url, text)


def test_the_live_fiche_page_loads_its_related_fiches_without_n_plus_one(client, fiche_index):
    """A guard, not a regression test: reading the links as objects costs no query per link."""
    page = FicheFactory(title="Fiche aux nombreuses fiches liées")

    def count_with(links: int) -> int:
        for i in range(links - page.related_links.count()):
            FicheRelatedLink.objects.create(page=page, fiche=FicheFactory(), sort_order=i)
        client.get(page.url)  # warm the catalogue after the change
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        assert len(response.context["related_fiches"]) == links  # rendered, not served from a cache
        return len(queries.captured_queries)

    assert count_with(1) == count_with(6)
