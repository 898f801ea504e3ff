"""The editor's admin (issue 17): start from the dashboard, follow « Mes pages », take the next
workflow step from the visible button, read what each transition did."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils.translation import gettext, ngettext, override
from wagtail.models import Page

from editorial.my_pages import CHANGES, DRAFT, IN_REVIEW, PUBLISHED, SCHEDULED, TO_REFRESH, my_pages
from fiches.models import FichePage
from members.models import Structure
from taxonomy.tag_strings import string_from_tags, tags_from_string
from tests.editorial.helpers import create_fiche, edit, submit, workflow_action
from tests.factories import FicheFactory

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def new_fiche(client, user, title: str, slug: str) -> FichePage:
    from taxonomy.models import Theme

    client.force_login(user)
    create_fiche(client, title=title, slug=slug, themes=[Theme.objects.get(slug="financement").pk])
    return Page.objects.get(slug=slug).specific


# 1. Starting from the dashboard


def test_dashboard_offers_new_fiche_and_event_under_their_index(client, people, fiche_index, event_index):
    client.force_login(people.editor)
    links = {
        a.get_text(strip=True): a["href"]
        for a in soup_of(client.get("/admin/")).select(".kazasso-new-pages a")
    }
    assert links == {
        "Nouvelle fiche": reverse("wagtailadmin_pages:add", args=["fiches", "fichepage", fiche_index.pk]),
        "Nouvel événement": reverse("wagtailadmin_pages:add", args=["events", "eventpage", event_index.pk]),
    }


def test_someone_writing_for_two_structures_gets_one_button_per_structure(client, people, fiche_index):
    mda = Structure.objects.get(slug="mda-saint-benoit")
    people.editor.groups.add(mda.editor_group)
    client.force_login(people.editor)
    links = {
        a.get_text(strip=True): a["href"]
        for a in soup_of(client.get("/admin/")).select(".kazasso-new-pages a")
    }
    add_url = reverse("wagtailadmin_pages:add", args=["fiches", "fichepage", fiche_index.pk])
    crajep = Structure.objects.get(slug="crajep-reunion")
    assert links["Nouvelle fiche (CRAJEP)"] == f"{add_url}?structure={crajep.pk}"
    assert links["Nouvelle fiche (MDA Saint-Benoît)"] == f"{add_url}?structure={mda.pk}"
    assert "Nouvelle fiche" not in links


def test_the_new_page_starts_with_the_editors_structure(client, people, fiche_index):
    crajep = Structure.objects.get(slug="crajep-reunion")
    mda = Structure.objects.get(slug="mda-saint-benoit")
    add_url = reverse("wagtailadmin_pages:add", args=["fiches", "fichepage", fiche_index.pk])
    client.force_login(people.editor)
    form = client.get(add_url).context["form"]
    assert form["structure"].value() == crajep.pk

    people.editor.groups.add(mda.editor_group)  # now writes for two: the button names one
    assert client.get(f"{add_url}?structure={mda.pk}").context["form"]["structure"].value() == mda.pk
    ligue = Structure.objects.get(slug="ligue-enseignement-reunion")
    assert client.get(f"{add_url}?structure={ligue.pk}").context["form"]["structure"].value() in (None, "")


# 2. « Mes pages »


@pytest.fixture
def pages_in_every_state(client, people, fiche_index):
    """CRAJEP pages: a draft, one in review, one sent back, one scheduled, one published and stale."""
    draft = new_fiche(client, people.editor, "Brouillon du CRAJEP", "brouillon-crajep")
    review = new_fiche(client, people.editor, "En relecture du CRAJEP", "relecture-crajep")
    submit(client, review)
    sent_back = new_fiche(client, people.editor, "Renvoyée au CRAJEP", "renvoyee-crajep")
    submit(client, sent_back)
    client.force_login(people.reviewer)
    workflow_action(client, sent_back, "reject", comment="Ajoutez le modèle de convocation.")
    scheduled = new_fiche(client, people.editor, "Programmée du CRAJEP", "programmee-crajep")
    client.force_login(people.editor)
    submit(client, scheduled, go_live_at="2031-05-04 09:00")
    client.force_login(people.reviewer)
    workflow_action(client, scheduled, "approve")
    client.force_login(people.coordinator)
    workflow_action(client, scheduled, "approve")
    stale = FicheFactory(title="Ancienne fiche du CRAJEP", updated_on=dt.date(2020, 1, 1))
    FicheFactory(
        title="Fiche de la Ligue", structure=Structure.objects.get(slug="ligue-enseignement-reunion")
    )
    client.logout()
    return {"draft": draft, "review": review, "sent_back": sent_back, "scheduled": scheduled, "stale": stale}


def test_my_pages_sorts_the_structures_pages_by_state(client, people, pages_in_every_state):
    rows = my_pages(people.colleague)  # same structure as the author: the structure's pages
    titles = {state: [row.page.title for row in found] for state, found in rows.items()}
    assert titles[DRAFT] == ["Brouillon du CRAJEP"]
    assert titles[IN_REVIEW] == ["En relecture du CRAJEP"]
    assert titles[CHANGES] == ["Renvoyée au CRAJEP"]
    assert titles[SCHEDULED] == ["Programmée du CRAJEP"]
    assert titles[PUBLISHED] == ["Ancienne fiche du CRAJEP"]
    assert titles[TO_REFRESH] == ["Ancienne fiche du CRAJEP"]
    (review,) = rows[IN_REVIEW]
    assert (review.step, review.holder) == ("Relecture par un pair", "Relecture")
    (sent_back,) = rows[CHANGES]
    assert sent_back.comment == "Ajoutez le modèle de convocation."
    assert sent_back.commented_by == "Damien"
    assert my_pages(people.other_editor)[PUBLISHED][0].page.title == "Fiche de la Ligue"
    assert all(not found for found in my_pages(people.coordinator).values())  # no structure of their own


def test_the_dashboard_panel_and_the_listing_filter_show_them(client, people, pages_in_every_state):
    client.force_login(people.editor)
    panel = soup_of(client.get("/admin/")).select_one("#my-pages-section")
    text = " ".join(panel.get_text(" ", strip=True).split())
    assert "Modifications demandées (1)" in text
    assert "Ajoutez le modèle de convocation." in text
    assert "Étape : Relecture par un pair — en attente de : Relecture" in text
    assert "Fiche de la Ligue" not in text

    listing = soup_of(client.get(reverse("editorial_my_pages"), {"etat": "programmees"}))
    assert listing.select_one("h1").get_text(strip=True) == "Mes pages"
    assert [a.get_text(strip=True) for a in listing.select("td.title a")] == ["Programmée du CRAJEP"]
    assert "4 mai 2031" in listing.get_text()
    everything = soup_of(client.get(reverse("editorial_my_pages")))
    assert len(everything.select("td.title a")) == 5  # each page once
    assert client.get(reverse("editorial_my_pages"), {"etat": "inconnu"}).status_code == 404

    client.force_login(people.reviewer)  # Ligue: their decision awaits on the CRAJEP page in review
    awaiting = soup_of(client.get(reverse("editorial_my_pages"), {"etat": "a-relire"}))
    assert [a.get_text(strip=True) for a in awaiting.select("td.title a")] == ["En relecture du CRAJEP"]
    assert "À votre décision — étape : Relecture par un pair" in " ".join(awaiting.get_text(" ").split())


# 3. The next workflow step is the visible button, and each transition says what it did


def primary_action(client, user, page) -> str:
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return response.context["action_menu"].default_item.name


def test_the_visible_button_is_the_next_step_of_whoever_may_take_it(client, people, fiche_index):
    fiche = new_fiche(client, people.editor, "Fiche à faire avancer", "fiche-a-faire-avancer")
    assert primary_action(client, people.editor, fiche) == "action-submit"
    submit(client, fiche)
    assert primary_action(client, people.reviewer, fiche) == "approve"
    assert primary_action(client, people.editor, fiche) != "approve"  # nothing to approve for the author
    client.force_login(people.reviewer)
    workflow_action(client, fiche, "approve")
    assert primary_action(client, people.coordinator, fiche) == "approve"


def test_each_transition_says_what_happened_and_what_comes_next(client, people, fiche_index):
    fiche = new_fiche(client, people.editor, "Fiche racontée", "fiche-racontee")
    response = submit(client, fiche)
    said = messages_of(client.get(response["Location"]))
    assert said == [
        "« Fiche racontée » est soumise à la relecture. Prochaine étape : relecture par un pair. Vous "
        "recevrez un courriel quand elle sera approuvée ou si des modifications sont demandées."
    ]

    client.force_login(people.reviewer)
    response = edit(client, fiche, "action-workflow-action", **{"workflow-action-name": "approve"})
    said = messages_of(client.get(response["Location"]))
    assert said == [
        "Vous avez approuvé « Fiche racontée ». Prochaine étape : validation par la coordination."
    ]

    client.force_login(people.coordinator)
    response = edit(
        client,
        fiche,
        "action-workflow-action",
        **{
            "workflow-action-name": "reject",
            "workflow-action-extra-data": '{"comment": "Précisez la date."}',
        },
    )
    said = messages_of(client.get(response["Location"]))
    assert said == [
        "Vous avez demandé des modifications sur « Fiche racontée ». Sa structure en est prévenue par "
        "courriel ; la page reviendra en relecture quand elle la soumettra de nouveau."
    ]


def test_a_decision_from_the_dashboard_asks_for_confirmation_then_says_what_it_did(
    client, people, fiche_index
):
    fiche = new_fiche(client, people.editor, "Fiche du tableau de bord", "fiche-tableau-de-bord")
    submit(client, fiche)
    client.force_login(people.reviewer)
    dashboard = soup_of(client.get("/admin/"))
    approve = dashboard.find("button", string=re.compile(r"^\s*Approuver\s*$"))
    assert approve is not None and approve.has_attr("data-launch-modal")  # a confirmation, not a POST

    response = workflow_action(client, fiche, "approve", comment="")
    assert response.status_code == 302
    after = client.get(response["Location"])
    assert messages_of(after) == [
        "Vous avez approuvé « Fiche du tableau de bord ». Prochaine étape : validation par la coordination."
    ]
    client.force_login(people.other_editor)  # the same address, someone who did not decide: nothing
    assert messages_of(client.get(response["Location"])) == []

    client.force_login(people.coordinator)
    response = workflow_action(client, fiche, "approve", comment="Parfait.")
    assert messages_of(client.get(response["Location"])) == [
        "Vous avez approuvé « Fiche du tableau de bord » : elle est publiée sur le site."
    ]
    assert FichePage.objects.get(pk=fiche.pk).live


def test_the_approval_confirmation_names_what_comes_next(people, fiche_index):
    from editorial.models import CoordinationApprovalTask, PeerReviewTask

    peer = PeerReviewTask.objects.get().get_form_for_action("approve")()
    final = CoordinationApprovalTask.objects.get().get_form_for_action("approve")()
    assert "transmettez la page à la coordination" in str(peer["comment"].help_text)
    assert "vous publiez la page" in str(final["comment"].help_text)
    assert not peer.fields["comment"].required


# 6. Tags as chips, and corrected wording


def test_multi_word_tags_show_without_quotes_and_are_read_back_whole(client, people, fiche_index):
    fiche = FicheFactory(title="Fiche étiquetée", tags=["Loto quine", "AG"])
    client.force_login(people.editor)
    form = soup_of(client.get(reverse("wagtailadmin_pages:edit", args=[fiche.pk])))
    assert form.select_one("#id_tags")["value"] == "AG, Loto quine"

    fiche = new_fiche(client, people.editor, "Fiche au loto", "fiche-au-loto")
    edit(client, fiche, tags="Loto quine")
    edit(client, fiche, tags='"Vote électronique",Loto quine')  # as the chips field posts them
    revision = Page.objects.get(pk=fiche.pk).specific.get_latest_revision_as_object()
    assert sorted(tag.name for tag in revision.tags.all()) == ["Loto quine", "Vote électronique"]


def test_tag_strings_split_on_commas_only():
    class Named:
        def __init__(self, name: str) -> None:
            self.name = name

    assert tags_from_string("Loto quine") == ["Loto quine"]
    assert tags_from_string('"Loto quine", AG,, ') == ["AG", "Loto quine"]
    assert tags_from_string('"Prêt, don", AG') == ["AG", "Prêt, don"]
    assert (
        string_from_tags([Named("Loto quine"), Named("AG"), Named("Prêt, don")])
        == 'AG, Loto quine, "Prêt, don"'
    )
    assert tags_from_string(string_from_tags([Named("Prêt, don"), Named("Loto quine")])) == [
        "Loto quine",
        "Prêt, don",
    ]


def test_wagtails_wording_is_corrected(client, people, fiche_index):
    with override("fr"):
        assert gettext("Add %(label)s") % {"label": "fiche liée"} == "Ajouter : fiche liée"
        assert gettext("Current page status:") == "État actuel de la page :"
        created = '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>'
        plural = '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>'
        assert "créées dans %(site_name)s" in ngettext(created, plural, 5)
        assert "un(e)" not in gettext("Add %(object)s")
    client.force_login(people.editor)
    page = client.get(reverse("wagtailadmin_pages:add", args=["fiches", "fichepage", fiche_index.pk]))
    html = page.content.decode()
    assert "Ajouter : fiche liée" in html and "un(e)" not in html
    assert "entourés par des" not in html  # Wagtail's help text about quoting multi-word tags


# 7. Readable registration columns


def test_the_registrations_list_keeps_words_whole(client, admin_user):
    client.force_login(admin_user)
    html = client.get("/admin/events/registration/").content.decode()
    assert "editorial/admin.css" in html
    css = Path(__file__).resolve().parents[2].joinpath("editorial/static/editorial/admin.css").read_text()
    rule = re.search(r"\.modeladmin \.listing td\.title,[^{]*\{([^}]*)\}", css)
    assert rule and "word-break: normal" in rule.group(1) and "overflow-wrap: normal" in rule.group(1)
    assert re.search(r"td\.field-status[^{]*\{[^}]*white-space: nowrap", css)
