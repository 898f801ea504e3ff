"""The coordination's page for a person's rights: find, export, erase (after a confirmation)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from site_kazasso.privacy.exports import export_zip
from site_kazasso.privacy.models import PrivacyAuditLog, subject_digest
from site_kazasso.privacy.registry import erase_for, normalise, records_for, sources

PERMISSION = "privacy.manage_personal_data"
RECENT_LOG_ENTRIES = 20


def can_manage(user: Any) -> bool:
    """The coordination (its group, editorial/migrations) and administrators only."""
    return user.is_authenticated and user.has_perm(PERMISSION)


class PersonForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Adresse électronique de la personne"), max_length=254)


def log(request: HttpRequest, action: str, email: str, counts: dict[str, int]) -> None:
    PrivacyAuditLog.objects.create(
        user=request.user, action=action, subject=subject_digest(email), counts=counts
    )


def rights_view(request: HttpRequest) -> HttpResponse:
    """POST only carries the address (never in a URL, so never in a server log)."""
    if not can_manage(request.user):
        raise PermissionDenied
    form = PersonForm(request.POST if request.method == "POST" else None)
    context: dict[str, Any] = {"form": form, "sources": sources()}
    if form.is_valid():
        email = normalise(form.cleaned_data["email"])
        action = request.POST.get("action", "search")
        if action == "export":
            content, counts = export_zip(email)
            log(request, PrivacyAuditLog.Action.EXPORT, email, counts)
            response = HttpResponse(content, content_type="application/zip")
            name = f"donnees-personnelles-{timezone.localdate():%Y-%m-%d}.zip"
            response["Content-Disposition"] = f'attachment; filename="{name}"'
            return response
        if action == "erase" and request.POST.get("confirm") == "1":
            counts = erase_for(email)
            log(request, PrivacyAuditLog.Action.ERASE, email, counts)
            messages.success(
                request,
                _("Données effacées : %(count)s enregistrement(s). L'effacement est inscrit au journal.")
                % {"count": sum(counts.values())},
            )
            return redirect("privacy_rights")
        context["found"] = found_rows(email)
        context["confirming"] = action == "erase"
    context["log_entries"] = PrivacyAuditLog.objects.select_related("user")[:RECENT_LOG_ENTRIES]
    return TemplateResponse(request, "privacy/admin/rights.html", context)


def found_rows(email: str) -> list[dict[str, Any]]:
    """Each source with records of this address: its label and its records as rows."""
    found = records_for(email)
    return [
        {"label": source.label, "rows": [source.export(record) for record in found[source.key]]}
        for source in sources()
        if source.key in found
    ]
