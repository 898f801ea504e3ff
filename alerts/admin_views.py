"""The coordination's view of the alerts: counts per theme and frequency; an export only with a
logged reason. Nobody else, and no list of addresses on screen."""

from __future__ import annotations

import csv
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from alerts.models import ExportLog, Frequency, Subscription
from events.models import EventFormat
from members.models import Structure
from members.roles import is_coordinator
from site_kazasso.spreadsheets import neutralise_formula
from taxonomy.models import Theme


class ExportForm(forms.Form):
    reason = forms.CharField(
        label="Motif de l'export",
        min_length=15,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Obligatoire et conservé avec votre nom et la date (jamais les adresses exportées).",
        error_messages={
            "required": "Indiquez pourquoi vous exportez les adresses.",
            "min_length": "Décrivez le motif en une phrase (au moins %(limit_value)d caractères).",
        },
    )


def counts() -> dict[str, Any]:
    confirmed = Subscription.objects.filter(confirmed_at__isnull=False)
    frequencies = {
        row["frequency"]: row["n"] for row in confirmed.values("frequency").annotate(n=Count("pk"))
    }
    formats = dict.fromkeys(EventFormat.values, 0)
    for chosen in confirmed.values_list("formats", flat=True):
        for value in chosen or ():
            if value in formats:
                formats[value] += 1
    labels = dict(EventFormat.choices)
    return {
        "confirmed": confirmed.count(),
        "pending": Subscription.objects.filter(confirmed_at__isnull=True).count(),
        "everything": confirmed.filter(everything=True).count(),
        "frequencies": [(label, frequencies.get(value, 0)) for value, label in Frequency.choices],
        "themes": Theme.objects.order_by("order", "name").annotate(
            n=Count("subscription", filter=Q(subscription__confirmed_at__isnull=False))
        ),
        "structures": Structure.objects.order_by("name")
        .annotate(n=Count("subscription", filter=Q(subscription__confirmed_at__isnull=False)))
        .filter(n__gt=0),
        "formats": [(labels[value], n) for value, n in formats.items()],
        "exports": ExportLog.objects.select_related("user")[:10],
    }


def export_csv(request: HttpRequest, reason: str) -> HttpResponse:
    rows = Subscription.objects.filter(confirmed_at__isnull=False).order_by("pk").prefetch_related("themes")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="abonnes-alertes-{stamp}.csv"'
    response.write("\ufeff")  # Excel reads UTF-8
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["courriel", "fréquence", "tout", "thèmes", "confirmé le"])
    labels = dict(Frequency.choices)
    written = 0
    for subscription in rows:
        writer.writerow(
            [
                neutralise_formula(subscription.email),
                labels.get(subscription.frequency, subscription.frequency),
                "oui" if subscription.everything else "non",
                neutralise_formula(", ".join(theme.name for theme in subscription.themes.all())),
                timezone.localtime(subscription.confirmed_at).strftime("%d/%m/%Y"),
            ]
        )
        written += 1
    ExportLog.objects.create(user=request.user, reason=reason, rows=written)
    return response


def overview(request: HttpRequest) -> HttpResponse:
    if not is_coordinator(request.user):
        raise PermissionDenied
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return export_csv(request, form.cleaned_data["reason"])
    status = 400 if request.method == "POST" else 200
    return render(request, "alerts/admin/overview.html", {"form": form, **counts()}, status=status)
