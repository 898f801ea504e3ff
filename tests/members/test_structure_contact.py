""" "Ma structure": a structure's editors update its contact details, and only its contact details;
an editor of another structure gets a 403."""

import pytest
from django.contrib.auth.models import Group, User

from members.models import Structure

pytestmark = pytest.mark.django_db

URL = "/admin/ma-structure/{pk}/"


def editor_of(slug: str, username: str) -> User:
    user = User.objects.create_user(username, f"{username}@exemple.re", "motdepasse-solide")
    user.groups.add(Structure.objects.get(slug=slug).editor_group)
    return user


def contact_post(**changes: str) -> dict[str, str]:
    data = {
        "address": "Rue du Général de Gaulle\n97470 Saint-Benoît",
        "latitude": "-21.0339",
        "longitude": "55.7128",
        "opening_hours": "Du lundi au vendredi : 8 h 30 – 12 h",
        "phone": "0262 00 10 20",
        "email": "accueil@mda.exemple.re",
        "website": "https://mda.exemple.re/",
    }
    return {**data, **changes}


def test_an_editor_updates_the_contact_of_their_structure_and_nothing_else(client):
    client.force_login(editor_of("mda-saint-benoit", "mda"))
    mda = Structure.objects.get(slug="mda-saint-benoit")
    response = client.get("/admin/ma-structure/")
    assert response.status_code == 302 and response["Location"] == URL.format(pk=mda.pk)
    form = client.get(URL.format(pk=mda.pk)).context["form"]
    assert set(form.fields) == set(Structure.contact_fields)

    response = client.post(URL.format(pk=mda.pk), contact_post(name="Renommée", kind="autre"))
    assert response.status_code == 302
    mda.refresh_from_db()
    assert mda.opening_hours == "Du lundi au vendredi : 8 h 30 – 12 h"
    assert (str(mda.latitude), str(mda.longitude)) == ("-21.033900", "55.712800")
    assert (mda.name, mda.kind) == ("Maison des Associations de Saint-Benoît", "maison-des-associations")
    public = client.get("/structures/mda-saint-benoit/").content.decode()
    assert "Du lundi au vendredi : 8 h 30 – 12 h" in public and "mlat=-21.033900" in public


def test_an_editor_of_another_structure_gets_a_403(client):
    client.force_login(editor_of("cros-reunion", "cros"))
    mda = Structure.objects.get(slug="mda-saint-benoit")
    assert client.get(URL.format(pk=mda.pk)).status_code == 403
    assert client.post(URL.format(pk=mda.pk), contact_post()).status_code == 403
    mda.refresh_from_db()
    assert mda.phone == "" and mda.opening_hours == ""
    response = client.get("/admin/ma-structure/")  # their own structure only
    assert response["Location"] == URL.format(pk=Structure.objects.get(slug="cros-reunion").pk)


def test_coordinates_come_in_pairs_and_a_refused_form_keeps_what_was_typed(client):
    client.force_login(editor_of("mda-saint-benoit", "mda"))
    mda = Structure.objects.get(slug="mda-saint-benoit")
    response = client.post(URL.format(pk=mda.pk), contact_post(longitude=""))
    assert response.status_code == 200
    assert response.context["form"].errors["longitude"] == [
        "Indiquez la latitude et la longitude, ou aucune des deux."
    ]
    assert "Du lundi au vendredi : 8 h 30 – 12 h" in response.content.decode()
    mda.refresh_from_db()
    assert mda.latitude is None and mda.opening_hours == ""


def test_the_coordination_may_fix_any_structure(client):
    coordinator = User.objects.create_user("coord", "coord@exemple.re", "motdepasse-solide")
    coordinator.groups.add(Group.objects.get(name="Coordination"))
    client.force_login(coordinator)
    cros = Structure.objects.get(slug="cros-reunion")
    assert client.post(URL.format(pk=cros.pk), contact_post(phone="0262 99 99 99")).status_code == 302
    cros.refresh_from_db()
    assert cros.phone == "0262 99 99 99"
