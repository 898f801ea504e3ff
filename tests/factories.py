"""Factories for the test suite: fiches published at a chosen date, with facets and tags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone
from wagtail.models import Page

from events.models import EventIndexPage, EventPage, EventSpeaker, Registration
from fiches.models import FicheIndexPage, FichePage
from members.models import Structure
from site_kazasso import content_version
from taxonomy.models import Theme, Typology


def aware(year: int, month: int = 6, day: int = 15, hour: int = 10) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour))


def add_page(
    parent: Page,
    page: FichePage | EventPage,
    *,
    live: bool,
    themes: Iterable[Theme | str],
    tags: Iterable[str],
) -> None:
    """Put the page under its parent with its themes (objects or slugs) and tags; publish it if live."""
    page.live = live
    page.themes = [t if isinstance(t, Theme) else Theme.objects.get(slug=t) for t in themes]
    page.tags.add(*tags)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()


class StructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Structure

    name = factory.Sequence(lambda n: f"Association d'accompagnement n°{n}")
    acronym = factory.Sequence(lambda n: f"AA{n}")
    slug = factory.Sequence(lambda n: f"structure-test-{n}")
    kind = Structure.Kind.OTHER


class PageFactory(factory.Factory):
    """Builds a page under its listing's index page (or `parent`) with its themes (objects or
    slugs) and tags, and publishes it unless live=False; `_options` are the subclass's own
    arguments, handed to `_before_adding` and `_after_adding` instead of the model."""

    class Meta:
        abstract = True

    _index_model: type[Page]
    _options: tuple[str, ...] = ()

    @classmethod
    def _create(
        cls,
        model_class: type[Page],
        *args: object,
        parent: Page | None = None,
        themes: Iterable[Theme | str] = ("financement",),
        tags: Iterable[str] = (),
        live: bool = True,
        **kwargs: object,
    ) -> Page:
        options = {name: kwargs.pop(name) for name in cls._options if name in kwargs}
        page = model_class(*args, **kwargs)
        cls._before_adding(page, **options)
        add_page(parent or cls._index_model.objects.get(), page, live=live, themes=themes, tags=tags)
        cls._after_adding(page, live=live, **options)
        return page

    @classmethod
    def _before_adding(cls, page: Page, **options: object) -> None:
        pass

    @classmethod
    def _after_adding(cls, page: Page, *, live: bool, **options: object) -> None:
        pass


class FicheFactory(PageFactory):
    """Builds a FichePage under /ressources/ and publishes it (unless live=False)."""

    class Meta:
        model = FichePage

    title = factory.Sequence(lambda n: f"Fiche d'essai numéro {n}")
    slug = factory.Sequence(lambda n: f"fiche-essai-{n}")
    chapo = "Un résumé court qui explique à quoi sert cette fiche pour une association."
    structure = factory.LazyFunction(lambda: Structure.objects.get(slug="crajep-reunion"))
    typology = factory.LazyFunction(lambda: Typology.objects.get(slug="fiche-pratique"))

    _index_model = FicheIndexPage
    _options = ("published_at",)

    @classmethod
    def _after_adding(cls, page: FichePage, *, live: bool, published_at: dt.datetime | None = None) -> None:
        if live:
            when = published_at or timezone.now()
            FichePage.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
            content_version.changed()  # an update sends no signal: the listings' catalogue must see the date
            page.refresh_from_db()


REUNION = ZoneInfo("Indian/Reunion")


def reunion(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    """An aware datetime in La Réunion's time zone (UTC+4, no daylight saving)."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=REUNION)


class EventFactory(PageFactory):
    """Builds an EventPage under /evenements/ and publishes it (unless live=False)."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Webinaire d'essai {n}")
    slug = factory.Sequence(lambda n: f"evenement-essai-{n}")
    chapo = "Une heure pour comprendre et poser vos questions."
    start = factory.LazyFunction(lambda: reunion(2030, 3, 12, 9))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=2))
    format = "webinaire"
    visio_url = "https://visio.exemple.re/salle-secrete-123"
    structure = factory.LazyFunction(lambda: Structure.objects.get(slug="crajep-reunion"))

    _index_model = EventIndexPage
    _options = ("organisers", "speakers")

    @classmethod
    def _before_adding(
        cls, page: EventPage, *, organisers: Iterable[Structure | str] = (), speakers: Iterable[dict] = ()
    ) -> None:
        others = [s if isinstance(s, Structure) else Structure.objects.get(slug=s) for s in organisers]
        page.organisers = [page.structure, *[s for s in others if s != page.structure]]
        page.speakers = [EventSpeaker(**speaker) for speaker in speakers]


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration of one seat, created directly (no form, no seat check)."""

    class Meta:
        model = Registration

    association_name = "Les Jardins du Butor"
    contact_name = "Marie Payet"
    email = "marie@asso.re"
    seats = 1
    consent = True
    status = Registration.Status.CONFIRMED
