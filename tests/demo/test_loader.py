"""`demo.loader`: short data entries become pages that the models themselves validate."""

import pytest
from django.core.management import CommandError
from django.utils import timezone

from demo.builders import add_page, get_context, lookups
from demo.events_builders import get_event_index
from demo.loader import build_event, build_fiche, stream
from fiches.models import FichePage

pytestmark = pytest.mark.django_db

FICHE = {
    "slug": "essai",
    "title": "Essai",
    "chapo": "Un essai.",
    "structure": "crajep-reunion",
    "typology": "fiche-pratique",
    "themes": ["financement"],
    "tags": ["Essai", "Démonstration"],
    "body": [{"paragraph": "Texte."}],
}


def test_short_blocks_take_the_defaults_their_blocks_declare():
    body = stream(
        FichePage,
        "body",
        [
            {"paragraph": ["Intro :", {"ol": ["un", "deux"]}]},
            {"heading": "Sous-titre", "level": "h3"},
            {"key_points": ["À noter"]},
            {"faq": [{"question": "Pourquoi ?", "answer": "Parce que."}]},
        ],
        lookups(get_context()),
    )
    paragraph, heading, points, faq = (child.value for child in body)
    assert paragraph.source == "<p>Intro :</p><ol><li>un</li><li>deux</li></ol>"
    assert (heading["text"], heading["level"]) == ("Sous-titre", "h3")
    assert points["title"] == "À retenir" and points["text"].source == "<ul><li>À noter</li></ul>"
    assert faq["title"] == "Questions-réponses"
    assert faq["items"][0]["answer"].source == "<p>Parce que.</p>"


def test_an_unknown_slug_is_named_in_french():
    with pytest.raises(CommandError, match="essai : référence inconnue.*structure-fantome"):
        build_fiche({**FICHE, "structure": "structure-fantome"}, lookups(get_context()), None)


def test_the_event_model_validates_a_demo_event():
    """No rule is re-stated by the loader: EventPage.clean refuses an in-person event without address."""
    ctx = get_context()
    entry = {
        **FICHE,
        "format": "presentiel",
        "in_days": 3,
        "time": "14:00",
        "minutes": 60,
        "speakers": [{"name": "Ana", "role": "Juriste", "organisation": "Cabinet"}],
    }
    del entry["typology"]
    page = build_event(entry, lookups(ctx), None, timezone.now())
    with pytest.raises(CommandError, match="essai.*adresse"):
        add_page(get_event_index(ctx), page)
