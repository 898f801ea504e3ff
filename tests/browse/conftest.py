"""The content that the tag, theme and feed tests read, around a frozen "now"."""

import pytest
from taggit.models import Tag

from events.models import EventPage
from tests.factories import EventFactory, FicheFactory, aware, reunion

NOW = reunion(2030, 5, 1, 12)


@pytest.fixture
def content(fiche_index, event_index, frozen_now):
    """Live and draft fiches and events sharing a few tags; "Orphelin" is carried by nothing."""
    frozen_now(NOW)
    pages = {
        "tenir": FicheFactory(
            title="Tenir sa trésorerie au quotidien",
            chapo="Plan de trésorerie, rapprochement bancaire : les gestes de chaque mois.",
            themes=["comptabilite-fiscalite"],
            tags=["Trésorerie", "Comptabilité"],
            published_at=aware(2024, 1, 10),
        ),
        "cloturer": FicheFactory(
            title="Clôturer ses comptes annuels",
            themes=["comptabilite-fiscalite", "financement"],
            tags=["Trésorerie", "Bilan"],
            published_at=aware(2025, 3, 2),
        ),
        "fiche_draft": FicheFactory(
            title="Brouillon sur la trésorerie",
            themes=["comptabilite-fiscalite"],
            tags=["Trésorerie", "Brouillon seul"],
            live=False,
        ),
        "benevoles": FicheFactory(
            title="Accueillir ses bénévoles",
            themes=["benevolat-engagement"],
            tags=["Bénévolat", "Éducation populaire"],
            published_at=aware(2025, 6, 1),
        ),
        "reseau": FicheFactory(
            title="Travailler en réseau",
            themes=["co-construction-developpement-local"],
            tags=["Cœur de réseau"],
            published_at=aware(2022, 2, 2),
        ),
        "webinaire": EventFactory(
            title="Webinaire trésorerie",
            chapo="Une heure pour construire son plan de trésorerie.",
            start=reunion(2030, 6, 10, 9),
            themes=["comptabilite-fiscalite"],
            tags=["Trésorerie", "Webinaire"],
        ),
        "rencontre": EventFactory(
            title="Rencontre des comptables",
            start=reunion(2030, 5, 20, 14, 30),
            format="hybride",
            address="Maison des associations, Saint-Denis",
            themes=["comptabilite-fiscalite"],
            tags=["Trésorerie"],
        ),
        "bilan": EventFactory(
            title="Bilan de l'année comptable",
            start=reunion(2029, 11, 5, 9),
            themes=["comptabilite-fiscalite"],
            tags=["Trésorerie"],
        ),
        "event_draft": EventFactory(
            title="Événement brouillon",
            start=reunion(2030, 7, 1, 9),
            themes=["comptabilite-fiscalite"],
            tags=["Trésorerie", "Brouillon seul"],
            live=False,
        ),
        "forum": EventFactory(
            title="Forum du bénévolat",
            start=reunion(2030, 9, 1, 9),
            themes=["benevolat-engagement"],
            tags=["Bénévolat"],
        ),
    }
    published = {"webinaire": aware(2025, 1, 5), "rencontre": aware(2025, 4, 1), "bilan": aware(2023, 9, 1)}
    for key, when in published.items():
        EventPage.objects.filter(pk=pages[key].pk).update(first_published_at=when, last_published_at=when)
        pages[key].refresh_from_db()
    Tag.objects.create(name="Orphelin")
    return pages
