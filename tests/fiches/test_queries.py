"""Listing pages must not issue more queries when there are more fiches (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Structure
from taxonomy.models import Theme
from tests.factories import FicheFactory, aware

pytestmark = pytest.mark.django_db

STRUCTURES = ["crajep-reunion", "ligue-enseignement-reunion", "cros-reunion", "udaf-reunion"]
THEMES = ["financement", "emploi-rh", "crise-resilience", "evenements", "accompagnement"]


def add_fiches(count: int, start: int = 0) -> None:
    structures = list(Structure.objects.filter(slug__in=STRUCTURES))
    themes = list(Theme.objects.filter(slug__in=THEMES))
    for i in range(start, start + count):
        FicheFactory(
            structure=structures[i % len(structures)],
            themes=[themes[i % len(themes)], themes[(i + 1) % len(themes)]],
            tags=[f"Mot {i % 7}", f"Sujet {i % 3}", "Commun"],
            published_at=aware(2020 + i % 6, 1 + i % 12, 1 + i % 28),
        )


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    "url",
    [
        "/ressources/",
        "/ressources/?theme=financement&tagged_with=Commun&annee=2021&structure=crajep-reunion",
        "/",
        "/structures/",
        "/structures/crajep-reunion/",
    ],
)
def test_query_count_does_not_grow_with_fiches(client, fiche_index, url):
    add_fiches(10)
    client.get(url)  # warm per-process caches (site root paths, content types)
    with_10 = count_queries(client, url)
    add_fiches(50, start=10)
    client.get(url)  # the first request after a change rebuilds the catalogue (tests/core/test_catalogue.py)
    with_60 = count_queries(client, url)
    assert with_10 == with_60
