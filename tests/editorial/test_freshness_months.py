"""The review delay is FRESHNESS_MONTHS, read by the rule, not a year written beside it."""

import datetime as dt

import pytest

from editorial import freshness
from tests.factories import FicheFactory


@pytest.mark.django_db
def test_stale_fiches_follow_freshness_months(fiche_index, monkeypatch):
    FicheFactory(title="Vérifiée il y a sept mois", updated_on=dt.date(2024, 8, 10))
    FicheFactory(title="Vérifiée il y a cinq mois", updated_on=dt.date(2024, 10, 10))
    monkeypatch.setattr(freshness, "FRESHNESS_MONTHS", 6)
    stale = freshness.stale_fiches(today=dt.date(2025, 3, 10))
    assert [fiche.title for fiche in stale] == ["Vérifiée il y a sept mois"]
