"""What a page needs before it can be submitted for review, in words an editor understands."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def fiche_missing(data: dict[str, Any]) -> dict[str, str]:
    """Field → French message for each missing element of a fiche (chapô, theme, typology, tag)."""
    missing = {}
    if not (data.get("chapo") or "").strip():
        missing["chapo"] = _("le chapô")
    if not data.get("themes"):
        missing["themes"] = _("au moins un thème")
    if not data.get("typology"):
        missing["typology"] = _("la typologie")
    if not data.get("tags"):
        missing["tags"] = _("au moins un mot-clé")
    return missing


def event_missing(data: dict[str, Any]) -> dict[str, str]:
    """Field → French message for an event: dates, format-specific fields, an organiser."""
    missing = {}
    if not data.get("start"):
        missing["start"] = _("la date et l'heure de début")
    if not data.get("end"):
        missing["end"] = _("la date et l'heure de fin")
    fmt = data.get("format")
    if not fmt:
        missing["format"] = _("le format")
    if fmt in ("presentiel", "hybride") and not (data.get("address") or "").strip():
        missing["address"] = _("l'adresse")
    if fmt in ("webinaire", "hybride") and not data.get("visio_url"):
        missing["visio_url"] = _("le lien de visioconférence")
    if not data.get("organisers") and not data.get("structure"):
        missing["organisers"] = _("au moins une structure organisatrice")
    if not (data.get("chapo") or "").strip():
        missing["chapo"] = _("le chapô")
    return missing
