from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "site_kazasso.outbox"
    verbose_name = _("Courriels")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from site_kazasso.outbox import privacy
        from site_kazasso.outbox.models import OutboxEmail
        from site_kazasso.outbox.permissions import ViewOnlyPermissionPolicy
        from site_kazasso.privacy import registry

        register_permission_policy(OutboxEmail, ViewOnlyPermissionPolicy(OutboxEmail))
        registry.register_module(privacy)
