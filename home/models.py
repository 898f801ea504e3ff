"""The home page and the site-wide settings (footer, contact, social links)."""

from __future__ import annotations

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
from members.models import Structure
from site_kazasso.images import alt_text_errors
from site_kazasso.pages import ChildRouteMixin
from taxonomy.catalogue import catalogue
from taxonomy.models import Theme

LATEST_FICHES = 6
NEXT_EVENTS = 3


class HomePage(EditorialPageMixin, ChildRouteMixin, Page):
    hero_title = models.CharField(
        _("accroche"), max_length=160, default="Les ressources des associations de La Réunion"
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    about = RichTextField(_("le collectif"), blank=True, features=["bold", "italic", "link", "ul"])
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de l'en-tête"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        fiches = catalogue().fiches
        context["latest_fiches"] = fiche_cards(fiches.ordered(fiches.all)[:LATEST_FICHES])
        context["themes"] = annotate_fiche_counts(Theme.objects.ordered(), "theme")
        context["structures"] = list(Structure.objects.order_by("name"))
        from fiches.models import FicheIndexPage

        context["fiche_index"] = FicheIndexPage.objects.live().first()
        from events.listing import next_events
        from events.models import EventIndexPage

        context["next_events"] = next_events(NEXT_EVENTS, request)
        context["event_index"] = EventIndexPage.objects.live().first()
        return context


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
