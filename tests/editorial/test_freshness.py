"""Fiches à revoir: the 12-month rule, the admin report per role, and the monthly digest."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from editorial.freshness import months_before, months_between, stale_fiches
from fiches.models import FichePage
from members.models import Structure
from members.roles import COORDINATION_GROUP
from tests.factories import FicheFactory, reunion

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 3, 10)
REPORT_URL = "/admin/reports/fiches-a-revoir/"


def structure(slug: str) -> Structure:
    return Structure.objects.get(slug=slug)


def titles(fiches) -> list[str]:
    return [fiche.title for fiche in fiches]


def with_admin_access(group: Group) -> Group:
    """The lead may grant this permission by migration; the tests must not depend on it."""
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group.permissions.add(permission)
    return group


def editor_of(*slugs: str, username: str = "redac", email: str = "", is_active: bool = True) -> User:
    user = User.objects.create_user(username, email, "motdepasse-solide", is_active=is_active)
    for slug in slugs:
        user.groups.add(with_admin_access(structure(slug).editor_group))
    return user


def coordinator() -> User:
    user = User.objects.create_user("coord", "coord@exemple.re", "motdepasse-solide")
    user.groups.add(with_admin_access(Group.objects.get(name=COORDINATION_GROUP)))
    return user


# The 12-month rule


def test_months_before_keeps_the_day_and_moves_29_february_to_the_28th():
    assert months_before(dt.date(2025, 3, 10), 12) == dt.date(2024, 3, 10)
    assert months_before(dt.date(2024, 2, 29), 12) == dt.date(2023, 2, 28)
    assert months_before(dt.date(2025, 2, 28), 12) == dt.date(2024, 2, 28)
    assert months_before(dt.date(2025, 5, 31), 3) == dt.date(2025, 2, 28)
    assert months_before(dt.date(2025, 1, 15), 1) == dt.date(2024, 12, 15)


def test_months_between_counts_whole_months():
    assert months_between(dt.date(2024, 3, 10), dt.date(2025, 3, 10)) == 12
    assert months_between(dt.date(2024, 3, 11), dt.date(2025, 3, 10)) == 11
    assert months_between(dt.date(2024, 1, 31), dt.date(2025, 3, 10)) == 13
    assert months_between(dt.date(2025, 3, 10), dt.date(2025, 3, 1)) == 0


def test_exactly_twelve_months_is_stale_one_day_less_is_not(fiche_index):
    FicheFactory(title="Vérifiée il y a un an jour pour jour", updated_on=dt.date(2024, 3, 10))
    FicheFactory(title="Vérifiée il y a un an moins un jour", updated_on=dt.date(2024, 3, 11))
    assert titles(stale_fiches(today=TODAY)) == ["Vérifiée il y a un an jour pour jour"]


def test_a_fiche_checked_on_29_february_is_due_on_1_march(fiche_index):
    FicheFactory(title="Bissextile", updated_on=dt.date(2024, 2, 29))
    assert titles(stale_fiches(today=dt.date(2025, 2, 28))) == []
    assert titles(stale_fiches(today=dt.date(2025, 3, 1))) == ["Bissextile"]


def test_on_29_february_the_limit_is_28_february(fiche_index):
    FicheFactory(title="Du 28 février", updated_on=dt.date(2023, 2, 28))
    FicheFactory(title="Du 1er mars", updated_on=dt.date(2023, 3, 1))
    assert titles(stale_fiches(today=dt.date(2024, 2, 29))) == ["Du 28 février"]


def test_unpublished_fiches_are_left_out(fiche_index):
    FicheFactory(title="Brouillon ancien", updated_on=dt.date(2020, 1, 1), live=False)
    FicheFactory(title="Publiée ancienne", updated_on=dt.date(2020, 1, 1))
    assert titles(stale_fiches(today=TODAY)) == ["Publiée ancienne"]


def test_without_updated_on_the_first_publication_counts_in_local_time(fiche_index):
    # 10 March 2024 at 23:30 in La Réunion is still the 10th there (19:30 UTC).
    FicheFactory(title="Publiée le 10 au soir", updated_on=None, published_at=reunion(2024, 3, 10, 23, 30))
    # 11 March at 00:30 in La Réunion, though still 10 March in UTC.
    FicheFactory(
        title="Publiée le 11 à minuit et demi", updated_on=None, published_at=reunion(2024, 3, 11, 0, 30)
    )
    stale = list(stale_fiches(today=TODAY))
    assert titles(stale) == ["Publiée le 10 au soir"]
    assert stale[0].checked_on == dt.date(2024, 3, 10)


def test_updated_on_takes_precedence_over_the_first_publication(fiche_index):
    FicheFactory(title="Revue récemment", updated_on=dt.date(2025, 1, 1), published_at=reunion(2019, 5, 1))
    assert titles(stale_fiches(today=TODAY)) == []


def test_oldest_first_and_limited_to_structures(fiche_index):
    udaf = structure("udaf-reunion")
    FicheFactory(title="CRAJEP 2023", updated_on=dt.date(2023, 6, 1))
    FicheFactory(title="UDAF 2022", updated_on=dt.date(2022, 6, 1), structure=udaf)
    FicheFactory(title="CRAJEP 2021", updated_on=dt.date(2021, 6, 1))
    assert titles(stale_fiches(today=TODAY)) == ["CRAJEP 2021", "UDAF 2022", "CRAJEP 2023"]
    assert titles(stale_fiches([udaf], today=TODAY)) == ["UDAF 2022"]
    assert titles(stale_fiches(Structure.objects.filter(slug="crajep-reunion"), today=TODAY)) == [
        "CRAJEP 2021",
        "CRAJEP 2023",
    ]
    assert titles(stale_fiches([], today=TODAY)) == []


# The admin report


@pytest.fixture
def report_fiches(fiche_index):
    """Stale and fresh fiches relative to the real today, which the report uses."""
    today = timezone.localdate()
    two_years_ago = months_before(today, 24)
    recent = today - dt.timedelta(days=30)
    return {
        "crajep_stale": FicheFactory(title="Subventions FDVA", updated_on=two_years_ago),
        "crajep_fresh": FicheFactory(title="Assemblée générale", updated_on=recent),
        "udaf_stale": FicheFactory(
            title="Bénévolat et famille", updated_on=two_years_ago, structure=structure("udaf-reunion")
        ),
        "cros_stale": FicheFactory(
            title="Licences sportives", updated_on=two_years_ago, structure=structure("cros-reunion")
        ),
        "draft": FicheFactory(title="Brouillon oublié", updated_on=two_years_ago, live=False),
    }


def listed(client, url: str = REPORT_URL, **params: str) -> list[str]:
    response = client.get(url, params)
    assert response.status_code == 200
    return titles(response.context["object_list"])


def test_editor_sees_only_their_structures_stale_fiches(client, report_fiches):
    client.force_login(editor_of("crajep-reunion"))
    assert listed(client) == ["Subventions FDVA"]
    # A structure filter in the URL cannot widen what they see.
    assert listed(client, structure=str(structure("udaf-reunion").pk)) == ["Subventions FDVA"]


def test_editor_of_two_structures_sees_both_and_can_filter(client, report_fiches):
    client.force_login(editor_of("crajep-reunion", "udaf-reunion"))
    assert set(listed(client)) == {"Subventions FDVA", "Bénévolat et famille"}
    assert listed(client, structure=str(structure("udaf-reunion").pk)) == ["Bénévolat et famille"]


def test_coordinator_sees_all_and_filters_by_structure(client, report_fiches):
    client.force_login(coordinator())
    assert set(listed(client)) == {"Subventions FDVA", "Bénévolat et famille", "Licences sportives"}
    assert listed(client, structure=str(structure("cros-reunion").pk)) == ["Licences sportives"]
    url = reverse("editorial_stale_fiches_results")
    assert listed(client, url, structure=str(structure("udaf-reunion").pk)) == ["Bénévolat et famille"]


def test_superuser_sees_all(client, report_fiches, admin_user):
    client.force_login(admin_user)
    assert len(listed(client)) == 3


def test_report_shows_the_columns_in_french(client, report_fiches):
    client.force_login(editor_of("crajep-reunion"))
    response = client.get(REPORT_URL)
    html = response.content.decode()
    fiche = report_fiches["crajep_stale"]
    assert "Fiches à revoir" in html
    assert reverse("wagtailadmin_pages:edit", args=[fiche.pk]) in html
    assert fiche.updated_on.strftime("%d/%m/%Y") in html
    assert timezone.localdate(fiche.first_published_at).strftime("%d/%m/%Y") in html
    assert "il y a 24 mois" in html
    assert "Assemblée générale" not in html


def test_user_without_structure_is_refused(client, report_fiches):
    user = User.objects.create_user("lambda", "l@exemple.re", "motdepasse-solide")
    user.groups.add(with_admin_access(Group.objects.create(name="Sans structure")))
    client.force_login(user)
    # Wagtail turns PermissionDenied into a 403 for background requests...
    response = client.get(REPORT_URL, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 403
    response = client.get(
        reverse("editorial_stale_fiches_results"), headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 403
    # ...and into a redirect to the dashboard, with its "permission" message, for a page.
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert "Subventions FDVA" not in response.content.decode()


def test_anonymous_is_sent_to_login(client, report_fiches):
    response = client.get(REPORT_URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def menu_item_shown(user: User) -> bool:
    request = RequestFactory().get("/admin/")
    request.user = user
    items = [fn() for fn in hooks.get_hooks("register_reports_menu_item")]
    (item,) = [item for item in items if item.name == "stale-fiches"]
    assert item.url == REPORT_URL
    return item.is_shown(request)


def test_menu_item_shown_to_structure_members_and_coordination(admin_user):
    assert menu_item_shown(editor_of("crajep-reunion"))
    assert menu_item_shown(coordinator())
    assert menu_item_shown(admin_user)
    assert not menu_item_shown(User.objects.create_user("lambda", "l@exemple.re", "motdepasse-solide"))


def test_csv_export(client, report_fiches):
    client.force_login(coordinator())
    response = client.get(REPORT_URL, {"export": "csv", "structure": str(structure("crajep-reunion").pk)})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "fiches-a-revoir-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    fiche = report_fiches["crajep_stale"]
    assert rows == [
        ["Titre", "Structure", "À jour au", "Publiée le", "Ancienneté (mois)", "Adresse"],
        [
            "Subventions FDVA",
            "CRAJEP",
            fiche.updated_on.isoformat(),
            timezone.localdate(fiche.first_published_at).isoformat(),
            "24",
            f"http://localhost/ressources/{fiche.slug}/",
        ],
    ]


def test_csv_export_neutralises_formulas_in_titles(client, report_fiches):
    fiche = report_fiches["crajep_stale"]
    FichePage.objects.filter(pk=fiche.pk).update(title='=HYPERLINK("http://x","y")')
    client.force_login(coordinator())
    response = client.get(REPORT_URL, {"export": "csv", "structure": str(structure("crajep-reunion").pk)})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][0] == '\'=HYPERLINK("http://x","y")'


def test_xlsx_export(client, report_fiches):
    client.force_login(editor_of("crajep-reunion"))
    response = client.get(REPORT_URL, {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# The digest


@pytest.fixture
def digest_fiches(fiche_index):
    crajep, udaf = structure("crajep-reunion"), structure("udaf-reunion")
    crajep.email = "contact@crajep.re"
    crajep.save()
    editor_of("crajep-reunion", username="active", email="redaction@crajep.re")
    editor_of("crajep-reunion", username="same", email="CONTACT@crajep.re")
    editor_of("crajep-reunion", username="noemail", email="")
    editor_of("crajep-reunion", username="gone", email="parti@crajep.re", is_active=False)
    editor_of("udaf-reunion", username="udaf", email="fiches@udaf.re")
    editor_of("cros-reunion", username="cros", email="web@cros.re")
    fiches = {
        "crajep_old": FicheFactory(title="Subventions FDVA", updated_on=dt.date(2023, 1, 15)),
        "crajep_due": FicheFactory(
            title="Compte de résultat", updated_on=None, published_at=reunion(2024, 2, 1)
        ),
        "crajep_fresh": FicheFactory(title="Assemblée générale", updated_on=dt.date(2025, 1, 5)),
        "udaf_old": FicheFactory(
            title="Bénévolat et famille", updated_on=dt.date(2022, 9, 1), structure=udaf
        ),
        "cros_fresh": FicheFactory(
            title="Licences sportives", updated_on=dt.date(2024, 12, 1), structure=structure("cros-reunion")
        ),
        # Stale, but the MDA has neither members nor contact email: nobody to tell.
        "mda_old": FicheFactory(
            title="Domiciliation", updated_on=dt.date(2022, 1, 1), structure=structure("mda-saint-benoit")
        ),
        "draft": FicheFactory(title="Brouillon oublié", updated_on=dt.date(2020, 1, 1), live=False),
    }
    mail.outbox.clear()  # in case publishing notified anyone
    return fiches


def run_digest(*args: str) -> str:
    out = io.StringIO()
    call_command("send_freshness_digest", "--today=2025-03-10", *args, stdout=out)
    return out.getvalue()


def test_digest_sends_one_email_per_structure_to_its_people(digest_fiches):
    output = run_digest()
    assert "2 courriels envoyés, 3 fiches concernées." in output
    by_subject = {message.subject: message for message in mail.outbox}
    assert set(by_subject) == {
        "Kaz Asso Ressources – 2 fiches à revoir (CRAJEP)",
        "Kaz Asso Ressources – 1 fiche à revoir (UDAF)",
    }

    crajep = by_subject["Kaz Asso Ressources – 2 fiches à revoir (CRAJEP)"]
    assert crajep.to == ["CONTACT@crajep.re", "redaction@crajep.re"]
    body = crajep.body
    assert body.index("Subventions FDVA") < body.index("Compte de résultat")  # oldest first
    assert "Assemblée générale" not in body and "Bénévolat" not in body and "Brouillon" not in body
    assert "À jour au : 15 janvier 2023" in body
    assert "date non renseignée (publiée le 1er février 2024)" in body
    old = digest_fiches["crajep_old"]
    assert f"http://localhost/ressources/{old.slug}/" in body
    assert f"http://testserver/admin/pages/{old.pk}/edit/" in body
    assert "http://testserver/admin/reports/fiches-a-revoir/" in body
    assert "&#x27;" not in body and "&amp;" not in body  # plain text, not HTML-escaped

    udaf = by_subject["Kaz Asso Ressources – 1 fiche à revoir (UDAF)"]
    assert udaf.to == ["fiches@udaf.re"]
    assert "Bénévolat et famille" in udaf.body


def test_digest_skips_structures_without_stale_fiche_or_recipient(digest_fiches):
    output = run_digest("--verbosity=2")
    recipients = {address for message in mail.outbox for address in message.to}
    assert "web@cros.re" not in recipients
    assert "CROS : aucune fiche à revoir, pas de courriel." in output
    assert "MDA Saint-Benoît : 1 fiche à revoir mais aucun destinataire" in output
    assert "CRAJEP : 2 fiches, courriel envoyé à CONTACT@crajep.re, redaction@crajep.re." in output


def test_digest_dry_run_sends_nothing(digest_fiches):
    output = run_digest("--dry-run")
    assert mail.outbox == []
    assert "Objet : Kaz Asso Ressources – 2 fiches à revoir (CRAJEP)" in output
    assert "À : CONTACT@crajep.re, redaction@crajep.re" in output
    assert "Simulation : 2 courriels à envoyer, 3 fiches concernées." in output


def test_digest_with_nothing_to_review(fiche_index):
    FicheFactory(title="Toute fraîche", updated_on=dt.date(2025, 3, 1))
    assert "0 courriel envoyé, 0 fiche concernée." in run_digest()
    assert mail.outbox == []


def test_digest_today_is_the_reference_date(digest_fiches):
    # On 1 January 2024 only the UDAF and MDA fiches were a year old.
    out = io.StringIO()
    call_command("send_freshness_digest", today="2024-01-01", stdout=out)
    assert [message.subject for message in mail.outbox] == ["Kaz Asso Ressources – 1 fiche à revoir (UDAF)"]


def test_digest_rejects_a_malformed_date(db):
    with pytest.raises(CommandError, match="AAAA-MM-JJ"):
        call_command("send_freshness_digest", "--today=10/03/2025")
