"""Point 2 of issue 12, before the first save: the create view's preview of a fiche and an event."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventIndexPage
from fiches.models import FicheIndexPage
from members.models import Structure
from taxonomy.models import Theme
from tests.editorial.helpers import fiche_form
from tests.factories import FicheFactory

pytestmark = pytest.mark.django_db


def event_form(structure: Structure) -> dict:
    form = nested_form_data(
        {
            "title": "Webinaire en cours de création",
            "slug": "webinaire-creation",
            "chapo": "Une heure pour comprendre.",
            "start": "2030-03-12 09:00",
            "end": "2030-03-12 11:00",
            "format": "webinaire",
            "visio_url": "https://visio.exemple.re/salle",
            "structure": structure.pk,
            "capacity": "10",  # the seats left are computed: no registration yet
            "max_seats_per_registration": "3",
            "reminder_hours": "24",  # prefilled by the form
            "registration_enabled": "on",
            "body": streamfield([]),
            "resources": streamfield([]),
            "speakers": inline_formset([{"name": "Intervenante Payet", "role": "", "organisation": ""}]),
            "comments": inline_formset([]),
        }
    )
    form["organisers"] = [structure.pk]
    return form


@pytest.mark.parametrize("kind", ["fiche", "event"])
def test_a_new_page_previews_before_its_first_save(client, admin_user, kind):
    client.force_login(admin_user)
    crajep = Structure.objects.get(slug="crajep-reunion")
    if kind == "fiche":
        related = FicheFactory(title="Fiche liée déjà en ligne")
        data = fiche_form(
            structure=crajep.pk,
            themes=[Theme.objects.get(slug="benevolat-engagement").pk],
            related_links=inline_formset([{"fiche": related.pk}]),
        )
        args, expected = ["fiches", "fichepage", FicheIndexPage.objects.get().pk], related.title
    else:
        data = event_form(crajep)
        args, expected = ["events", "eventpage", EventIndexPage.objects.get().pk], "Intervenante Payet"
    url = reverse("wagtailadmin_pages:preview_on_add", args=args)
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}
    response = client.get(url)
    assert response.status_code == 200
    assert expected in response.content.decode()
