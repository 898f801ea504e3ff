"""Email alerts (issue 18): double opt-in, matching, grouping, once-only delivery, signed links."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from alerts import digest, tokens
from alerts.models import ExportLog, Frequency, Subscription
from events.models import EventPage
from members.models import Structure
from site_kazasso.outbox.models import OutboxEmail
from taxonomy.models import Theme
from tests.editorial.conftest import people  # noqa: F401  (fixture)
from tests.editorial.helpers import committed
from tests.factories import EventFactory, FicheFactory

pytestmark = pytest.mark.django_db

START = dt.datetime(2031, 3, 3, 6, 0, tzinfo=dt.UTC)  # a Monday, 10:00 in La Réunion


def subscription(
    email, *, frequency=Frequency.WEEKLY, everything=False, themes=(), tags=(), structures=(), formats=()
):
    found = Subscription.objects.create(
        email=email,
        everything=everything,
        formats=list(formats),
        frequency=frequency,
        consent_text="accord",
        consent_at=START,
        confirmed_at=START,
        covered_until=START,
    )
    found.themes.set(Theme.objects.filter(slug__in=themes))
    found.tags.set(Tag.objects.filter(name__in=tags))
    found.structures.set(Structure.objects.filter(slug__in=structures))
    return found


def sent_to() -> dict[str, str]:
    return {message.to[0]: message.body for message in mail.outbox}


def run(now, **kwargs):
    mail.outbox.clear()
    return committed(digest.send_due, now, pause=0, **kwargs)


@pytest.fixture
def items(fiche_index, event_index):
    """Published one day after START: a fiche on financement (CRAJEP, tag « Subvention »), a
    fiche on emploi-rh (Ligue), an upcoming webinar on evenements, an old fiche."""
    day = START + dt.timedelta(days=1)
    finance, jobs = (
        FicheFactory(
            title=title,
            themes=[theme],
            tags=[tag],
            structure=Structure.objects.get(slug=structure),
            published_at=day,
        )
        for title, theme, tag, structure in (
            ("Demander une subvention", "financement", "Subvention", "crajep-reunion"),
            ("Recruter un salarié", "emploi-rh", "Emploi", "ligue-enseignement-reunion"),
        )
    )
    webinar = EventFactory(
        title="Webinaire bilan",
        themes=["evenements"],
        format="webinaire",
        start=START + dt.timedelta(days=20),
        end=START + dt.timedelta(days=20, hours=2),
    )
    EventPage.objects.filter(pk=webinar.pk).update(first_published_at=day)
    FicheFactory(title="Ancienne fiche", themes=["financement"], published_at=START - dt.timedelta(days=3))
    return finance, jobs, webinar


def test_each_kind_of_choice_gets_what_matches_and_only_that(items):
    subscription("theme@a.re", themes=["financement"])
    subscription("tag@a.re", tags=["Emploi"])
    subscription("structure@a.re", structures=["ligue-enseignement-reunion"])
    subscription("format@a.re", formats=["webinaire"])
    subscription("tout@a.re", everything=True)
    subscription("rien@a.re", themes=["crise-resilience"])
    summary = run(START + dt.timedelta(days=8))
    got = sent_to()
    assert set(got) == {"theme@a.re", "tag@a.re", "structure@a.re", "format@a.re", "tout@a.re"}
    assert "Demander une subvention" in got["theme@a.re"] and "Recruter" not in got["theme@a.re"]
    assert "Recruter un salarié" in got["tag@a.re"] and "subvention" not in got["tag@a.re"]
    assert "Recruter un salarié" in got["structure@a.re"] and "Webinaire" not in got["structure@a.re"]
    assert "Webinaire bilan" in got["format@a.re"] and "Recruter" not in got["format@a.re"]
    assert all(title in got["tout@a.re"] for title in ("subvention", "Recruter", "Webinaire bilan"))
    assert "Ancienne fiche" not in got["tout@a.re"]  # published before the subscription
    assert (summary.sent, summary.nothing_new) == (5, 1)
    assert Subscription.objects.get(email="rien@a.re").covered_until > START  # nothing sent, window closed


def test_a_digest_is_grouped_by_theme_in_html_and_text_with_one_click_unsubscribe(items):
    subscription("tout@a.re", everything=True, themes=["emploi-rh"])
    run(START + dt.timedelta(days=8))
    [message] = mail.outbox
    text, html = message.body, message.alternatives[0].content
    titles = re.findall(r"^== (.+) ==$", text, flags=re.MULTILINE)
    names = dict(Theme.objects.values_list("slug", "name"))
    # The theme the person follows first, then the others by name.
    assert titles == [names["emploi-rh"], *sorted([names["financement"], names["evenements"]])]
    assert text.index(names["emploi-rh"]) < text.index("Recruter") < text.index(names["financement"])
    assert "<h2" in html and "Recruter un salarié" in html and "3 nouveautés" in message.subject
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert re.fullmatch(r"<http://[^>]+/alertes/desabonnement/[^>]+/>", unsubscribe)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_frequencies_wait_their_turn_and_nothing_reaches_a_person_twice(items):
    subscription("now@a.re", frequency=Frequency.IMMEDIATE, everything=True)
    subscription("week@a.re", frequency=Frequency.WEEKLY, everything=True)
    subscription("month@a.re", frequency=Frequency.MONTHLY, everything=True)
    assert set(sent_to_after(START + dt.timedelta(days=2))) == {"now@a.re"}
    assert set(sent_to_after(START + dt.timedelta(days=2, hours=1))) == set()  # the same run again
    assert set(sent_to_after(START + dt.timedelta(days=8))) == {"week@a.re"}
    assert set(sent_to_after(START + dt.timedelta(days=32))) == {"month@a.re"}
    assert set(sent_to_after(START + dt.timedelta(days=40))) == set()


def sent_to_after(now):
    run(now)
    return sent_to()


def test_a_crash_between_two_batches_resumes_without_duplicates(items):
    for n in range(3):
        subscription(f"p{n}@a.re", everything=True)

    def crash(seconds):
        raise RuntimeError("arrêt du processus")

    mail.outbox.clear()
    with pytest.raises(RuntimeError):
        committed(digest.send_due, START + dt.timedelta(days=8), batch_size=1, pause=1, sleep=crash)
    first = [message.to[0] for message in mail.outbox]
    assert first == ["p0@a.re"]
    run(START + dt.timedelta(days=8, minutes=15), batch_size=1)
    assert sorted(message.to[0] for message in mail.outbox) == ["p1@a.re", "p2@a.re"]
    assert OutboxEmail.objects.filter(subject__contains="nouveauté").count() == 3


def test_subscribe_confirm_then_manage_and_nothing_before_confirmation(client, items):
    response = committed(
        client.post,
        "/alertes/",
        {
            "email": "Lea@Exemple.re",
            "themes": [Theme.objects.get(slug="financement").pk],
            "frequency": "weekly",
            "consent": "on",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/alertes/envoye/"
    pending = Subscription.objects.get(email="lea@exemple.re")
    assert pending.confirmed_at is None and pending.consent_at and "conservés" in pending.consent_text
    [confirmation] = mail.outbox
    link = re.search(r"http://testserver(/alertes/confirmer/\S+/)", confirmation.body).group(1)
    assert run(timezone.now() + dt.timedelta(days=6)).considered == 0  # never before confirmation
    page = client.get(link)
    assert page.status_code == 200 and page["X-Robots-Tag"].startswith("noindex")
    assert (
        Subscription.objects.get(pk=pending.pk).confirmed_at is None
    )  # a GET (link scanner) confirms nothing
    manage = client.post(link)
    assert manage.status_code == 302 and "/alertes/preferences/" in manage["Location"]
    assert Subscription.objects.get(pk=pending.pk).confirmed_at is not None
    saved = client.post(manage["Location"].split("?")[0], {"formats": ["webinaire"], "frequency": "monthly"})
    assert saved.status_code == 302
    changed = Subscription.objects.get(pk=pending.pk)
    assert changed.formats == ["webinaire"] and changed.frequency == "monthly" and not changed.themes.exists()


def test_the_forms_refuse_bad_input_in_french_and_keep_it(client, db):
    response = client.post("/alertes/", {"email": "pas-une-adresse", "frequency": "weekly"})
    html = response.content.decode()
    assert response.status_code == 400 and "pas-une-adresse" in html
    assert "Votre accord est nécessaire" in html
    response = client.post("/alertes/", {"email": "a@exemple.re", "frequency": "weekly", "consent": "on"})
    assert response.status_code == 400 and "Choisissez au moins un thème" in response.content.decode()
    assert not Subscription.objects.exists() and not mail.outbox


def test_an_address_already_subscribed_is_neither_changed_nor_revealed(client, items):
    subscription("deja@a.re", themes=["financement"])
    response = committed(
        client.post,
        "/alertes/",
        {"email": "deja@a.re", "everything": "on", "frequency": "immediate", "consent": "on"},
    )
    assert response.status_code == 302 and response["Location"] == "/alertes/envoye/"
    kept = Subscription.objects.get(email="deja@a.re")
    assert not kept.everything and kept.frequency == Frequency.WEEKLY
    [message] = mail.outbox
    assert "/alertes/preferences/" in message.body and "déjà abonnée" in message.body


def test_unsubscribe_in_one_click_by_post_and_through_the_link(items):
    one_click = subscription("clic@a.re", everything=True)
    by_link = subscription("lien@a.re", everything=True)
    csrf_client = Client(enforce_csrf_checks=True)
    url = f"/alertes/desabonnement/{tokens.make(one_click, tokens.MANAGE)}/"
    response = csrf_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200 and not Subscription.objects.filter(pk=one_click.pk).exists()
    assert csrf_client.post(url).status_code == 200  # a second click: said kindly, not an error
    url = f"/alertes/desabonnement/{tokens.make(by_link, tokens.MANAGE)}/"
    assert "Me désabonner" in csrf_client.get(url).content.decode()
    assert Subscription.objects.filter(pk=by_link.pk).exists()  # a GET (link scanner) removes nothing
    csrf_client.post(url)
    assert not Subscription.objects.filter(email__in=["clic@a.re", "lien@a.re"]).exists()


def test_expired_tampered_or_retired_links_are_refused(client, settings, db):
    person = subscription("x@a.re", everything=True)
    manage = tokens.make(person, tokens.MANAGE)
    confirm = tokens.make(person, tokens.CONFIRM)
    assert client.get(f"/alertes/preferences/{manage}/").status_code == 200
    assert client.get(f"/alertes/preferences/{manage[:-2]}xx/").status_code == 404
    assert client.get(f"/alertes/preferences/{confirm}/").status_code == 404  # another purpose
    assert client.post(f"/alertes/desabonnement/{manage[:-2]}xx/").status_code == 404
    with time_machine.travel(
        timezone.now() + dt.timedelta(days=settings.KAZASSO_ALERTS_UNCONFIRMED_DAYS + 1)
    ):
        assert client.get(f"/alertes/confirmer/{confirm}/").status_code == 404
        assert client.get(f"/alertes/preferences/{manage}/").status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=settings.KAZASSO_ALERTS_LINK_DAYS + 1)):
        response = client.get(f"/alertes/preferences/{manage}/")
        assert response.status_code == 404 and "expiré" in response.content.decode()
    Subscription.objects.filter(pk=person.pk).update(key="nouvelle-clef")
    assert client.get(f"/alertes/preferences/{manage}/").status_code == 404


def test_unconfirmed_subscriptions_are_erased_after_seven_days(db):
    old = Subscription.objects.create(
        email="vieux@a.re", consent_text="accord", consent_at=START, created_at=START
    )
    recent = Subscription.objects.create(
        email="recent@a.re", consent_text="accord", consent_at=START, created_at=START + dt.timedelta(days=5)
    )
    summary = run(START + dt.timedelta(days=7, hours=1))
    assert summary.erased_unconfirmed == 1
    assert list(Subscription.objects.values_list("email", flat=True)) == [recent.email]
    assert not Subscription.objects.filter(pk=old.pk).exists()


def test_the_coordination_sees_counts_and_exports_only_with_a_logged_reason(client, people):  # noqa: F811
    subscription("a@a.re", themes=["financement"], frequency=Frequency.MONTHLY)
    subscription("b@a.re", everything=True)
    client.force_login(people.editor)
    assert client.get("/admin/alertes/").status_code in (302, 403)
    client.force_login(people.coordinator)
    page = client.get("/admin/alertes/").content.decode()
    assert "a@a.re" not in page and "<strong>2</strong> abonnements confirmés" in page
    assert re.search(r"Financement[^<]*</td><td>1<", page) and re.search(
        r"Une fois par mois</td><td>1<", page
    )
    refused = client.post("/admin/alertes/", {"reason": "court"})
    assert refused.status_code == 400 and not ExportLog.objects.exists()
    export = client.post("/admin/alertes/", {"reason": "Envoi du programme de la rentrée aux abonnés"})
    assert export["Content-Type"].startswith("text/csv") and "a@a.re" in export.content.decode("utf-8-sig")
    log = ExportLog.objects.get()
    assert (log.user, log.rows) == (people.coordinator, 2) and "@" not in log.reason


def test_theme_tag_structure_pages_the_listing_and_the_footer_lead_to_the_form_pre_ticked(client, items):
    finance = Theme.objects.get(slug="financement")
    for url, expected in [
        ("/themes/financement/", "/alertes/?theme=financement"),
        ("/tags/subvention/", "/alertes/?tag=subvention"),
        ("/structures/crajep-reunion/", "/alertes/?structure=crajep-reunion"),
        ("/ressources/", 'href="/alertes/"'),
        ("/", 'href="/alertes/"'),
    ]:
        assert expected in client.get(url).content.decode(), url
    form = client.get("/alertes/?theme=financement&tag=subvention&format=webinaire").content.decode()
    assert re.search(rf'value="{finance.pk}"[^>]*checked', form)
    assert re.search(r'value="webinaire"[^>]*checked', form)
