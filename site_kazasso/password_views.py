"""Wagtail's page-password and admin password-reset views, behind the rate limits of ratelimit.py.

Mounted in urls.py on Wagtail's own paths and names, before Wagtail's URLs: the templates, forms
and redirects stay Wagtail's; only the counting is added.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from wagtail import views as wagtail_views
from wagtail.admin.views import account

from site_kazasso.ratelimit import (
    forget_failures,
    locked_out,
    record_failure,
    retry_after,
    too_many_requests,
    wait_text,
)

LOCKOUT_SCOPE = "page_password"  # its rule in KAZASSO_RATELIMIT_RULES


def page_password_locked(request: HttpRequest, wait: int) -> HttpResponse:
    message = _(
        "Trop de mots de passe erronés pour cette page depuis votre connexion. Merci de réessayer dans "
        "%(delay)s."
    ) % {"delay": wait_text(wait)}
    return too_many_requests(request, wait, message=message)


def authenticate_with_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    """Wagtail's password form for a private page, locked like the admin login after failures:
    while locked, even the right password is refused (429)."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if wait := locked_out(request, LOCKOUT_SCOPE, page_view_restriction_id):
        return page_password_locked(request, wait)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code in (301, 302):  # Wagtail redirects only once the password is right
        forget_failures(request, LOCKOUT_SCOPE, page_view_restriction_id)
    elif wait := record_failure(request, LOCKOUT_SCOPE, page_view_restriction_id):
        return page_password_locked(request, wait)
    return response


class PasswordResetView(account.PasswordResetView):
    """Wagtail's « mot de passe oublié »: a few emails per client and per address an hour.

    Beyond a limit no email goes out and the form says so, whether the address has an account or
    not (the answer depends only on the counts, so it tells nothing about the accounts).
    """

    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().casefold()
        wait = retry_after(self.request, "password_reset") or retry_after(
            self.request, "password_reset_email", subject=email
        )
        if wait is None:
            return super().form_valid(form)
        form.add_error(
            None,
            _(
                "Trop de demandes de réinitialisation en peu de temps. Aucun message n'a été envoyé : "
                "merci de réessayer dans %(delay)s."
            )
            % {"delay": wait_text(wait)},
        )
        response = self.form_invalid(form)
        response.status_code = 429
        response["Retry-After"] = str(wait)
        return response
