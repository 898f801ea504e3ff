"""`manage.py generate_content`: counts, live and rendered pages, a valid tree, relations, seeds, delete."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.utils.html import escape
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from demo.generator import PREFIX, REUNION, SUBJECTS, TAG_NAMES, ContentFactory, References
from demo.management.commands.generate_content import PREFIX as command_prefix
from events.models import NEEDS_ADDRESS, NEEDS_VISIO, EventIndexPage, EventPage
from fiches.models import FicheIndexPage, FichePage
from site_kazasso.typography import typo

pytestmark = pytest.mark.django_db

FICHES, EVENTS = 30, 10


def generate(**options: object) -> str:
    out = StringIO()
    defaults = {"fiches": FICHES, "events": EVENTS, "seed": 42, "batch_size": 12, "verbosity": 0}
    call_command("generate_content", stdout=out, stderr=StringIO(), **{**defaults, **options})
    return out.getvalue()


def generated_fiches():
    return FichePage.objects.filter(slug__startswith="gen-")


def generated_events():
    return EventPage.objects.filter(slug__startswith="gen-")


@pytest.fixture
def generated() -> None:
    generate()


def test_creates_the_requested_live_pages_under_their_index(generated):
    assert generated_fiches().live().child_of(FicheIndexPage.objects.get()).count() == FICHES
    assert generated_events().live().child_of(EventIndexPage.objects.get()).count() == EVENTS
    fiche = generated_fiches().first()
    assert fiche.first_published_at and fiche.last_published_at >= fiche.first_published_at
    assert fiche.url_path == f"{FicheIndexPage.objects.get().url_path}{fiche.slug}/"
    assert fiche.draft_title == fiche.title and not fiche.has_unpublished_changes


def test_generated_pages_render_and_are_listed(client, generated):
    newest = generated_fiches().order_by("-first_published_at").first()
    listing = client.get("/ressources/")
    assert listing.status_code == 200
    assert escape(typo(newest.title)) in listing.content.decode()
    for fiche in generated_fiches().order_by("?")[:3]:
        assert client.get(f"/ressources/{fiche.slug}/").status_code == 200
    for event in generated_events()[:3]:
        assert client.get(f"/evenements/{event.slug}/").status_code == 200
    listings = (
        client.get("/evenements/").content.decode()
        + client.get("/evenements/?periode=passes").content.decode()
    )
    assert all(escape(typo(event.title)) in listings for event in generated_events())


def test_tree_stays_valid_across_batches(generated):
    assert all(problems == [] for problems in Page.find_problems())
    fiche_index = FicheIndexPage.objects.get()
    assert fiche_index.numchild == fiche_index.get_children().count()


def test_every_page_has_themes_tags_and_the_event_relations(generated):
    for fiche in generated_fiches().prefetch_related("themes", "tags"):
        assert 1 <= len(fiche.themes.all()) <= 3
        assert 2 <= len(fiche.tags.all()) <= 5
    for event in generated_events().prefetch_related("organisers", "speakers", "themes", "tags"):
        assert event.structure in event.organisers.all()
        assert event.speakers.count() >= 1 and event.themes.exists() and event.tags.count() >= 2


def test_events_pass_full_clean_with_format_fields(generated):
    for event in generated_events():
        event.full_clean()
        assert bool(event.address) == (event.format in NEEDS_ADDRESS)
        assert (event.visio_url == f"https://visio.exemple.re/{event.slug}") == (event.format in NEEDS_VISIO)


def test_search_index_holds_the_generated_pages(generated):
    fiche_type = ContentType.objects.get_for_model(FichePage)
    ids = [str(pk) for pk in generated_fiches().values_list("pk", flat=True)]
    assert IndexEntry.objects.filter(content_type=fiche_type, object_id__in=ids).count() == FICHES
    assert FichePage.objects.live().search("association").count() > 0


def test_same_seed_gives_same_titles():
    generate(events=0)
    first = list(generated_fiches().order_by("path").values_list("title", flat=True))
    generate(fiches=0, events=0, delete=True)
    generate(events=0)
    assert list(generated_fiches().order_by("path").values_list("title", flat=True)) == first
    generate(delete=True, seed=43, events=0)
    assert list(generated_fiches().order_by("path").values_list("title", flat=True)) != first


def test_second_run_adds_pages_with_new_slugs(generated):
    generate(fiches=5, events=2)
    assert generated_fiches().count() == FICHES + 5
    assert len(set(generated_fiches().values_list("slug", flat=True))) == FICHES + 5


def test_delete_removes_pages_and_index_entries(generated):
    ids = [str(pk) for pk in generated_fiches().values_list("pk", flat=True)]
    out = generate(fiches=0, events=0, delete=True, verbosity=1)
    assert "30 fiches" in out
    assert not generated_fiches().exists() and not generated_events().exists()
    assert not IndexEntry.objects.filter(object_id__in=ids).exists()
    assert all(problems == [] for problems in Page.find_problems())


def test_progress_bar_on_stderr_is_silent_at_verbosity_zero():
    err = StringIO()
    call_command("generate_content", fiches=4, events=1, seed=1, stdout=StringIO(), stderr=err, verbosity=0)
    assert err.getvalue() == ""
    call_command("generate_content", fiches=4, events=1, seed=1, stdout=StringIO(), stderr=err, verbosity=1)
    assert "100,0 %" in err.getvalue() and "pages/s" in err.getvalue()


def test_refuses_to_run_in_production(settings, generated):
    settings.KAZASSO_ENVIRONMENT = "production"
    with pytest.raises(CommandError, match="production"):
        generate(fiches=5)
    with pytest.raises(CommandError, match="production"):
        generate(fiches=0, events=0, delete=True)
    assert generated_fiches().count() == FICHES


def test_command_and_generator_agree_on_the_slug_prefix():
    assert command_prefix == PREFIX == "gen-"


def test_refuses_an_empty_request():
    with pytest.raises(CommandError, match="Rien à faire"):
        call_command("generate_content", verbosity=0)


def test_content_distribution_without_database():
    """Zipf-like tags, 30 % upcoming events in La Réunion's time, every format, 2019–2026 dates."""
    refs = References(
        structure_ids=list(range(1, 8)),
        theme_ids={slug: n for n, slug in enumerate(SUBJECTS, start=1)},
        typology_ids=list(range(1, 9)),
        tag_ids=list(range(1, len(TAG_NAMES) + 1)),
        tags_created=0,
    )
    now = dt.datetime(2026, 3, 1, 10, tzinfo=REUNION)
    factory = ContentFactory(7, refs, now, first_number=0)
    fiches = [factory.fiche() for _ in range(400)]
    events = [factory.event() for _ in range(400)]
    tags = Counter(pk for plan in fiches for pk in plan.tag_ids)
    assert 120 <= len(TAG_NAMES) <= 180 and tags.most_common(1)[0][0] == 1 and tags[1] > 5 * tags[60]
    assert {plan.page.first_published_at.year for plan in fiches} == set(range(2019, 2027))
    upcoming = sum(plan.page.start > now for plan in events)
    assert 0.2 < upcoming / len(events) < 0.4
    assert {plan.page.format for plan in events} == {"webinaire", "presentiel", "hybride"}
    assert all(plan.page.start.utcoffset() == dt.timedelta(hours=4) for plan in events)
    assert len({plan.page.slug for plan in fiches + events}) == 800
