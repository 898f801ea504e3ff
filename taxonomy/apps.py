from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = "Référentiels"

    def ready(self) -> None:
        from site_kazasso import content_version
        from taxonomy import catalogue
        from taxonomy.models import Theme, Typology

        content_version.register(Theme, Typology)
        content_version.on_change(catalogue.on_content_change)
