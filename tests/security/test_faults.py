"""Redis and the mail server both down at once: readers are served and nothing they send is lost.

Issue 12's fault test: the cache points at a closed Redis port, the mail backend raises; public
pages and registrations still answer 2xx/3xx, each registration is saved exactly once and each
email is either sent or waiting in the outbox.
"""

import pytest
from django.core import mail
from django.test import Client, override_settings

from events.models import Registration
from site_kazasso.outbox.models import OutboxEmail
from site_kazasso.settings.caching import build_caches
from tests.editorial.helpers import committed
from tests.factories import EventFactory, FicheFactory, reunion
from tests.security.test_deps_mail import RefusingBackend

pytestmark = pytest.mark.django_db

CLOSED_REDIS = build_caches({"REDIS_URL": "redis://127.0.0.1:1/0"})
REGISTRATIONS = 20
PAGE_VIEWS = 50


@pytest.fixture
def everything_down(settings):
    settings.KAZASSO_PAGE_CACHE = True
    settings.KAZASSO_PAGE_CACHE_GENERATION_FILE = None
    settings.KAZASSO_RATELIMITS = True
    settings.EMAIL_BACKEND = f"{RefusingBackend.__module__}.{RefusingBackend.__qualname__}"
    with override_settings(CACHES=CLOSED_REDIS):
        yield


def test_pages_and_registrations_hold_with_redis_and_smtp_down(
    everything_down, fiche_index, event_index, frozen_now
):
    frozen_now(reunion(2030, 3, 1, 12))
    fiche = FicheFactory(title="Créer son association", slug="creer-son-association")
    # Fewer seats than people: the last ones go to the waiting list, which mails them too.
    event = EventFactory(slug="atelier-panne", capacity=15, waitlist_enabled=True)
    urls = ["/", "/ressources/", "/evenements/", "/recherche/?q=association", fiche.url, event.url]
    urls += ["/sitemap.xml", f"{event.url}ical/", "/evenements/ical/", "/tags/"]
    reader = Client()
    statuses = [reader.get(urls[i % len(urls)]).status_code for i in range(PAGE_VIEWS)]
    assert all(200 <= status < 400 for status in statuses), statuses

    for n in range(REGISTRATIONS):
        visitor = Client(REMOTE_ADDR=f"10.0.0.{n + 1}")
        response = committed(
            visitor.post,
            event.url,
            {
                "association_name": f"Association {n}",
                "rna_number": "W974001234",
                "contact_name": f"Personne {n}",
                "email": f"personne{n}@asso.re",
                "seats": "1",
                "consent": "on",
            },
        )
        assert 200 <= response.status_code < 400, (n, response.status_code)

    emails = [f"personne{n}@asso.re" for n in range(REGISTRATIONS)]
    for email in emails:
        assert Registration.objects.filter(event=event, email=email).count() == 1
    confirmed = Registration.objects.filter(event=event, status=Registration.Status.CONFIRMED).count()
    assert confirmed == 15
    assert len(mail.outbox) == 0
    queued = {address for row in OutboxEmail.objects.filter(status="pending") for address in row.to}
    assert queued == set(emails)
