from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentVersionConfig(AppConfig):
    name = "site_kazasso.content_version"
    verbose_name = _("Version du contenu public")

    def ready(self) -> None:
        from site_kazasso import content_version

        content_version.connect()
