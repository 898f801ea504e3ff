from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = "Référentiels"

    def ready(self) -> None:
        from taxonomy import signals

        signals.connect()
