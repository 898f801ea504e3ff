"""Who belongs to which structure, and who coordinates: the roles the whole platform relies on."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, Group
from django.db.models import QuerySet

from members.models import Structure

COORDINATION_GROUP = "Coordination"
REVIEW_GROUP = "Relecture"
EDITOR_GROUP_PREFIX = "Rédaction – "


def editor_group_name(structure: Structure) -> str:
    return f"{EDITOR_GROUP_PREFIX}{structure.short_name}"[:150]


def ensure_editor_group(structure: Structure) -> Group:
    """Give a structure its "Rédaction – …" group (created once, renamed with the structure)."""
    name = editor_group_name(structure)
    group = structure.editor_group
    if group is None:
        group, _ = Group.objects.get_or_create(name=name)
        Structure.objects.filter(pk=structure.pk).update(editor_group=group)
        structure.editor_group = group
    elif group.name != name and not Group.objects.filter(name=name).exists():
        group.name = name
        group.save(update_fields=["name"])
    return group


def user_structures(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Structure]:
    """The structures a user writes for (through their editor groups)."""
    if not user.is_authenticated:
        return Structure.objects.none()
    return Structure.objects.filter(editor_group__user=user)


def is_coordinator(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Coordination members and administrators see and approve everything."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=COORDINATION_GROUP).exists()
