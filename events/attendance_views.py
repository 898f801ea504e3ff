"""Attendance views: the admin page of marks (with the sheet and the certificates' sending) and
the public certificate link. Each admin view loads its event through `visible_events`: outside
the organisers and the coordination, the event does not exist (404), as in the registrations
admin."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from events import attendance, clock, pdf
from events.admin_views import visible_events

if TYPE_CHECKING:
    from events.models import EventPage

ADMIN_URL_NAME = "events_attendance"


def organised_event(request: HttpRequest, event_id: int) -> EventPage:
    return get_object_or_404(visible_events(request.user), pk=event_id)


def pdf_response(content: bytes, filename: str, *, attachment: bool) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"  # personal data
    response["X-Robots-Tag"] = "noindex"
    return response


def marks_view(request: HttpRequest, event_id: int) -> HttpResponse:
    """The checkbox list of confirmed registrations, saved in one POST."""
    event = organised_event(request, event_id)
    refusal = attendance.marking_refusal(event)
    if request.method == "POST":
        if refusal:
            messages.error(request, refusal)
        else:
            ids = {int(value) for value in request.POST.getlist("present") if value.isdigit()}
            count = attendance.mark_attendance(event, ids)
            messages.success(
                request,
                ngettext(
                    "Présences enregistrées : %(count)s participant.",
                    "Présences enregistrées : %(count)s participants.",
                    count,
                )
                % {"count": count},
            )
        return redirect(ADMIN_URL_NAME, event.pk)
    registrations = list(attendance.confirmed_registrations(event))
    context = {
        "event": event,
        "registrations": registrations,
        "attendance": sum(1 for r in registrations if r.attended),
        "refusal": refusal,
        "is_past": event.is_past(clock.now()),
        "to_send": sum(
            1
            for r in registrations
            if r.attended and not r.certificate_sent_at and not r.personal_data_erased
        ),
    }
    return TemplateResponse(request, "events/admin/attendance.html", context)


def sheet_view(request: HttpRequest, event_id: int) -> HttpResponse:
    event = organised_event(request, event_id)
    content = pdf.sign_in_sheet(event, list(attendance.confirmed_registrations(event)))
    return pdf_response(content, f"emargement-{event.slug}.pdf", attachment=True)


@require_POST
def send_certificates_view(request: HttpRequest, event_id: int) -> HttpResponse:
    event = organised_event(request, event_id)
    try:
        sent = attendance.send_certificates(event, request)
    except attendance.CertificateRefused as refused:
        messages.error(request, refused.message)
    else:
        if sent:
            messages.success(
                request,
                ngettext("%(count)s attestation envoyée.", "%(count)s attestations envoyées.", sent)
                % {"count": sent},
            )
        else:
            messages.info(
                request, _("Aucune attestation à envoyer : chaque participant a déjà reçu la sienne.")
            )
    return redirect(ADMIN_URL_NAME, event.pk)


def certificate(event: EventPage, request: HttpRequest, token: str) -> HttpResponse:
    """The public route of a certificate link: the PDF, or a French page saying why not."""
    from events.views import event_context

    try:
        registration = attendance.certificate_registration(event, token)
    except attendance.CertificateRefused as refused:
        context = event_context(event, request, clock.now())
        context["error"] = refused.message
        return TemplateResponse(request, "events/certificate_refused.html", context, status=refused.status)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return pdf_response(pdf.certificate(registration), f"attestation-{event.slug}.pdf", attachment=False)
