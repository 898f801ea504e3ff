"""Text rules shared by every app: one-line titles (safe in email headers) and folded text for matching."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Control characters (CR, LF, tab, NUL…) and the Unicode line and paragraph separators.
BREAKING_CATEGORIES = frozenset({"Cc", "Zl", "Zp"})

# Letters that Unicode decomposition leaves whole but a French reader expects to match.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'", "ʼ": "'"})


def fold(text: str) -> str:
    """Lower-case, accent-free form of `text` ("Œuvres" → "oeuvres"), the one rule behind
    suggestions, tag filters, tag sorting and structure matching, so they never disagree."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def has_control_characters(value: str) -> bool:
    return any(unicodedata.category(char) in BREAKING_CATEGORIES for char in value)


def one_line(value: str) -> str:
    """`value` with every control character or line break turned into a space, runs collapsed.

    Email subjects are built through it, so that no title can ever split a header.
    """
    cleaned = "".join(" " if unicodedata.category(char) in BREAKING_CATEGORIES else char for char in value)
    return " ".join(cleaned.split())


def validate_one_line(value: str) -> None:
    """Refuse line breaks and control characters, which a title shown in emails must not hold."""
    if value and has_control_characters(value):
        raise ValidationError(
            _("Le titre ne peut pas contenir de retour à la ligne ni de caractère de contrôle."),
            code="control_characters",
        )
