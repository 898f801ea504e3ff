from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Structures membres"

    def ready(self) -> None:
        from members import signals  # noqa: F401
        from members.models import Structure
        from site_kazasso import content_version

        content_version.register(Structure)
