"""The in-memory catalogue behind the listings: correct masks, fixed queries, always fresh."""

import dataclasses
import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection, transaction
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from hypothesis import given
from hypothesis import strategies as st
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from events.listing import EVENTS
from fiches.listing import FICHES, fiche_kind
from members.models import Structure
from site_kazasso import content_version
from site_kazasso.settings.caching import CATALOGUE_DATABASE_CACHE
from taxonomy import catalogue as catalogue_module
from taxonomy import kinds
from taxonomy.catalogue import build, catalogue, current_token, forget_local_copy, shared_key
from taxonomy.facets import FacetedListing, YearFacet
from taxonomy.masks import MaskSequence, positions_mask
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


# Declarations: each content app declares its kind once, by field names ---------------------------


def test_a_kind_reads_its_declared_fields_in_display_order(fiche_index, event_index):
    late = EventFactory(
        title="Plus tard", start=reunion(2031, 5, 2), format="presentiel", address="Saint-Denis"
    )
    soon = EventFactory(title="Bientôt", start=reunion(2030, 1, 3), organisers=["udaf-reunion"])
    index = catalogue().index(EVENTS)
    assert index is catalogue().events
    assert index.pks == [soon.pk, late.pk]
    assert index.titles == ["Bientôt", "Plus tard"]
    assert index.columns["end"] == [soon.end, late.end]
    assert index.ordered(index.at_least("end", reunion(2030, 6, 1)))[:] == [late.pk]
    assert index.counts("format", index.all) == {"webinaire": 1, "presentiel": 1}
    assert index.counts("year", index.all) == {2030: 1, 2031: 1}
    udaf = Structure.objects.get(slug="udaf-reunion")
    assert index.ordered(index.mask("structure", udaf.pk))[:] == [soon.pk]  # organisers, not owner


def test_a_facet_is_one_more_line_in_the_declaration(fiche_index, monkeypatch):
    """ "À jour en" (year of `updated_on`): one dimension declared, one Facet shown, nothing else."""
    FicheFactory(title="Vérifiée en 2024", updated_on=dt.date(2024, 3, 1))
    FicheFactory(title="Vérifiée en 2023", updated_on=dt.date(2023, 9, 1))
    FicheFactory(title="Jamais vérifiée")
    before = shared_key("t")
    declared = fiche_kind()
    monkeypatch.setitem(
        kinds.KINDS,
        FICHES,
        dataclasses.replace(
            declared, dimensions=(*declared.dimensions, kinds.Year("checked", field="updated_on"))
        ),
    )
    assert shared_key("t") != before  # a copy shared by the old declaration is never loaded
    cat = build("t")
    listing = FacetedListing(
        facets=[YearFacet("verifiee", "À jour en", dimension="checked")],
        index=cat.fiches,
        cat=cat,
        base=cat.fiches.all,
        query=QueryDict("verifiee=2024"),
    )
    shown = [cat.fiches.titles[cat.fiches.position[pk]] for pk in cat.fiches.ordered(listing.filtered())]
    assert shown == ["Vérifiée en 2024"]
    assert [(o.value, o.count) for o in listing.facet_results()[0].options] == [("2024", 1), ("2023", 1)]


# The shared copy: built once by the process that changed the content, loaded by the others -------


@pytest.fixture
def builds(monkeypatch) -> list[str]:
    """The tokens of the catalogues built in this process."""
    built: list[str] = []
    real = catalogue_module.build

    def counting(token: str):
        built.append(token)
        return real(token)

    monkeypatch.setattr(catalogue_module, "build", counting)
    return built


def test_another_process_loads_the_shared_copy_instead_of_building(fiche_index, builds):
    FicheFactory(title="Partagée")
    first = catalogue()
    forget_local_copy()  # a second worker: no copy of its own yet
    with CaptureQueriesContext(connection) as queries:
        loaded = catalogue()
    assert len(builds) == 1 and len(queries) == 1  # the token, nothing rebuilt
    assert loaded is not first and loaded.token == first.token
    assert loaded.fiches.pks == first.fiches.pks and loaded.fiches.title_words.words


def test_a_commit_builds_the_new_version_once_for_every_process(
    fiche_index, builds, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        FicheFactory(title="Une")
        FicheFactory(title="Deux")  # many signals, one transaction
    assert builds == [current_token()]
    forget_local_copy()
    assert catalogue().fiches.titles == ["Deux", "Une"]
    assert len(builds) == 1


def test_a_request_that_publishes_builds_once_after_its_response(
    fiche_index, builds, django_capture_on_commit_callbacks
):
    content_version.request_started()  # the receiver itself: the signal would close the connection
    try:
        with django_capture_on_commit_callbacks(execute=True):
            FicheFactory(title="Publiée en ligne")
            FicheFactory(title="Publiée aussi")
        assert builds == []  # no build while the editor waits
    finally:
        content_version.request_finished()
    assert builds == [current_token()]
    forget_local_copy()
    assert "Publiée aussi" in catalogue().fiches.titles and len(builds) == 1


def test_a_bulk_writer_builds_once_at_the_end(fiche_index, builds, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), catalogue_module.one_build():
        for title in ("Premier lot", "Second lot"):
            with django_capture_on_commit_callbacks(execute=True):  # one commit per batch
                FicheFactory(title=title)
        assert builds == []
    assert builds == [current_token()]


def test_the_database_store_shares_the_copy_between_processes(fiche_index, settings, builds):
    settings.CACHES = {**settings.CACHES, "catalogue": CATALOGUE_DATABASE_CACHE}
    call_command("createcachetable", verbosity=0)  # inside the test's transaction
    FicheFactory(title="En base")
    catalogue()
    forget_local_copy()
    assert catalogue().fiches.titles == ["En base"] and len(builds) == 1


def test_a_failing_store_costs_a_local_build_never_an_error(client, fiche_index, settings, builds):
    missing = {**CATALOGUE_DATABASE_CACHE, "LOCATION": "kazasso_catalogue_absent"}
    settings.CACHES = {**settings.CACHES, "catalogue": missing}
    FicheFactory(title="Sans cache partagé")
    assert listing_titles(client) == ["Sans cache partagé"]
    forget_local_copy()
    assert listing_titles(client) == ["Sans cache partagé"]
    assert len(builds) == 2
    assert Structure.objects.exists()  # the failed reads left the transaction usable (PostgreSQL)
