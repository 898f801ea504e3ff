"""The home page and the site-wide settings (footer, contact, social links)."""

from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from editorial.permissions import EditorialPageMixin
from fiches.listing import annotate_fiche_counts, fiche_cards
from home.legal import AccessibilityPage, LegalNoticePage, PrivacyPage, SitePlanPage  # noqa: F401 - models
from site_kazasso import content_version
from site_kazasso.images import alt_text_errors, optional_image
from site_kazasso.pages import ChildRouteMixin
from taxonomy.catalogue import catalogue

LATEST_FICHES = 6
NEXT_EVENTS = 3


class HomePage(EditorialPageMixin, ChildRouteMixin, Page):
    hero_title = models.CharField(
        _("accroche"), max_length=160, default="Les ressources des associations de La Réunion"
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    about = RichTextField(_("le collectif"), blank=True, features=["bold", "italic", "link", "ul"])
    hero_image = optional_image(
        _("image de l'en-tête"),
        help_text=_(
            "Facultative, recadrée en 4:3. Son texte alternatif est la « description » de l'image "
            "(obligatoire). Sans image, une illustration du site est affichée."
        ),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("intro"), FieldPanel("hero_image")], heading=_("En-tête")
        ),
        FieldPanel("about"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d'accueil")

    def clean(self) -> None:
        super().clean()
        errors = alt_text_errors(self, "hero_image")
        if errors:
            raise ValidationError(errors)

    def routed_children(self) -> QuerySet[Page]:
        # The index pages as their own class, their fields (an intro) read only when shown.
        return Page.objects.specific(defer=True)

    def routed_child(self, slug: str) -> Page | None:
        """Read from the home pages' children, kept per content version (publishing, moving or
        deleting a page gives a new one): the listings and every page under them skip a query.
        A copy, since the request marks the page it serves."""
        child = HOME_CHILDREN.read().get((self.path, slug))
        return copy.copy(child) if child is not None else None

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The latest fiches, the next events, the themes and the structures, from the catalogue
        (no query of their own), and the listings' pages, read once per content version."""
        context = super().get_context(request, *args, **kwargs)
        from events.listing import next_events

        cat = catalogue()
        fiches = cat.fiches
        context["latest_fiches"] = fiche_cards(fiches.ordered(fiches.all)[:LATEST_FICHES])
        # Copies: the catalogue's objects are shared by every request of the process.
        context["themes"] = annotate_fiche_counts(
            [copy.copy(theme) for theme in cat.themes.values()], "theme"
        )
        context["structures"] = list(cat.structures.values())
        context["next_events"] = next_events(NEXT_EVENTS, request)
        context.update(INDEX_PAGES.read())
        return context


def index_pages() -> dict[str, Page | None]:
    """The live fiche and event listings the home page links to."""
    from events.models import EventIndexPage
    from fiches.models import FicheIndexPage

    return {
        "fiche_index": FicheIndexPage.objects.live().first(),
        "event_index": EventIndexPage.objects.live().first(),
    }


INDEX_PAGES = content_version.PerVersion(index_pages)


def home_children() -> dict[tuple[str, str], Page]:
    """{(home page's tree path, slug): child page}: what each home page routes to (`routed_children`)."""
    found: dict[tuple[str, str], Page] = {}
    for home in HomePage.objects.only("path", "depth"):
        for child in home.routed_children().child_of(home):
            found[(home.path, child.slug)] = child
    return found


HOME_CHILDREN = content_version.PerVersion(home_children)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(_("courriel de contact"), blank=True, default="contact@kazasso.re")
    contact_address = models.TextField(_("adresse"), blank=True)
    footer_text = models.TextField(
        _("texte du pied de page"),
        blank=True,
        default="Kaz Asso réunit les structures d'accompagnement de la vie associative à La Réunion.",
    )
    facebook_url = models.URLField(_("page Facebook"), blank=True)
    linkedin_url = models.URLField(_("page LinkedIn"), blank=True)
    youtube_url = models.URLField(_("chaîne YouTube"), blank=True)

    panels = [
        FieldPanel("contact_email"),
        FieldPanel("contact_address"),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("linkedin_url"), FieldPanel("youtube_url")],
            heading=_("Réseaux sociaux"),
        ),
    ]

    class Meta:
        verbose_name = _("réglages du site")
