"""Create /ressources/ under the home page so a fresh install has its listing."""

from django.db import migrations
from django.utils import timezone


ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet, as Wagtail uses it


def path_step(number):
    """Treebeard writes each level of a path as four base-36 digits."""
    digits = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits


def create_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    FicheIndexPage = apps.get_model("fiches.FicheIndexPage")
    home = HomePage.objects.filter(depth=2).first()
    if home is None or FicheIndexPage.objects.exists():
        return
    index_type, _ = ContentType.objects.get_or_create(model="ficheindexpage", app_label="fiches")
    now = timezone.now()
    FicheIndexPage.objects.create(
        title="Ressources",
        draft_title="Ressources",
        slug="ressources",
        content_type=index_type,
        path=home.path + path_step(home.numchild + 1),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}ressources/",
        locale_id=home.locale_id,
        live=True,
        first_published_at=now,
        last_published_at=now,
        intro=(
            "<p>Fiches pratiques, guides, modèles et retours d'expérience rédigés par les "
            "structures membres de Kaz Asso pour les associations de La Réunion.</p>"
        ),
    )
    home.numchild += 1
    home.save(update_fields=["numchild"])


def remove_index(apps, schema_editor):
    FicheIndexPage = apps.get_model("fiches.FicheIndexPage")
    HomePage = apps.get_model("home.HomePage")
    for index in FicheIndexPage.objects.filter(slug="ressources", numchild=0):
        parent = HomePage.objects.filter(path=index.path[:-4]).first()
        index.delete()
        if parent is not None:
            parent.numchild = max(parent.numchild - 1, 0)
            parent.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("fiches", "0002_initial"),
        ("home", "0002_create_homepage"),
    ]

    operations = [migrations.RunPython(create_index, remove_index)]
