from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = "Référentiels"

    def ready(self) -> None:
        from django.core import signals as request_signals

        from taxonomy import catalogue, signals

        signals.connect()
        request_signals.request_started.connect(catalogue.request_started, dispatch_uid="catalogue-request")
        request_signals.request_finished.connect(catalogue.request_finished, dispatch_uid="catalogue-request")
