"""Content the browser journeys and page checks share: a few fiches, a webinar, a tag."""

from __future__ import annotations

import datetime as dt
import json
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Group, User

from events.models import EventPage
from fiches.models import FichePage
from members.models import Structure
from taxonomy.models import Typology
from tests.factories import EventFactory, FicheFactory, aware, reunion

# Browser tests: a transactional database (the live server thread uses its own connection)
# restored from the migrations' data before each test.
E2E = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# One of each text block, so the page checks cover their templates.
BODY = json.dumps(
    [
        {"type": "heading", "value": {"text": "Avant de commencer", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Les étapes, les pièces à fournir et les pièges à éviter.</p>"},
        {"type": "key_points", "value": {"title": "À retenir", "text": "<p>Déposez tôt.</p>"}},
        {"type": "testimony", "value": {"quote": "Nous avons tout préparé en mars.", "author": "Mireille"}},
        {
            "type": "faq",
            "value": {
                "title": "Questions-réponses",
                "items": [{"question": "Quel délai ?", "answer": "<p>Deux mois en général.</p>"}],
            },
        },
        {
            "type": "links",
            "value": {
                "title": "Pour aller plus loin",
                "links": [{"title": "Service public", "url": "https://www.service-public.fr/"}],
            },
        },
    ]
)


def fiche(title: str, slug: str, **kwargs: object) -> FichePage:
    return FicheFactory(title=title, slug=slug, body=BODY, **kwargs)


def seed_site(*, extra_fiches: int = 0) -> SimpleNamespace:
    """Fiches over two themes, three typologies and a shared tag; one upcoming webinar."""
    guide = Typology.objects.get(slug="guide")
    modele = Typology.objects.get(slug="modele-document")
    fiches = [
        fiche(
            "Demander une subvention au Département",
            "demander-subvention-departement",
            themes=["financement"],
            tags=["Subventions", "Dossier Cerfa"],
            published_at=aware(2025, 3, 1),
        ),
        fiche(
            "Monter un dossier de mécénat",
            "monter-dossier-mecenat",
            themes=["financement"],
            tags=["Mécénat"],
            typology=guide,
            published_at=aware(2025, 2, 1),
        ),
        fiche(
            "Accueillir les nouveaux bénévoles",
            "accueillir-nouveaux-benevoles",
            themes=["benevolat-engagement"],
            tags=["Bénévoles"],
            published_at=aware(2025, 1, 10),
        ),
    ]
    for n in range(extra_fiches):
        fiches.append(
            fiche(
                f"Budget prévisionnel, exemple {n + 1}",
                f"budget-previsionnel-exemple-{n + 1}",
                themes=["financement"],
                tags=["Subventions"],
                typology=modele if n % 2 else guide,
                published_at=aware(2024, 12, 1) - dt.timedelta(days=n),
            )
        )
    webinar = EventFactory(
        title="Webinaire : réussir son assemblée générale",
        slug="webinaire-reussir-assemblee-generale",
        start=reunion(2030, 3, 12, 9),
        capacity=4,
        max_seats_per_registration=3,
        tags=["Subventions"],
    )
    return SimpleNamespace(fiches=fiches, webinar=EventPage.objects.get(pk=webinar.pk))


PASSWORD = "motdepasse-solide"


def person(username: str, *groups: str) -> User:
    """A staff account in the given groups ("Relecture", "Coordination", "Rédaction – CRAJEP"…)."""
    user = User.objects.create_user(username, f"{username}@exemple.re", PASSWORD, first_name=username.title())
    user.groups.add(*Group.objects.filter(name__in=groups))
    assert user.groups.count() == len(groups), groups
    return user


def editor_group(structure_slug: str) -> str:
    return Structure.objects.get(slug=structure_slug).editor_group.name
