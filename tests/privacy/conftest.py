import pytest
from django.contrib.auth.models import Group, User


@pytest.fixture
def coordinator(client):
    """A member of the "Coordination" group, logged in with `client`."""
    user = User.objects.create_user("coord", "coord@kazasso.re", "motdepasse-solide")
    user.groups.add(Group.objects.get(name="Coordination"))
    client.force_login(user)
    return user
