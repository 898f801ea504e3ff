from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "Circuit éditorial"

    def ready(self) -> None:
        from editorial import claims, notifications

        notifications.connect()
        claims.connect()
