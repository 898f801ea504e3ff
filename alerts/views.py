"""Subscribe (double opt-in), confirm, manage and leave email alerts, without an account."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from taggit.models import Tag

from alerts import tokens
from alerts.forms import CONSENT_TEXT, ChoicesForm, SubscribeForm
from alerts.models import Subscription, new_key
from events.models import EventFormat
from members.models import Structure
from site_kazasso.outbox.mail import queue_mail
from site_kazasso.ratelimit import retry_after, too_many_requests
from taxonomy.models import Theme

INVALID_LINK = (
    "Ce lien n'est pas valide ou a expiré. Les liens de confirmation durent quelques jours, ceux de "
    "gestion figurent dans chaque courriel d'alerte."
)


def private(response: HttpResponse) -> HttpResponse:
    """Pages reached by a personal link: never indexed, never cached."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def invalid_link(request: HttpRequest) -> HttpResponse:
    return private(
        render(
            request, "alerts/message.html", {"title": "Lien non valide", "message": INVALID_LINK}, status=404
        )
    )


def initial_choices(request: HttpRequest) -> dict[str, Any]:
    """The subscription form opened from a theme, tag, structure page or the listing."""
    query = request.GET
    initial: dict[str, Any] = {}
    if query.get("tout"):
        initial["everything"] = True
    if query.get("theme"):
        initial["themes"] = list(Theme.objects.filter(slug=query["theme"]))
    if query.get("tag"):
        initial["tags"] = list(Tag.objects.filter(slug=query["tag"]))
    if query.get("structure"):
        initial["structures"] = list(Structure.objects.filter(slug=query["structure"]))
    if query.get("format") in EventFormat.values:
        initial["formats"] = [query["format"]]
    return initial


def link(request: HttpRequest, name: str, subscription: Subscription, purpose: str) -> str:
    return request.build_absolute_uri(reverse(name, args=[tokens.make(subscription, purpose)]))


def subscribe_context(form: SubscribeForm) -> dict[str, Any]:
    return {"form": form, "crumbs": [("Accueil", "/"), ("Alertes par courriel", None)]}


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(
            request,
            "alerts/subscribe.html",
            subscribe_context(SubscribeForm(initial=initial_choices(request))),
        )
    wait = retry_after(request, "alerts")
    if wait:
        return too_many_requests(request, wait)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", subscribe_context(form), status=400)
    email = form.cleaned_data["email"].strip().lower()
    wait = retry_after(request, "alerts_email", subject=email)
    if wait:
        return too_many_requests(request, wait)
    with transaction.atomic():
        existing = Subscription.objects.select_for_update().filter(email=email).first()
        if existing is not None and existing.confirmed_at is not None:
            # Never changed nor revealed by a form anyone can post: the owner gets their link.
            context = {"manage_url": link(request, "alerts:manage", existing, tokens.MANAGE)}
            queue_mail(
                "Vos alertes Kaz Asso Ressources",
                render_to_string("alerts/email/already.txt", context),
                [email],
            )
        else:
            subscription = existing or Subscription(email=email)
            subscription.key = new_key()  # a new request retires the previous confirmation link
            subscription.created_at = subscription.consent_at = timezone.now()
            subscription.consent_text = CONSENT_TEXT
            form.instance = subscription
            form.save()
            context = {"confirm_url": link(request, "alerts:confirm", subscription, tokens.CONFIRM)}
            queue_mail(
                "Confirmez vos alertes Kaz Asso Ressources",
                render_to_string("alerts/email/confirm.txt", context),
                [email],
            )
    return HttpResponseRedirect(reverse("alerts:sent"))


def sent(request: HttpRequest) -> HttpResponse:
    return render(request, "alerts/sent.html", {"unconfirmed_days": settings.KAZASSO_ALERTS_UNCONFIRMED_DAYS})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscription = tokens.read(token, tokens.CONFIRM)
    if subscription is None:
        return invalid_link(request)
    if request.method == "POST":
        if subscription.confirmed_at is None:
            now = timezone.now()
            Subscription.objects.filter(pk=subscription.pk, confirmed_at__isnull=True).update(
                confirmed_at=now, covered_until=now
            )
        manage = reverse("alerts:manage", args=[tokens.make(subscription, tokens.MANAGE)])
        return HttpResponseRedirect(f"{manage}?confirme=1")
    return private(render(request, "alerts/confirm.html", {"subscription": subscription}))


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    subscription = tokens.read(token, tokens.MANAGE)
    if subscription is None or subscription.confirmed_at is None:
        return invalid_link(request)
    status = 200
    if request.method == "POST":
        form = ChoicesForm(request.POST, instance=subscription)
        if form.is_valid():
            form.save()
            return HttpResponseRedirect(f"{request.path}?enregistre=1")
        status = 400
    else:
        form = ChoicesForm(instance=subscription)
    context = {
        "form": form,
        "subscription": subscription,
        "token": token,
        "confirmed": "confirme" in request.GET,
        "saved": "enregistre" in request.GET,
    }
    return private(render(request, "alerts/manage.html", context, status=status))


# RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a session; the token authenticates.
@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (link scanners follow links), POST leaves: from the page or the mail client."""
    subscription = tokens.read(token, tokens.MANAGE)
    if request.method == "POST":
        if subscription is not None:
            subscription.delete()
        message = (
            "Vous ne recevrez plus d'alertes et votre adresse est effacée. Vous pouvez vous réabonner "
            "à tout moment."
        )
        if subscription is None and tokens.signed(token, tokens.MANAGE) is None:
            return invalid_link(request)
        return private(
            render(request, "alerts/message.html", {"title": "Désabonnement effectué", "message": message})
        )
    if subscription is None:
        return invalid_link(request)
    return private(render(request, "alerts/unsubscribe.html", {"subscription": subscription}))
