from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Alertes par courriel"

    def ready(self) -> None:
        from alerts import privacy
        from site_kazasso.privacy import registry

        registry.register_module(privacy)
