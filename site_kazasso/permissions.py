"""Admin permission policies that allow a model only some actions, whatever the groups are given."""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class AllowedActionsPermissionPolicy(ModelPermissionPolicy):
    """The model's usual permissions for the `allowed` actions; every other action is refused to all."""

    def __init__(self, model: type[Model], allowed: tuple[str, ...]) -> None:
        super().__init__(model)
        self.allowed = allowed

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in self.allowed and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions: Any) -> Any:
        return super().users_with_any_permission([action for action in actions if action in self.allowed])


def allow_only(model: type[Model], *actions: str) -> None:
    """Register for `model` the admin permission policy that allows nothing but `actions`."""
    register_permission_policy(model, AllowedActionsPermissionPolicy(model, actions))
