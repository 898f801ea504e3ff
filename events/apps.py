from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "Événements"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from events import privacy
        from events.followups import followup_on_publish
        from events.listing import event_kind
        from events.models import EventPage, Registration
        from site_kazasso import content_version
        from site_kazasso.privacy import registry
        from taxonomy.kinds import register

        register(event_kind())
        content_version.register_seats(Registration)
        page_published.connect(followup_on_publish, sender=EventPage, dispatch_uid="events-followup")
        registry.register_module(privacy)
