from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "site_kazasso.outbox"
    verbose_name = _("Courriels")

    def ready(self) -> None:
        from site_kazasso.outbox import privacy
        from site_kazasso.outbox.models import OutboxEmail
        from site_kazasso.permissions import allow_only
        from site_kazasso.privacy import registry

        # Read-only in the admin, for those given its "view" permission: the coordination
        # (its group, editorial/migrations) and administrators read; nobody writes.
        allow_only(OutboxEmail, "view")
        registry.register_module(privacy)
