"""French typography for what the site shows, as template filters available in every template
(a builtin library, TEMPLATES["OPTIONS"]["builtins"]):

- `fr_date`: Django's `date` filter, with « 1er » for the first day of the month (« 1er avril 2026 »);
- `typo`: non-breaking spaces before « : ; ! ? » » and after « « », so that no punctuation mark or
  opening quote is left alone at the start or the end of a line.

Templates write their own strings with `&nbsp;` where the rule asks for one; `typo` is for the
text they do not write (titles, notices, labels read from the database or from Python).
"""

from __future__ import annotations

import datetime as dt
import re

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

NBSP = "\u00a0"

# A space (or several, or a non-breaking one already) before a high punctuation mark or a closing
# quote; a mark glued to the word keeps its place (times « 10:30 », URLs « https:// », « ?q= »).
BEFORE_MARK = re.compile(r"[ \t\u00a0\u202f]+(?=[:;!?»])")
# A closing quote glued to the word before it, an opening quote followed by a space or by a word.
GLUED_CLOSING = re.compile(r"(?<=[^\s\u00a0\u202f])»")
AFTER_OPENING = re.compile(r"«[ \t\u00a0\u202f]*")


def french_spacing(text: str) -> str:
    """`text` with the French non-breaking spaces: « «\u00a0mot\u00a0» », « titre\u00a0: suite »."""
    text = BEFORE_MARK.sub(NBSP, text)
    text = GLUED_CLOSING.sub(NBSP + "»", text)
    return AFTER_OPENING.sub("«" + NBSP, text)


@register.filter(is_safe=True)
def typo(value: object) -> str:
    """French spacing of a text shown on the page; markup that was safe stays safe."""
    if value is None:
        return ""
    fixed = french_spacing(str(value))
    return mark_safe(fixed) if isinstance(value, SafeString) else fixed  # noqa: S308 - input was safe


def first_of_month(format_string: str) -> str:
    """The date format with its day without leading zero (`j`) written « 1er »; escaped letters
    (`\\j`) are kept as they are.
    """
    out, chars = [], iter(format_string)
    for char in chars:
        if char == "\\":
            out.append(char + next(chars, ""))
        elif char == "j":
            out.append(r"\1\e\r")
        else:
            out.append(char)
    return "".join(out)


@register.filter(expects_localtime=True, is_safe=False)
def fr_date(value: dt.date | dt.datetime | None, format_string: str | None = None) -> str:
    """Django's `date` filter, with « 1er » for the first day of a month, as French writes it."""
    if value in (None, ""):
        return ""
    format_string = format_string or "j F Y"
    if getattr(value, "day", None) == 1:
        format_string = first_of_month(format_string)
    return date_filter(value, format_string)
