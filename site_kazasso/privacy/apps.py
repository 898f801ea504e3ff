from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """Personal data: where each app keeps it (registry), how long (retention), who asked what (audit)."""

    name = "site_kazasso.privacy"
    verbose_name = _("Données personnelles")

    def ready(self) -> None:
        from site_kazasso import content_version
        from site_kazasso.permissions import allow_only
        from site_kazasso.privacy.models import ConsentText

        # A change of the consent text is a new version, never an edit of one some registrations
        # point to: the coordination (its group, editorial/migrations) and administrators add and read.
        allow_only(ConsentText, "add", "view")
        # The registration form shows the current consent text: a new version changes event pages.
        content_version.register(ConsentText)
