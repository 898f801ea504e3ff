"""The word-level search index on PostgreSQL (search/migrations/0003, search/postings.py).

It is derived from Wagtail's index by a trigger: these tests check that it follows every
change Wagtail makes, and that the ranking keeps Wagtail's for one word.
"""

from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import QueryDict

from fiches.models import FichePage
from search.engine import EVENT, FICHE, SiteSearch
from tests.factories import EventFactory, FicheFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the word-level index is PostgreSQL's"),
]


def words_of(page) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT lexeme FROM search_posting WHERE object_id = %s", [page.pk])
        return {row[0] for row in cursor.fetchall()}


def found(text: str) -> dict[str, list[int]]:
    """{kind: [pk, …] best first} as the search page ranks them."""
    engine = SiteSearch(QueryDict(mutable=True, query_string=f"q={quote(text)}"))
    ranked = list(engine.ranked())
    return {
        "FichePage": [pk for kind, pk in ranked if kind == FICHE],
        "EventPage": [pk for kind, pk in ranked if kind == EVENT],
    }


def test_weights_are_wagtails():
    """The scores baked into the table use the weights Wagtail's backend ranks with."""
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    with connection.cursor() as cursor:
        cursor.execute("SELECT search_posting_weights()::float8[]")
        baked = cursor.fetchone()[0]
    expected = [float(w) for w in get_sql_weights().strip("{}").split(",")]
    assert baked == pytest.approx(expected, rel=1e-6)


def lexemes(text: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(to_tsvector('french_unaccent', %s))", [text])
        return set(cursor.fetchone()[0])


def test_published_pages_get_their_words_and_edits_replace_them(fiche_index):
    fiche = FicheFactory(title="Trésorerie des petites associations", chapo="Le budget prévisionnel.")
    old = lexemes("Trésorerie budget prévisionnel")
    assert old <= words_of(fiche)
    fiche.title = "Subventions publiques"
    fiche.chapo = "Le dossier de demande."
    fiche.save_revision().publish()
    words = words_of(fiche)
    assert lexemes("Subventions publiques dossier demande") <= words
    assert not old & words


def test_deleting_a_page_removes_its_words(fiche_index):
    fiche = FicheFactory(title="Mécénat de compétences")
    assert words_of(fiche)
    fiche.delete()
    assert words_of(fiche) == set()


EXPECTED = """
SELECT words.lexeme, e.content_type_id, e.object_id::integer,
       ts_rank(search_posting_weights(), e.title, search_posting_word(words.lexeme)) * e.title_norm
       + ts_rank(search_posting_weights(), e.body, search_posting_word(words.lexeme))
FROM wagtailsearch_indexentry e,
     LATERAL (SELECT lexeme FROM unnest(e.title) UNION SELECT lexeme FROM unnest(e.body)) AS words
WHERE e.object_id IN (%s, %s) ORDER BY 1, 2, 3
"""
ACTUAL = (
    "SELECT lexeme, content_type_id, object_id, score FROM search_posting"
    " WHERE object_id IN (%s, %s) ORDER BY 1, 2, 3"
)


def test_rows_follow_the_index_through_a_rebuild(fiche_index):
    """update_index empties the index, refills it and recomputes every title norm: the rows follow."""
    fiche = FicheFactory(title="Mécénat de compétences", chapo="Un salarié mis à disposition.")
    event = EventFactory(title="Webinaire mécénat", chapo="Une heure pour comprendre.")
    ids = [str(fiche.pk), str(event.pk)]
    with connection.cursor() as cursor:
        for step in ("published", "rebuilt"):
            if step == "rebuilt":
                call_command("update_index", verbosity=0)
            cursor.execute(EXPECTED, ids)
            expected = cursor.fetchall()
            cursor.execute(ACTUAL, [int(pk) for pk in ids])
            actual = cursor.fetchall()
            assert len(expected) > 10, step
            assert [row[:3] for row in actual] == [row[:3] for row in expected], step
            assert [row[3] for row in actual] == pytest.approx([row[3] for row in expected], rel=1e-5), step


def test_one_word_keeps_wagtails_order(fiche_index):
    pages = [
        FicheFactory(title="Le bénévolat", chapo="Recruter des bénévoles."),
        FicheFactory(title="Accueil", chapo="Le bénévolat au quotidien, le bénévolat en équipe, bénévolat."),
        FicheFactory(title="Gouvernance", chapo="Un mot sur le bénévolat."),
        FicheFactory(title="Bénévolat et bénévoles : le guide du bénévolat", chapo="Tout."),
    ]
    wagtail = [
        page.pk
        for page in FichePage.objects.search("bénévolat", order_by_relevance=True)
        if page.pk in {p.pk for p in pages}
    ]
    assert found("bénévolat")["FichePage"] == wagtail


def test_all_words_are_required_then_any(fiche_index):
    both = FicheFactory(title="Assurance des bénévoles")
    one = FicheFactory(title="Assurance du local")
    assert found("assurance bénévoles")["FichePage"] == [both.pk]
    fallback = found("assurance piscine")["FichePage"]  # no page has both: any of the words
    assert set(fallback) == {both.pk, one.pk}


def test_words_may_sit_in_the_title_and_in_the_body(fiche_index):
    split = FicheFactory(title="Le rescrit fiscal", chapo="Une démarche pour les dons des particuliers.")
    assert found("rescrit particuliers")["FichePage"] == [split.pk]


def test_a_rare_word_weighs_more_than_a_common_one(fiche_index):
    for i in range(6):
        FicheFactory(title=f"Association {i}", chapo="Une association parmi d'autres.")
    common = FicheFactory(title="Association, association", chapo="Association sportive, association.")
    rare = FicheFactory(title="Sportive", chapo="Une association sportive, sportive, sportive.")
    assert found("association sportive")["FichePage"] == [rare.pk, common.pk]


def test_titles_outrank_bodies(fiche_index):
    body = FicheFactory(title="Guide", chapo="Comment organiser une kermesse.")
    title = FicheFactory(title="Organiser une kermesse", chapo="Le guide.")
    assert found("kermesse")["FichePage"] == [title.pk, body.pk]


@pytest.mark.parametrize("text", ["le la du", "zzzzqqq", "le zzzzqqq"])
def test_nothing_to_find(fiche_index, text):
    FicheFactory(title="Le la du")
    assert found(text) == {"FichePage": [], "EventPage": []}


def test_every_match_counts_not_only_the_best(client, fiche_index):
    """The result count and the facets cover all matches: no ranked LIMIT on PostgreSQL."""
    from search import engine

    limit = engine.MAX_MATCHES
    engine.MAX_MATCHES = 2
    try:
        for i in range(4):
            FicheFactory(title=f"Trésorerie {i}")
        response = client.get("/recherche/", {"q": "trésorerie"})
    finally:
        engine.MAX_MATCHES = limit
    assert response.context["result_count"] == 4


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flushing_the_index_empties_the_word_table(fiche_index):
    """A test database flush truncates Wagtail's index: the word table follows (no foreign key)."""
    FicheFactory(title="Mécénat de compétences")
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE wagtailsearch_indexentry")
        cursor.execute("SELECT count(*) FROM search_posting")
        assert cursor.fetchone()[0] == 0
