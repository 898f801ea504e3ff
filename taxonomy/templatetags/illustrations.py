"""`{% illustration_url typology %}`: the shipped drawing shown on a card that has no image."""

from __future__ import annotations

from typing import Any

from django import template
from django.templatetags.static import static

register = template.Library()

# One flat drawing per typology of docs/taxonomy.md (taxonomy/static/taxonomy/illustrations/);
# a typology added later, or an event without one, gets the island.
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
DEFAULT = "defaut"


def illustration_name(typology: Any) -> str:
    slug = getattr(typology, "slug", "")
    return slug if slug in ILLUSTRATED_TYPOLOGIES else DEFAULT


@register.simple_tag
def illustration_url(typology: Any) -> str:
    return static(f"taxonomy/illustrations/{illustration_name(typology)}.svg")
