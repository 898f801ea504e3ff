"""The admin form rules shared by fiches and events: the owning structure, what reviewers may
touch (comments only) and the checklist."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from members.models import Structure
from members.roles import is_coordinator, user_structures

SUBMIT_KEYS = ("action-submit", "action-restart-workflow")
# Fields of the form that belong to the reader, not to the page: a reviewer keeps them editable.
REVIEWER_FIELDS = ("comment_notifications",)
REVIEWER_FORMSETS = ("comments",)


class EditorialPageForm(WagtailAdminPageForm):
    """An editor's page belongs to their structure; submitting requires a complete page."""

    checklist: Callable[[dict[str, Any]], dict[str, str]] | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.restrict_structure()
        self.freeze_for_non_owners()

    def freeze_for_non_owners(self) -> None:
        """Disabled fields ignore what is posted: a reviewer's request cannot change the page.

        The ownership fields (the model's `ownership_fields`) are frozen for anyone who may not
        change ownership; everything but comments for anyone who may not edit the content.
        """
        user = getattr(self, "for_user", None)
        page = self.instance
        if user is None or page is None or page.pk is None:
            return
        perms = page.permissions_for_user(user)
        if not perms.can_change_ownership():
            for name in getattr(type(page), "ownership_fields", ()):
                if name in self.fields:
                    self.fields[name].disabled = True
        if perms.can_edit_content():
            return
        for name, field in self.fields.items():
            if name not in REVIEWER_FIELDS:
                field.disabled = True
        for name, formset in self.formsets.items():
            if name in REVIEWER_FORMSETS:
                continue
            for form in formset.forms:
                for field in form.fields.values():
                    field.disabled = True

    @property
    def changed_data(self) -> list[str]:
        """A disabled field never changes (a StreamField compares its posted blocks anyway): a
        reviewer's decision from the editor saves no revision, which would restart the step."""
        return [name for name in super().changed_data if not self.fields[name].disabled]

    def restrict_structure(self) -> None:
        field = self.fields.get("structure")
        user = getattr(self, "for_user", None)
        if field is None or user is None or is_coordinator(user):
            return
        current = self.instance.structure_id if self.instance else None
        allowed = user_structures(user)
        if current and not allowed.filter(pk=current).exists():
            # A reviewer editing another structure's page during review keeps its structure.
            field.queryset = Structure.objects.filter(pk=current)
            field.disabled = True
            return
        field.queryset = allowed
        choices = list(allowed[:2])
        if len(choices) == 1:
            field.disabled = True
            if not current:
                self.initial["structure"] = choices[0].pk
        field.help_text = _("Les pages que vous rédigez appartiennent à votre structure.")

    @property
    def is_submitting(self) -> bool:
        return any(self.data.get(key) for key in SUBMIT_KEYS)

    def derived_slugs(self) -> set[str]:
        """The slugs the admin derives from the title (unicode or ASCII), as its JavaScript does."""
        title = self.cleaned_data.get("title") or ""
        unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
        return {slugify(title, allow_unicode=unicode), slugify(title)} - {""}

    def sibling_slugs(self, base: str) -> set[str]:
        if self.parent_page is None:
            return set()
        siblings = Page.objects.child_of(self.parent_page)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        return set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))

    def clean_slug_against_siblings(self) -> None:
        """A draft's slug derived from its title takes a free suffix (-2, -3…) when a sibling holds
        it, e.g. the page a first autosave has just created; a typed one gets a French error, also
        named at the top, since the slug field hides on the "Promotion" tab."""
        slug = self.cleaned_data.get("slug")
        if not slug or (self.instance.pk and self.instance.live):
            return
        taken = self.sibling_slugs(slug)
        if slug not in taken:
            return
        if slug in self.derived_slugs():
            suffix = 2
            while f"{slug}-{suffix}" in taken:
                suffix += 1
            self.cleaned_data["slug"] = f"{slug}-{suffix}"
            return
        self.add_error(
            "slug",
            _("L'identifiant d'URL « %(slug)s » est déjà pris par une autre page de cette rubrique.")
            % {"slug": slug},
        )
        self.add_error(
            None,
            _(
                "L'identifiant d'URL est déjà pris : changez-le dans l'onglet « Promotion » "
                "(champ « %(label)s »)."
            )
            % {"label": self.fields["slug"].label},
        )

    def clean(self) -> dict[str, Any]:
        self.clean_slug_against_siblings()
        cleaned = super().clean()
        if self.is_submitting and self.checklist is not None:
            missing = type(self).checklist(cleaned)
            for field, label in missing.items():
                if field in self.fields and field not in self.errors:
                    self.add_error(field, _("À compléter avant de soumettre : %(what)s.") % {"what": label})
            if missing:
                self.add_error(
                    None,
                    _("Avant de soumettre cette page à la relecture, complétez : %(list)s.")
                    % {"list": ", ".join(missing.values())},
                )
        return cleaned
