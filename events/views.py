"""Views behind the event page routes: detail with its registration form, and cancellation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Page

from events import clock
from events.forms import RegistrationForm
from events.listing import EVENTS
from events.models import Registration
from events.services import (
    CONFIRMATION_SALT,
    STATE_MESSAGES,
    RegistrationRefused,
    cancel,
    cancel_token,
    cancellation_refusal,
    confirmation_token,
    register,
    registration_from_token,
    waiting_position,
)
from site_kazasso import content_version
from site_kazasso.pagecache.middleware import shows_seats_of
from site_kazasso.pages import routed_parent
from site_kazasso.ratelimit import retry_after, wait_text
from taxonomy.catalogue import catalogue
from taxonomy.facets import listed_classification

if TYPE_CHECKING:
    from events.models import EventPage


def event_detail(event: EventPage, request: HttpRequest) -> HttpResponse:
    shows_seats_of(request, event.pk)  # before the seats are read (the cards do the same)
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
                # Post/redirect/get: a refresh or "back" shows the confirmation, never posts again.
                return redirect(confirmation_url(event, registration), permanent=False)
    elif state in ("open", "waitlist"):
        form = RegistrationForm(event=event)
    context = event_context(event, request, now)
    context.update(
        {
            "form": form,
            "registration_state": state,
            "state_message": STATE_MESSAGES.get(state),
            "seats_left": seats_left,
            "availability": event.describe_availability(state, seats_left),
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
    if listed is not None:
        catalogue().attach_reference_data(event)
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
            "restitution": RESTITUTIONS.read().get(event.pk),
        }
    )
    return context


def restitutions() -> dict[int, tuple[str, str]]:
    """{event id: (title, url)} of the live, public fiche each event names as its restitution,
    read once per content version: the event page pays no query for it."""
    fiches = Page.objects.live().public().filter(fichepage__restitution_events__isnull=False)
    fiches = fiches.annotate(event_id=F("fichepage__restitution_events__id"))
    return {fiche.event_id: (fiche.title, fiche.url) for fiche in fiches}


RESTITUTIONS = content_version.PerVersion(restitutions)


def confirmation_url(event: EventPage, registration: Registration) -> str:
    return f"{event.url}inscription/{confirmation_token(registration)}/"


def registration_confirmation(event: EventPage, request: HttpRequest, token: str) -> HttpResponse:
    """What was booked, its status, what happens next and how to cancel: personal, never cached."""
    registration = registration_from_token(event, token, CONFIRMATION_SALT)
    context = event_context(event, request, clock.now())
    status = 200
    if registration is None:
        context["error"] = _(
            "Ce lien de confirmation n'est pas valide. Vérifiez qu'il est complet, ou retrouvez "
            "votre inscription dans le courriel de confirmation."
        )
        status = 404
    else:
        context.update(
            {
                "registration": registration,
                "waiting_position": waiting_position(registration),
                "cancel_url": f"{event.url}inscription/annuler/{cancel_token(registration)}/",
                "cancel_refusal": cancellation_refusal(event),
            }
        )
    response = TemplateResponse(request, "events/registration_confirmation.html", context, status=status)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    response["X-Robots-Tag"] = "noindex"
    return response


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
