from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo and generated content: `load_demo` and `generate_content`, above every other app."""

    name = "demo"
    verbose_name = "Contenu de démonstration"
