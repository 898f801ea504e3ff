"""Who writes the consent text: a change is a new version, never an edit of an old one."""

from __future__ import annotations

from typing import Any

from wagtail.permission_policies import ModelPermissionPolicy

ALLOWED = ("add", "view")


class AddOnlyPermissionPolicy(ModelPermissionPolicy):
    """The coordination (its group, editorial/migrations) and administrators add and read; nobody edits
    or deletes a version some registrations point to."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in ALLOWED and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions: Any) -> Any:
        return super().users_with_any_permission([action for action in actions if action in ALLOWED])
