"""Views behind the event page routes: detail with its registration form, and cancellation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from events import clock
from events.forms import RegistrationForm
from events.listing import EVENTS
from events.models import Registration
from events.services import (
    STATE_MESSAGES,
    RegistrationRefused,
    cancel,
    cancellation_refusal,
    register,
    registration_from_token,
)
from site_kazasso.pagecache.middleware import shows_seats_of
from site_kazasso.pages import routed_parent
from site_kazasso.ratelimit import retry_after, wait_text
from taxonomy.facets import listed_classification

if TYPE_CHECKING:
    from events.models import EventPage


def event_detail(event: EventPage, request: HttpRequest) -> HttpResponse:
    shows_seats_of(request, event.pk)  # before the seats are read: the only page showing them
    now = clock.now()
    state, seats_left = event.registration_status(now)
    form = None
    status = 200
    if request.method == "POST":
        form = RegistrationForm(request.POST, event=event)
        wait = retry_after(request, "registration")
        if wait is not None:
            # The page comes back with what the person typed, so nothing is lost.
            form.add_error(
                None,
                _(
                    "Trop d'inscriptions envoyées depuis votre connexion en peu de temps. Vos "
                    "informations sont conservées ci-dessous : renvoyez le formulaire dans %(delay)s."
                )
                % {"delay": wait_text(wait)},
            )
            status = 429
        elif state in STATE_MESSAGES:
            form.add_error(None, STATE_MESSAGES[state])
            status = 400
        elif form.is_valid():
            try:
                registration = register(event, form.to_data(), request)
            except RegistrationRefused as refused:
                form.add_error(refused.field, refused.message)
                state, seats_left = event.registration_status(clock.now())
            else:
                if registration.status == Registration.Status.CONFIRMED:
                    messages.success(
                        request,
                        _(
                            "Votre inscription est confirmée. Un courriel de confirmation vient d'être "
                            "envoyé à %(email)s avec les informations pour participer."
                        )
                        % {"email": registration.email},
                    )
                else:
                    messages.warning(
                        request,
                        _(
                            "L'événement est complet : votre inscription est sur la liste d'attente. "
                            "Vous recevrez un courriel à %(email)s si une place se libère."
                        )
                        % {"email": registration.email},
                    )
                return redirect(event.url + "#inscription")
    elif state in ("open", "waitlist"):
        form = RegistrationForm(event=event)
    context = event_context(event, request, now)
    context.update(
        {
            "form": form,
            "registration_state": state,
            "state_message": STATE_MESSAGES.get(state),
            "seats_left": seats_left,
        }
    )
    response = TemplateResponse(request, event.get_template(request), context, status=status)
    if status == 429:
        response["Retry-After"] = str(wait)
    return response


def event_context(event: EventPage, request: HttpRequest, now: Any) -> dict[str, Any]:
    context = event.get_context(request)
    parent = routed_parent(event)
    listing_url = parent.url if parent else "/evenements/"
    preview = getattr(request, "is_preview", False)
    listed = None if preview else listed_classification(EVENTS, event.pk, ("structure", "theme", "tag"))
    if listed is None:  # a preview shows its draft's values, a private event is not listed
        listed = {
            "structure": list(event.organisers.order_by("name")),
            "theme": list(event.themes.order_by("order", "name")),
            "tag": list(event.tags.order_by("name")),
        }
    is_past = event.is_past(now)
    context.update(
        {
            "listing_url": listing_url,
            "crumbs": [
                (_("Accueil"), "/"),
                (parent.title if parent else _("Événements"), listing_url),
                (event.title, None),
            ],
            "is_past": is_past,
            "attendance": event.attendance() if is_past else None,
            "speakers": list(event.speakers.select_related("structure")),
            "organisers": listed["structure"],
            "themes": listed["theme"],
            "tags": listed["tag"],
        }
    )
    return context


def cancel_registration(event: EventPage, request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_from_token(event, token)
    context = event_context(event, request, clock.now())
    context["registration"] = registration
    if registration is None:
        context["error"] = _(
            "Ce lien d'annulation n'est pas valide. "
            "Vérifiez qu'il est complet, tel que reçu dans le courriel."
        )
        return TemplateResponse(request, "events/cancel_registration.html", context, status=400)
    refusal = cancellation_refusal(event)
    if request.method == "POST" and refusal is None:
        try:
            cancel(registration, request)  # cancelling twice changes nothing
        except RegistrationRefused as refused:  # the event ended while the page was open
            refusal = refused.message
        else:
            messages.success(request, _("Votre inscription est annulée. Merci d'avoir libéré vos places."))
            return redirect(event.url)
    if refusal:
        context["error"] = refusal
        return TemplateResponse(request, "events/cancel_registration.html", context, status=400)
    return TemplateResponse(request, "events/cancel_registration.html", context)
