from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Structures membres"

    def ready(self) -> None:
        from members import signals  # noqa: F401
