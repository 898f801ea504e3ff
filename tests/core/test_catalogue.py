"""The in-memory catalogue behind the listings: correct masks, fixed queries, always fresh."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from members.models import Structure
from site_kazasso import content_version
from taxonomy import catalogue as catalogue_module
from taxonomy.catalogue import MaskSequence, build, catalogue, current_token, positions_mask
from taxonomy.models import Theme
from tests.factories import EventFactory, FicheFactory, aware, reunion

# Masks ----------------------------------------------------------------------------------------


@given(
    flags=st.lists(st.booleans(), max_size=300),
    reverse=st.booleans(),
    start=st.integers(0, 320),
    length=st.integers(0, 40),
)
def test_mask_sequence_reads_like_the_list_it_stands_for(flags, reverse, start, length):
    pks = [1000 + i for i in range(len(flags))]
    mask = positions_mask((i for i, flag in enumerate(flags) if flag), len(flags))
    expected = [pk for pk, flag in zip(pks, flags, strict=True) if flag]
    if reverse:
        expected.reverse()
    seq = MaskSequence(pks, mask, reverse=reverse)
    assert len(seq) == len(expected)
    assert seq[start : start + length] == expected[start : start + length]
    assert list(seq) == expected
    if expected:
        assert seq[-1] == expected[-1]


# Queries --------------------------------------------------------------------------------------


def add_content(count: int, start: int = 0) -> None:
    for i in range(start, start + count):
        FicheFactory(
            themes=["financement", "emploi-rh"], tags=[f"Mot {i % 5}", "Commun"], published_at=aware(2021)
        )
        EventFactory(
            start=reunion(2030, 1 + i % 12, 1 + i % 28), tags=[f"Mot {i % 5}"], organisers=["udaf-reunion"]
        )


@pytest.mark.django_db
def test_building_the_catalogue_runs_the_same_queries_whatever_the_content(fiche_index, event_index):
    add_content(3)
    with CaptureQueriesContext(connection) as few:
        small = build("a")
    add_content(12, start=3)
    with CaptureQueriesContext(connection) as many:
        large = build("b")
    assert len(small.fiches.pks) == 3 and len(large.fiches.pks) == 15
    assert len(few) == len(many)


# Freshness: every change a listing shows gives the catalogue a new token ------------------------


def listing_titles(client, url="/ressources/") -> list[str]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [a.get_text(strip=True) for a in soup.select(".card__title a")]


def facet_labels(client, url="/ressources/") -> str:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return " ".join(label.get_text(" ", strip=True) for label in soup.select(".facet"))


@pytest.mark.django_db
def test_publishing_unpublishing_and_deleting_show_at_once(client, fiche_index):
    first = FicheFactory(title="Première fiche", published_at=aware(2022))
    assert listing_titles(client) == ["Première fiche"]
    FicheFactory(title="Seconde fiche", published_at=aware(2023))
    assert listing_titles(client) == ["Seconde fiche", "Première fiche"]
    first.unpublish()
    assert listing_titles(client) == ["Seconde fiche"]
    first.save_revision().publish()
    assert "Première fiche" in listing_titles(client)
    first.delete()
    assert listing_titles(client) == ["Seconde fiche"]


@pytest.mark.django_db
def test_a_view_restriction_hides_the_fiche(client, fiche_index):
    fiche = FicheFactory(title="Fiche réservée")
    assert listing_titles(client) == ["Fiche réservée"]
    PageViewRestriction.objects.create(page=fiche, restriction_type="password", password="secret")
    assert listing_titles(client) == []


@pytest.mark.django_db
def test_moving_a_page_changes_the_token(fiche_index):
    fiche = FicheFactory()
    other = FicheFactory()
    token = current_token()
    fiche.move(other, pos="last-child")  # not a place for a fiche, but the signal is what matters
    assert current_token() != token


@pytest.mark.django_db
def test_renamed_tag_theme_and_structure_show_at_once(client, fiche_index):
    FicheFactory(tags=["Trésorerie"], themes=["financement"])
    assert "Trésorerie" in facet_labels(client)
    tag = Tag.objects.get(name="Trésorerie")
    tag.name = "Gestion de trésorerie"
    tag.save()
    theme = Theme.objects.get(slug="financement")
    theme.name = "Financer son projet"
    theme.save()
    structure = Structure.objects.get(slug="crajep-reunion")
    structure.name = "Comité renommé"
    structure.save()
    labels = facet_labels(client)
    assert "Gestion de trésorerie" in labels
    assert "Financer son projet" in labels
    assert "Comité renommé" in labels


@pytest.mark.django_db
def test_a_draft_saved_in_the_admin_leaves_the_catalogue_alone(fiche_index):
    fiche = FicheFactory(title="Titre publié")
    token = current_token()
    fiche.title = "Titre en brouillon"
    fiche.save_revision()
    assert current_token() == token


@pytest.mark.django_db
def test_a_rolled_back_change_never_leaves_a_stale_index(client, fiche_index):
    FicheFactory(title="Fiche durable")
    assert listing_titles(client) == ["Fiche durable"]
    with pytest.raises(RuntimeError), transaction.atomic():
        FicheFactory(title="Fiche annulée")
        assert "Fiche annulée" in listing_titles(client)  # built inside the transaction
        raise RuntimeError
    assert listing_titles(client) == ["Fiche durable"]


@pytest.mark.django_db
def test_an_old_index_is_rebuilt_even_without_a_signal(fiche_index, settings):
    FicheFactory()
    built = catalogue()
    assert catalogue() is built
    settings.CATALOGUE_MAX_AGE = 0
    assert catalogue() is not built


@pytest.mark.django_db
def test_each_process_keeps_one_index(fiche_index):
    FicheFactory()
    assert catalogue() is catalogue_module._current


def test_a_request_reads_the_token_once(client, fiche_index, event_index):
    """The home page asks for the catalogue from several places: one token query in all."""
    FicheFactory(title="Une fiche")
    EventFactory(title="Un événement")
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    assert sum("contentversion" in q["sql"] for q in queries.captured_queries) == 1


def test_a_change_made_during_a_request_is_seen_by_the_rest_of_it(fiche_index):
    # The receivers themselves: sending Django's request signals would also close the connection.
    content_version.request_started()
    try:
        before = catalogue()
        assert catalogue() is before  # checked once for the request
        FicheFactory(title="Publiée pendant la requête")
        assert catalogue() is not before
        assert len(catalogue().fiches.pks) == len(before.fiches.pks) + 1
    finally:
        content_version.request_finished()


def test_suggestion_words_follow_titles(fiche_index):
    FicheFactory(title="L'assemblée générale à distance")
    FicheFactory(title="Assurance des bénévoles")
    words = catalogue().fiches.title_words
    titles = catalogue().fiches.titles
    assert [titles[at] for _key, at in words.best("ASS", 5)] == [
        "Assurance des bénévoles",
        "L'assemblée générale à distance",
    ]
    found = [titles[at] for _key, at in words.best("generale a dist", 5)]
    assert found == ["L'assemblée générale à distance"]
    assert words.best("", 5) == [] and words.best("zz", 5) == []
