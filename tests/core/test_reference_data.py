"""Reference data loaded by the data migrations, and their reverse."""

import importlib

import pytest
from django.apps import apps

from members.models import Structure
from taxonomy.models import Theme, Typology

pytestmark = pytest.mark.django_db

taxonomy_migration = importlib.import_module("taxonomy.migrations.0001_initial_squashed")
members_migration = importlib.import_module("members.migrations.0001_initial_squashed")


def test_fresh_install_has_the_reference_lists():
    assert Theme.objects.count() == 12
    assert Typology.objects.count() == 8
    assert Structure.objects.count() == 7
    assert list(Theme.objects.ordered().values_list("slug", flat=True))[:2] == [
        "creation-formalites",
        "gouvernance-vie-statutaire",
    ]
    assert Typology.objects.get(slug="replay-webinaire").name == "Replay de webinaire"
    mda = Structure.objects.get(slug="mda-saint-benoit")
    assert mda.territory == Structure.Territory.EAST
    assert mda.acronym == "MDA Saint-Benoît"


def test_reverse_and_reapply_are_clean():
    taxonomy_migration.unload(apps, None)
    members_migration.unload(apps, None)
    assert Theme.objects.count() == Typology.objects.count() == Structure.objects.count() == 0
    taxonomy_migration.load(apps, None)
    members_migration.load(apps, None)
    taxonomy_migration.load(apps, None)  # twice: no duplicates
    assert (Theme.objects.count(), Typology.objects.count(), Structure.objects.count()) == (12, 8, 7)


def test_site_tree_is_ready():
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.__class__.__name__ == "HomePage"
    children = {child.url_path.rsplit("/", 2)[-2] for child in site.root_page.get_children()}
    assert children == {
        "ressources",
        "evenements",
        "mentions-legales",
        "donnees-personnelles",
        "accessibilite",
        "plan-du-site",
    }


def test_pages_the_migrations_add_keep_the_tree_sound():
    """/ressources/ and the legal pages, removed and added again as the migrations do
    (site_kazasso/migration_pages.py): after the last child, once, with a consistent tree."""
    from wagtail.models import Page

    fiches_migration = importlib.import_module("fiches.migrations.0001_initial_squashed")
    legal_migration = importlib.import_module("home.migrations.0005_legal_pages")
    legal_migration.remove_legal_pages(apps, None)
    fiches_migration.remove_index(apps, None)
    assert not Page.objects.filter(slug__in=["ressources", "mentions-legales", "plan-du-site"]).exists()

    fiches_migration.create_index(apps, None)
    legal_migration.create_legal_pages(apps, None)
    legal_migration.create_legal_pages(apps, None)  # twice: an existing page is kept, not doubled
    fiches_migration.create_index(apps, None)

    home = Page.objects.get(slug="accueil")
    children = list(home.get_children().values_list("slug", flat=True))
    assert children == [
        "evenements",
        "ressources",
        "mentions-legales",
        "donnees-personnelles",
        "accessibilite",
        "plan-du-site",
    ]
    assert Page.objects.get(slug="ressources").url_path == "/accueil/ressources/"
    assert Page.objects.get(slug="plan-du-site").live
    assert Page.find_problems() == ([], [], [], [], [])  # paths, depths and numchild agree
