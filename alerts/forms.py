"""The subscription form (public) and the preferences form (through a signed link)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from alerts.models import Frequency, Subscription
from events.models import EventFormat
from members.models import Structure
from taxonomy.models import Theme

CONSENT_TEXT = (
    "J'accepte que mon adresse et mes choix soient conservés par Kaz Asso pour m'envoyer ces "
    "alertes, jusqu'à mon désabonnement (un lien dans chaque courriel). Ils ne sont ni publiés ni "
    "cédés."
)
NOTHING_CHOSEN = _(
    "Choisissez au moins un thème, un mot-clé, une structure ou un format d'événement, ou cochez "
    "« Toutes les nouveautés »."
)


class ChoicesForm(forms.ModelForm):
    """What to follow and how often: shared by the subscription and the preferences forms."""

    everything = forms.BooleanField(label=_("Toutes les nouveautés du site"), required=False)
    themes = forms.ModelMultipleChoiceField(
        label=_("Thèmes"),
        queryset=Theme.objects.order_by("order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    formats = forms.MultipleChoiceField(
        label=_("Formats d'événement"),
        choices=EventFormat.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    structures = forms.ModelMultipleChoiceField(
        label=_("Structures"),
        queryset=Structure.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    tags = forms.ModelMultipleChoiceField(
        label=_("Mots-clés"),
        queryset=Tag.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    frequency = forms.ChoiceField(
        label=_("Fréquence"), choices=Frequency.choices, initial=Frequency.WEEKLY, widget=forms.RadioSelect
    )

    class Meta:
        model = Subscription
        fields = ["everything", "themes", "formats", "structures", "tags", "frequency"]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        chosen = any(cleaned.get(name) for name in ("everything", "themes", "formats", "structures", "tags"))
        if not chosen and not self.errors:
            raise forms.ValidationError(NOTHING_CHOSEN, code="nothing")
        return cleaned


class SubscribeForm(ChoicesForm):
    email = forms.EmailField(label=_("Votre courriel"), max_length=254)
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Votre accord est nécessaire pour recevoir les alertes.")},
    )

    class Meta(ChoicesForm.Meta):
        fields = ["email", *ChoicesForm.Meta.fields, "consent"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.order_fields(["email", *ChoicesForm.Meta.fields, "consent"])

    def validate_unique(self) -> None:
        """An address already subscribed is handled by the view, never revealed by the form."""
