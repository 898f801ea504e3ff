"""Spreadsheet exports: what a person typed must never run as a formula in Excel or LibreOffice."""

from __future__ import annotations

from typing import Any

# OWASP "CSV injection": a cell starting with one of these is read as a formula (or a DDE call).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value: Any) -> Any:
    """Prefix a text cell that a spreadsheet would evaluate with a single quote; other values pass.

    A lone sign carries no formula, and "-" is the admin's mark for an empty cell: left as is."""
    if isinstance(value, str) and len(value) > 1 and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
