"""What happens when the last step approves a page."""

from __future__ import annotations

from typing import Any


def publish_approved(workflow_state: Any, user: Any = None) -> None:
    """Publish the approved revision (or schedule it at its go-live date).

    The workflow is the authorisation: the coordinator who gives the final approval holds no
    "publish" permission of their own, so Wagtail's permission check is skipped here and here only.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
