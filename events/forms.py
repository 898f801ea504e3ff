"""The public registration form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from events.models import EventPage, rna_validator
from events.services import RegistrationData
from site_kazasso.privacy.consent import current_consent
from site_kazasso.privacy.models import ConsentText

# Used when no consent text exists (the privacy migration creates the first version).
DEFAULT_CONSENT = _(
    "J'accepte que ces informations soient utilisées par les structures organisatrices pour "
    "gérer cette inscription et me contacter à son sujet. Elles ne sont ni publiées ni cédées."
)


class RNAField(forms.CharField):
    """Accepts "w 974 001 234" as well as "W974001234"."""

    def to_python(self, value: Any) -> str:
        return "".join(super().to_python(value).split()).upper()


class RegistrationForm(forms.Form):
    association_name = forms.CharField(label=_("Nom de l'association"), max_length=200)
    rna_number = RNAField(
        label=_("Numéro RNA (facultatif)"),
        max_length=20,
        required=False,
        validators=[rna_validator],
        help_text=_("W suivi de 9 chiffres, par exemple W974001234."),
    )
    contact_name = forms.CharField(label=_("Nom et prénom de la personne à contacter"), max_length=150)
    email = forms.EmailField(label=_("Courriel"), max_length=254)
    seats = forms.IntegerField(label=_("Nombre de places"), initial=1)
    consent = forms.BooleanField(
        label=DEFAULT_CONSENT,
        error_messages={"required": _("Votre accord est nécessaire pour vous inscrire.")},
    )
    # The version shown beside the checkbox: the one the person accepts, even if it changes meanwhile.
    consent_version = forms.ModelChoiceField(
        queryset=ConsentText.objects.all(), widget=forms.HiddenInput, required=False
    )

    def __init__(self, *args: Any, event: EventPage, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.event = event
        current = current_consent()
        if current is not None:
            self.fields["consent"].label = current.text
            self.fields["consent_version"].initial = current.pk
        maximum = event.max_seats_per_registration
        seats = self.fields["seats"]
        seats.validators += [MinValueValidator(1), MaxValueValidator(maximum)]
        seats.widget.attrs.update({"min": 1, "max": maximum})
        seats.help_text = _("Entre 1 et %(max)s.") % {"max": maximum}
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"
        self.fields["association_name"].widget.attrs["autocomplete"] = "organization"

    def to_data(self) -> RegistrationData:
        return RegistrationData(
            **{name: self.cleaned_data[name] for name in RegistrationData.__dataclass_fields__}
        )
