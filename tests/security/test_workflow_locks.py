"""Issue 12, point 4: a reviewer cannot lock a page under review and block its owners."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from tests.editorial import conftest as editorial
from tests.editorial.helpers import committed, refused
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db
people = editorial.people  # the roles of the workflow, as tests/editorial defines them


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("reviewer", False), ("mda_reviewer", False), ("editor", True), ("coordinator", True), ("admin", True)],
)
def test_only_owners_coordination_and_admins_lock_a_page_in_review(client, people, role, allowed):
    page = EventFactory(live=False, slug="evenement-a-verrouiller")
    committed(page.get_workflow().start, page, people.editor)
    client.force_login(getattr(people, role))
    response = client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    assert refused(response) is not allowed
    assert Page.objects.get(pk=page.pk).locked is allowed
