"""The privacy page and its request form: a reader asks about their data, no account needed.

The request goes to the coordination's address (site settings) through the outbox; the form is
rate-limited per client address (KAZASSO_RATELIMIT_RULES["privacy_request"]).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.context_processors import settings_for
from site_kazasso.outbox.mail import queue_mail
from site_kazasso.privacy import retention
from site_kazasso.ratelimit import retry_after, wait_text

if TYPE_CHECKING:
    from home.legal import PrivacyPage

REQUEST_KINDS = [
    ("acces", gettext_lazy("Accès à mes données (en recevoir une copie)")),
    ("rectification", gettext_lazy("Rectification")),
    ("effacement", gettext_lazy("Effacement")),
    ("opposition", gettext_lazy("Opposition ou limitation")),
    ("autre", gettext_lazy("Autre question")),
]


class PrivacyRequestForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Nom et prénom"), max_length=150)
    email = forms.EmailField(
        label=gettext_lazy("Courriel concerné"),
        max_length=254,
        help_text=gettext_lazy("L'adresse utilisée pour vos inscriptions : la réponse y sera envoyée."),
    )
    kind = forms.ChoiceField(label=gettext_lazy("Votre demande"), choices=REQUEST_KINDS)
    message = forms.CharField(
        label=gettext_lazy("Précisions (facultatif)"), max_length=2000, required=False, widget=forms.Textarea
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["message"].widget.attrs["rows"] = 4


def retention_periods() -> dict[str, int]:
    """What the page says about retention, read from the settings (never copied into the text)."""
    return {
        "registration_months": retention.registration_months(),
        "unconfirmed_months": retention.unconfirmed_months(),
        "outbox_days": retention.outbox_days(),
        "alerts_unconfirmed_days": settings.KAZASSO_ALERTS_UNCONFIRMED_DAYS,
    }


def privacy_page_view(page: PrivacyPage, request: HttpRequest) -> HttpResponse:
    form = PrivacyRequestForm(request.POST if request.method == "POST" else None)
    status = 200
    wait = None
    if request.method == "POST":
        wait = retry_after(request, "privacy_request")
        if wait is not None:
            form.is_valid()  # the page comes back with what the person typed
            form.add_error(
                None,
                _("Trop de demandes envoyées depuis votre connexion. Renvoyez le formulaire dans %(delay)s.")
                % {"delay": wait_text(wait)},
            )
            status = 429
        elif form.is_valid():
            send_request(request, form.cleaned_data)
            messages.success(
                request,
                _(
                    "Votre demande est envoyée à la coordination de Kaz Asso. Elle vous répondra à "
                    "%(email)s dans un délai d'un mois au plus."
                )
                % {"email": form.cleaned_data["email"]},
            )
            return redirect(page.url + "#demande")
        else:
            status = 400
    context = page.get_context(request)
    context.update({"form": form, "retention": retention_periods()})
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    if wait is not None:
        response["Retry-After"] = str(wait)
    return response


def send_request(request: HttpRequest, data: dict[str, Any]) -> None:
    """Queue the request for the coordination's address; the person's address is in the text only."""
    recipient = settings_for(request).contact_email or "contact@kazasso.re"
    kinds = dict(REQUEST_KINDS)
    body = render_to_string("home/emails/privacy_request.txt", {**data, "kind_label": kinds[data["kind"]]})
    queue_mail(
        _("Demande sur les données personnelles : %(kind)s") % {"kind": kinds[data["kind"]]},
        body,
        [recipient],
    )
