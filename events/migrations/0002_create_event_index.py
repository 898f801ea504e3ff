"""Create /evenements/ under the home page so a fresh install has its listing."""

from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's path alphabet, as Wagtail uses it


def path_step(number):
    digits = ""
    for _ in range(4):
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits


def create_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    EventIndexPage = apps.get_model("events.EventIndexPage")
    home = HomePage.objects.filter(depth=2).first()
    if home is None or EventIndexPage.objects.exists():
        return
    last_child = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).order_by("-path").first()
    position = int(last_child.path[-4:], 36) + 1 if last_child else 1
    index_type, _ = ContentType.objects.get_or_create(model="eventindexpage", app_label="events")
    now = timezone.now()
    EventIndexPage.objects.create(
        title="Événements",
        draft_title="Événements",
        slug="evenements",
        content_type=index_type,
        path=home.path + path_step(position),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}evenements/",
        locale_id=home.locale_id,
        live=True,
        first_published_at=now,
        last_published_at=now,
        intro=(
            "<p>Webinaires, rencontres et ateliers proposés par les structures membres de Kaz Asso "
            "aux associations de La Réunion.</p>"
        ),
    )
    home.numchild = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    home.save(update_fields=["numchild"])


def remove_index(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    EventIndexPage = apps.get_model("events.EventIndexPage")
    HomePage = apps.get_model("home.HomePage")
    for index in EventIndexPage.objects.filter(slug="evenements", numchild=0):
        parent = HomePage.objects.filter(path=index.path[:-4]).first()
        index.delete()
        if parent is not None:
            parent.numchild = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).count()
            parent.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("home", "0002_create_homepage"),
        ("fiches", "0003_create_fiche_index"),
    ]

    operations = [migrations.RunPython(create_index, remove_index)]
