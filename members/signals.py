"""Every structure gets its editor group as soon as it exists.

The receiver runs inside Structure.save's transaction, so a group that cannot be created rolls the
structure back too (no structure left without its group).
"""

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from members.models import Structure
from members.roles import ensure_editor_group


@receiver(post_save, sender=Structure, dispatch_uid="members.structure_editor_group")
def create_editor_group(
    sender: type[Structure], instance: Structure, raw: bool = False, **kwargs: Any
) -> None:
    if not raw:
        ensure_editor_group(instance)
