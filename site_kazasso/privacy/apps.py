from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Personal data: where each app keeps it (registry), how long (retention), who asked what (audit)."""

    name = "site_kazasso.privacy"
    verbose_name = _("Données personnelles")

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from site_kazasso import content_version
        from site_kazasso.privacy.models import ConsentText
        from site_kazasso.privacy.permissions import AddOnlyPermissionPolicy

        register_permission_policy(ConsentText, AddOnlyPermissionPolicy(ConsentText))
        # The registration form shows the current consent text: a new version changes event pages.
        content_version.register(ConsentText)
