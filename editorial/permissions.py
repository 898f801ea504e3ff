"""Page permissions by structure: what Wagtail's page permissions cannot express.

Editors' groups hold "add" and "change" on /ressources/ and /evenements/; this tester narrows
"change" to the pages of the editor's own structure, forbids deleting anything ever published,
and keeps publishing, unpublishing and moving for the roles the platform gives them to.
Reviewers from another structure open the editor to review (preview, comments, workflow actions)
but never change the content, the ownership or the locks of the page.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from wagtail.models import PagePermissionTester

from members.roles import is_coordinator, user_structures
from site_kazasso.pages import KnownRestrictionsMixin, PlainTitleMixin


class EditorialPermissionTester(PagePermissionTester):
    @cached_property
    def is_admin(self) -> bool:
        return self.user.is_active and self.user.is_superuser

    @cached_property
    def is_coordinator(self) -> bool:
        return self.user.is_active and is_coordinator(self.user)

    @cached_property
    def structure_ids(self) -> set[int]:
        return set(user_structures(self.user).values_list("pk", flat=True))

    def owns_page(self) -> bool:
        structure_id = getattr(self.page, "structure_id", None)
        return structure_id is not None and structure_id in self.structure_ids

    def workflow_grants_access(self) -> bool:
        task = self.page.current_workflow_task
        return bool(task and task.user_can_access_editor(self.page, self.user))

    def can_change_ownership(self) -> bool:
        """Structure, organisers and registration settings decide who sees personal data."""
        return self.is_admin or self.is_coordinator or (self.user.is_active and self.owns_page())

    def can_edit_content(self) -> bool:
        """Reviewers comment and decide; only the owners, the coordination and admins edit."""
        return self.can_change_ownership()

    def can_edit(self) -> bool:
        if self.is_admin:
            return super().can_edit()
        if not super().can_edit():
            return False
        if self.is_coordinator or self.workflow_grants_access():
            return True
        return self.owns_page()

    def can_lock(self) -> bool:
        if self.is_admin:
            return super().can_lock()
        return self.can_change_ownership()

    def can_unlock(self) -> bool:
        if self.is_admin:
            return super().can_unlock()
        return self.user_has_lock() or self.can_change_ownership()

    def can_delete(self, ignore_bulk: bool = False) -> bool:
        if self.is_admin:
            return super().can_delete(ignore_bulk=ignore_bulk)
        if self.page.live or self.page.first_published_at is not None:
            return False
        if not (self.is_coordinator or self.owns_page()):
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self) -> bool:
        if self.is_admin:
            return super().can_unpublish()
        return self.is_coordinator and self.page.live and not self.page_locked()

    def can_publish(self) -> bool:
        return self.is_admin and super().can_publish()

    def can_publish_subpage(self) -> bool:
        return self.is_admin and super().can_publish_subpage()

    def can_move(self) -> bool:
        return self.is_admin and super().can_move()

    def can_move_to(self, destination: Any) -> bool:
        return self.is_admin and super().can_move_to(destination)

    def can_copy(self) -> bool:
        return (self.is_admin or self.is_coordinator) and super().can_copy()

    def can_reorder_children(self) -> bool:
        return self.is_admin and super().can_reorder_children()

    def can_set_view_restrictions(self) -> bool:
        return self.is_admin and super().can_set_view_restrictions()


class EditorialPageMixin(KnownRestrictionsMixin, PlainTitleMixin):
    """Page models owned by a structure (or holding them) use the editorial permission rules
    (and, like every page of the site, a title without line breaks and view restrictions read
    once per content version)."""

    def permissions_for_user(self, user: AbstractBaseUser) -> EditorialPermissionTester:
        return EditorialPermissionTester(user, self)
