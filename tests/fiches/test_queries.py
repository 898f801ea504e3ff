"""Pages must not issue more queries when there is more content (no N+1), and detail pages few."""

import json

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from events.models import Registration
from fiches.models import FicheRelatedLink
from members.models import Structure
from taxonomy.models import Theme
from tests.factories import EventFactory, FicheFactory, aware

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
        "/ressources/?q=essai&theme=financement&tri=az",
        "/ressources/?tri=maj",
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


def media(n: int) -> list[dict]:
    """Body blocks: n documents and n images (one query per block type, whatever their number)."""
    blocks = []
    for i in range(n):
        document = Document.objects.create(title=f"D{i}", file=ContentFile(b"%PDF-1.4", name=f"d{i}.pdf"))
        image = get_image_model().objects.create(title=f"I{i}", file=get_test_image_file(size=(16, 16)))
        blocks.append({"type": "document", "value": {"document": document.pk}})
        blocks.append({"type": "image", "value": {"image": image.pk}})
    return blocks


def grown_fiche(n: int):
    """A fiche with n tags, related fiches, documents and images, and up to 3 themes."""
    structures = list(Structure.objects.filter(slug__in=STRUCTURES))
    tags = [f"Mot {i}" for i in range(n)]
    page = FicheFactory(themes=THEMES[: min(n, 3)], tags=tags, body=json.dumps(media(n)))
    for i in range(n):
        related = FicheFactory(structure=structures[i % len(structures)])
        FicheRelatedLink.objects.create(page=page, fiche=related, sort_order=i)
    return page


def grown_event(n: int):
    """An upcoming event with its seats left and n organisers, speakers, themes, tags, documents, images."""
    structures = list(Structure.objects.filter(slug__in=STRUCTURES))
    page = EventFactory(
        capacity=100,
        themes=THEMES[:n],
        tags=[f"Mot {i}" for i in range(n)],
        organisers=structures[:n],
        speakers=[{"name": f"Intervenant {i}", "structure": structures[i]} for i in range(n)],
        body=json.dumps(media(n)),
    )
    for i in range(n):
        Registration.objects.create(
            event=page, association_name="A", contact_name="C", email=f"{i}@a.re", seats=1, status="confirmee"
        )
    return page


# Wagtail's serve() costs 4 queries before the page's own content: the site with its root page, the
# root's specific row, the index page and the page as their own class (the index pages' route(),
# site_kazasso/pages.py); view restrictions and the footer's settings are read once per content
# version. Then the content version (catalogue: themes, tags, organisers), documents and images
# (one query per block type); the fiche's related fiches; the event's seats and speakers.
@pytest.mark.parametrize(("build", "most"), [(grown_fiche, 8), (grown_event, 9)], ids=["fiche", "event"])
def test_detail_page_queries_are_few_and_do_not_grow_with_related_content(
    client, fiche_index, event_index, build, most, django_assert_max_num_queries
):
    small, large = build(1), build(3)
    client.get(small.url), client.get(large.url)  # warm per-process caches (catalogue, renditions)
    with django_assert_max_num_queries(most):
        with_one = count_queries(client, small.url)
    assert count_queries(client, large.url) == with_one


def add_events(count: int, start: int = 0) -> None:
    """Upcoming events with registrations, so their cards show seat-dependent badges."""
    for i in range(start, start + count):
        event = EventFactory(capacity=5, start=aware(2031, 1 + i % 12, 1 + i % 28))
        Registration.objects.create(
            event=event,
            association_name="A",
            contact_name="C",
            email="a@a.re",
            seats=1 + i % 5,
            status="confirmee",
        )


@pytest.mark.parametrize("url", ["/evenements/", "/"])
def test_event_cards_read_their_seats_in_bulk(client, event_index, url):
    """Each card says how many seats are left ("Plus que 3 places"…) without a query of its own."""
    add_events(2)
    client.get(url)
    with_2 = count_queries(client, url)
    add_events(4, start=2)
    client.get(url)
    body = client.get(url).content.decode()
    assert "Plus que 2 places" in body  # the third event: 3 of its 5 seats taken
    assert count_queries(client, url) == with_2
