"""Point 6 of issue 12: two create POSTs for the same new page at once (autosave + save) never 500."""

import threading

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify

from fiches.models import FicheIndexPage, FichePage
from members.models import Structure
from taxonomy.models import Theme
from tests.editorial.helpers import fiche_form

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="concurrent writes need PostgreSQL"),
]

TITLE = "Accueillir de nouveaux bénévoles"
ATTEMPTS = 4


def test_concurrent_creates_of_the_same_page_never_fail():
    editor = User.objects.create_user("amelie", "amelie@exemple.re", "motdepasse-solide")
    editor.groups.add(Group.objects.get(name=Structure.objects.get(slug="crajep-reunion").editor_group.name))
    url = reverse("wagtailadmin_pages:add", args=["fiches", "fichepage", FicheIndexPage.objects.get().pk])
    themes = [Theme.objects.get(slug="benevolat-engagement").pk]
    barrier = threading.Barrier(ATTEMPTS)
    statuses: list[int] = []
    errors: list[BaseException] = []

    def attempt() -> None:
        client = Client(raise_request_exception=False)
        client.force_login(editor)
        data = fiche_form(title=TITLE, slug=slugify(TITLE), themes=themes)
        try:
            barrier.wait(timeout=30)
            statuses.append(client.post(url, data, HTTP_ACCEPT="application/json").status_code)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt) for _ in range(ATTEMPTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors
    assert statuses == [200] * ATTEMPTS
    slugs = list(FichePage.objects.filter(title=TITLE).values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs)) == ATTEMPTS
