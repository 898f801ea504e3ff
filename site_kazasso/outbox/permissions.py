"""Who sees the outbox in the admin: read-only, for those given its "view" permission."""

from __future__ import annotations

from typing import Any

from wagtail.permission_policies import ModelPermissionPolicy


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """The coordination (its group, editorial/migrations) and administrators read; nobody writes."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions: Any) -> Any:
        return super().users_with_any_permission([action for action in actions if action == "view"])
