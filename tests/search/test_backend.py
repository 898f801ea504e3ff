"""The project's PostgreSQL search backend (search/backend.py) held to Wagtail's own.

Whatever the query, it finds the pages the stock PostgresSearchBackend finds, and a one-word
query keeps its order; its word-level index follows every change Wagtail makes to its index.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from modelsearch.backends.database.postgres import weights
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.index import insert_or_update_object
from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend

from fiches.models import FichePage
from tests.factories import EventFactory, FicheFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the project's backend is PostgreSQL's"),
]


def stock():
    return PostgresSearchBackend(dict(settings.WAGTAILSEARCH_BACKENDS["default"]))


def ids(backend, query: str, operator: str = "and") -> list[int]:
    return [page.pk for page in backend.search(query, Page.objects.live().public(), operator=operator)]


@pytest.fixture
def corpus(fiche_index, event_index):
    private = FicheFactory(title="Assurance des bénévoles, section privée")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    return {
        "pages": [
            FicheFactory(title="Le bénévolat", chapo="Recruter des bénévoles."),
            FicheFactory(title="Accueil", chapo="Le bénévolat au quotidien, en équipe : bénévolat."),
            FicheFactory(title="Bénévolat et bénévoles : le guide du bénévolat", chapo="Tout."),
            FicheFactory(title="Assurance des bénévoles", chapo="Responsabilité civile."),
            FicheFactory(title="Assurance du local", chapo="Multirisque."),
            FicheFactory(title="Guide", chapo="Comment organiser une kermesse."),
            FicheFactory(title="Organiser une kermesse", chapo="Le guide."),
            FicheFactory(title="La fiscalité des associations", chapo="Le rescrit fiscal."),
            EventFactory(title="Webinaire : la fiscalité", chapo="Une heure pour les bénévoles."),
        ],
        "draft": FicheFactory(title="Bénévolat : brouillon", chapo="Assurance, kermesse.", live=False),
        "private": private,
    }


@pytest.mark.parametrize(
    ("query", "operator", "found"),
    [
        ("bénévolat", "and", 3),  # one word, in titles and bodies
        ("kermesse", "and", 2),  # in a title, in a body
        ("FISCALITE", "and", 2),  # accents and case
        ("associations", "and", 1),  # stemming (every structure's name holds it too)
        ("assurance bénévoles", "and", 1),  # every word
        ("assurance bénévoles", "or", 5),  # any word
        ("assurance piscine", "and", 0),  # no page has both
        ("assurance piscine", "or", 2),
        ("le la du", "and", 0),  # stop words only
        ("le bénévolat", "and", 3),  # a stop word among words
        ("zzzzqqq", "or", 0),
    ],
)
def test_finds_what_wagtails_backend_finds(corpus, query, operator, found):
    ours, theirs = ids(get_search_backend(), query, operator), ids(stock(), query, operator)
    assert len(ours) >= found if found else ours == []
    assert set(ours) == set(theirs)
    assert corpus["draft"].pk not in ours and corpus["private"].pk not in ours
    if len(query.split()) == 1:
        assert ours == theirs  # one word: Wagtail's order too


def test_a_rare_word_weighs_more_than_a_common_one(fiche_index):
    for i in range(6):
        FicheFactory(title=f"Association {i}", chapo="Une association parmi d'autres.")
    common = FicheFactory(title="Association, association", chapo="Association sportive, association.")
    rare = FicheFactory(title="Sportive", chapo="Une association sportive, sportive, sportive.")
    assert [p.pk for p in FichePage.objects.live().search("association sportive")] == [rare.pk, common.pk]


def test_edits_replace_the_words_and_deletion_removes_them(fiche_index):
    fiche = FicheFactory(title="Trésorerie des petites associations", chapo="Le budget prévisionnel.")
    fiche.title, fiche.chapo = "Subventions publiques", "Le dossier de demande."
    fiche.save_revision().publish()
    assert ids(get_search_backend(), "subvention") == [fiche.pk]
    assert ids(get_search_backend(), "trésorerie") == []
    fiche.delete()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_posting WHERE object_id = %s", [fiche.pk])
        assert cursor.fetchone()[0] == 0


def test_a_rebuild_keeps_wagtails_order(corpus):
    """update_index recomputes every title norm, and with them every score."""
    call_command("update_index", verbosity=0)
    assert ids(get_search_backend(), "bénévolat") == ids(stock(), "bénévolat")
    get_search_backend().reset_indexes()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_posting")
        assert cursor.fetchone()[0] == 0


def test_weights_come_from_the_search_fields_at_run_time(fiche_index, monkeypatch):
    """Boosts changed: the next indexing scores with them, without a migration."""
    in_body = FicheFactory(title="Guide", chapo="Kermesse, kermesse : organiser une kermesse.")
    in_title = FicheFactory(title="Kermesse", chapo="Le guide.")
    assert ids(get_search_backend(), "kermesse") == [in_title.pk, in_body.pk]
    # The title's label (A) now weighs almost nothing beside the body's (D): the body wins.
    monkeypatch.setattr(weights, "WEIGHTS_VALUES", [1.0, 1.0, 1.0, 0.001])
    for page in (in_body, in_title):
        insert_or_update_object(page)
    assert ids(get_search_backend(), "kermesse") == ids(stock(), "kermesse") == [in_body.pk, in_title.pk]
