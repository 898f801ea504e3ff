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
        grant_editor_permissions(group)
    elif group.name != name and not Group.objects.filter(name=name).exists():
        group.name = name
        group.save(update_fields=["name"])
    return group


EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
EDITOR_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


def grant_editor_permissions(group: Group) -> None:
    """What every editor group may do (mirrors editorial/migrations/0002): enter the admin, add and
    change pages under the two listings (narrowed to their structure by editorial.permissions),
    upload images and documents."""
    from django.contrib.auth.models import Permission
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for page in Page.objects.filter(depth=3, slug__in=["ressources", "evenements"]):
        for codename in EDITOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=page,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
    root = Collection.get_first_root_node()
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


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
