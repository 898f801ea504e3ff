"""People of the editorial workflow, as a fresh install's groups define them."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, User

from members.models import Structure


def make_user(username: str, *groups: str, superuser: bool = False) -> User:
    user = User.objects.create_user(
        username, f"{username}@exemple.re", "motdepasse-solide", first_name=username.capitalize()
    )
    if superuser:
        user.is_superuser = user.is_staff = True
        user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def people(db):
    crajep = Structure.objects.get(slug="crajep-reunion").editor_group.name
    ligue = Structure.objects.get(slug="ligue-enseignement-reunion").editor_group.name
    mda = Structure.objects.get(slug="mda-saint-benoit").editor_group.name
    return SimpleNamespace(
        editor=make_user("amelie", crajep),  # writes for the CRAJEP
        colleague=make_user("bruno", crajep),  # same structure
        other_editor=make_user("chloe", ligue),  # another structure, not a reviewer
        reviewer=make_user("damien", ligue, "Relecture"),  # reviewer from another structure
        same_reviewer=make_user("elise", crajep, "Relecture"),  # reviewer of the page's structure
        mda_reviewer=make_user("fabrice", mda, "Relecture"),
        coordinator=make_user("gaelle", "Coordination"),
        coordinator2=make_user("hugo", "Coordination"),
        admin=make_user("ines", superuser=True),
    )
