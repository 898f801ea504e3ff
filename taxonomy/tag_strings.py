"""How a list of tags is written in a form field, and read back (TAGGIT_STRING_FROM_TAGS and
TAGGIT_TAGS_FROM_STRING): tags are separated by commas only, so a multi-word tag such as
« Loto quine » is shown as it is, without the double quotes taggit adds by default."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def string_from_tags(tags: Iterable[Any]) -> str:
    """« AG, Loto quine » : names joined by commas; only a name holding a comma keeps quotes."""
    names = sorted((tag.name for tag in tags), key=str.lower)
    return ", ".join(f'"{name}"' if "," in name else name for name in names)


def tags_from_string(value: str) -> list[str]:
    """Commas separate tags, spaces never do: « Loto quine » is one tag. Double quotes (which the
    admin's tag field adds around a multi-word tag as it is typed) only group."""
    names, current, quoted = [], [], False
    for char in value or "":
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    return sorted({" ".join(name.split()) for name in names} - {""})
