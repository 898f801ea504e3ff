from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Événements"

    def ready(self) -> None:
        from events import privacy
        from events.listing import event_kind
        from events.models import Registration
        from site_kazasso import content_version
        from site_kazasso.privacy import registry
        from taxonomy.kinds import register

        register(event_kind())
        content_version.register_seats(Registration)
        registry.register(privacy.source())
