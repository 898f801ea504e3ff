"""What every page model of the site shares, below the editorial rules."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from site_kazasso.text import validate_one_line


class PlainTitleMixin:
    """Titles go into email subjects and feeds: refuse line breaks and control characters."""

    def clean(self) -> None:
        errors: dict[str, list[ValidationError]] = {}
        try:
            super().clean()  # type: ignore[misc]
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            validate_one_line(self.title)  # type: ignore[attr-defined]
        except ValidationError as error:
            errors.setdefault("title", []).extend(error.error_list)
        if errors:
            raise ValidationError(errors)
