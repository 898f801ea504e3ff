from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Événements"

    def ready(self) -> None:
        from events.models import Registration
        from site_kazasso import content_version

        content_version.register_seats(Registration)
