"""`{% illustration_url typology event_format %}`: the shipped drawing shown on a card that has no image."""

from __future__ import annotations

from typing import Any

from django import template
from django.templatetags.static import static

register = template.Library()

# One flat drawing per typology of docs/taxonomy.md (taxonomy/static/taxonomy/illustrations/); an
# event without a typology gets the drawing of its format, anything else (a typology added later) the island.
ILLUSTRATED_TYPOLOGIES = frozenset(
    {
        "fiche-pratique",
        "cas-pratiques-temoignages",
        "guide",
        "modele-document",
        "replay-webinaire",
        "actualite-reglementaire",
        "outil",
        "faq",
    }
)
BY_EVENT_FORMAT = {"webinaire": "replay-webinaire", "presentiel": "rencontre", "hybride": "rencontre"}
DEFAULT = "defaut"


def illustration_name(typology: Any, event_format: str = "") -> str:
    slug = getattr(typology, "slug", "")
    if slug in ILLUSTRATED_TYPOLOGIES:
        return slug
    return BY_EVENT_FORMAT.get(event_format, DEFAULT)


@register.simple_tag
def illustration_url(typology: Any, event_format: str = "") -> str:
    return static(f"taxonomy/illustrations/{illustration_name(typology, event_format)}.svg")
