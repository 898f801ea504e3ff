import pytest
from django.core.cache import cache

from fiches.models import FicheIndexPage
from home.models import HomePage


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def fiche_index(db) -> FicheIndexPage:
    """/ressources/, created by the fiches data migration."""
    return FicheIndexPage.objects.get()


@pytest.fixture
def home_page(db) -> HomePage:
    return HomePage.objects.get()


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("chef", "chef@example.org", "motdepasse-solide")
