from django.apps import AppConfig


class FichesConfig(AppConfig):
    name = "fiches"
    verbose_name = "Fiches ressources"

    def ready(self) -> None:
        from fiches.listing import fiche_kind
        from taxonomy.kinds import register

        register(fiche_kind())
