"""Point 5 of issue 12: a structure whose acronym is taken is refused with a French form error."""

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction

from members.models import Structure
from tests.factories import StructureFactory

pytestmark = pytest.mark.django_db

CREATE_URL = "/admin/members/structure/create/"


def structure_form(**overrides: str) -> dict[str, str]:
    data = {"name": "Comité sportif de l'Est", "acronym": "CSE", "slug": "comite-sportif-est"}
    data.update({"kind": Structure.Kind.SPORTS_NETWORK, "territory": Structure.Territory.EAST})
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"acronym": "CROS"}, "acronym"),  # the CROS's acronym
        ({"acronym": "cros"}, "acronym"),  # the same, whatever the case
        ({"acronym": "", "name": "Udaf"}, "name"),  # no acronym: the name would take UDAF's group
    ],
)
def test_a_taken_acronym_is_a_french_form_error_and_nothing_is_created(client, admin_user, overrides, field):
    client.force_login(admin_user)
    structures, groups = Structure.objects.count(), Group.objects.count()
    response = client.post(CREATE_URL, structure_form(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "désigne déjà une autre structure" in errors[field][0]
    assert "comite-sportif-est" in response.content.decode()  # what was typed comes back
    assert (Structure.objects.count(), Group.objects.count()) == (structures, groups)


def test_a_new_acronym_creates_the_structure_with_its_editor_group(client, admin_user):
    client.force_login(admin_user)
    assert client.post(CREATE_URL, structure_form()).status_code == 302
    assert Structure.objects.get(slug="comite-sportif-est").editor_group.name == "Rédaction – CSE"


def test_the_database_refuses_an_acronym_taken_in_another_case():
    with pytest.raises(IntegrityError), transaction.atomic():
        Structure.objects.create(name="Autre comité", acronym="Cros", slug="autre-comite", kind="autre")


def test_a_structure_is_never_saved_without_its_own_editor_group():
    """Its short name is free among acronyms, but another structure's group already bears it."""
    StructureFactory(name="Kaz Sport", acronym="")
    with pytest.raises(IntegrityError):
        Structure.objects.create(name="Autre comité", acronym="Kaz Sport", slug="autre-comite", kind="autre")
    assert not Structure.objects.filter(slug="autre-comite").exists()
