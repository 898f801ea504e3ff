"""The four legal pages every French association site publishes: legal notice, personal data,
accessibility statement (RGAA model) and site plan. Created by home/migrations/0004, editable."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from editorial.permissions import EditorialPageMixin

TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ul", "ol"]


class LegalPage(EditorialPageMixin, Page):
    """One page of each kind, directly under the home page, without children."""

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        abstract = True

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["crumbs"] = [(_("Accueil"), "/"), (self.title, None)]
        return context


class LegalNoticePage(LegalPage):
    """Mentions légales (loi pour la confiance dans l'économie numérique, article 6)."""

    publisher = models.TextField(
        _("éditeur du site"),
        help_text=_("Nom de l'association, forme juridique, adresse du siège, numéro RNA ou SIRET."),
    )
    publisher_email = models.EmailField(_("courriel de l'éditeur"), blank=True)
    director = models.CharField(_("directeur ou directrice de la publication"), max_length=200)
    host = models.TextField(_("hébergeur"), help_text=_("Nom, adresse et téléphone de l'hébergeur."))
    body = RichTextField(
        _("autres mentions"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Propriété intellectuelle, crédits, liens…"),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("publisher"), FieldPanel("publisher_email"), FieldPanel("director")],
            heading=_("Éditeur"),
        ),
        FieldPanel("host"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("mentions légales")
        verbose_name_plural = _("mentions légales")


class PrivacyPage(RoutablePageMixin, LegalPage):
    """Données personnelles: the text is edited here; retention periods come from the settings
    (site_kazasso/privacy/retention.py) and the request form is the page's own route."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)
    body = RichTextField(
        _("texte"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_(
            "Finalités, bases légales, destinataires, droits, réclamation auprès de la CNIL. Les "
            "durées de conservation, les cookies et le formulaire de demande s'ajoutent d'eux-mêmes."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("page des données personnelles")
        verbose_name_plural = _("pages des données personnelles")

    @path("")
    def detail(self, request: HttpRequest) -> HttpResponse:
        from home.privacy_requests import privacy_page_view

        return privacy_page_view(self, request)


class ConformityStatus(models.TextChoices):
    NONE = "non", _("non conforme")
    PARTIAL = "partiellement", _("partiellement conforme")
    FULL = "totalement", _("totalement conforme")


class AccessibilityPage(LegalPage):
    """Déclaration d'accessibilité, on the RGAA 4.1 model (the statuses are the RGAA's words)."""

    status = models.CharField(
        _("état de conformité"),
        max_length=20,
        choices=ConformityStatus.choices,
        default=ConformityStatus.NONE,
    )
    statement_date = models.DateField(_("déclaration établie le"), null=True, blank=True)
    audit_date = models.DateField(_("date de l'audit"), null=True, blank=True)
    audit_by = models.CharField(_("audit réalisé par"), max_length=200, blank=True)
    compliance_rate = models.PositiveSmallIntegerField(
        _("taux de conformité (%)"), null=True, blank=True, help_text=_("Vide si aucun audit n'a été fait.")
    )
    audit_results = RichTextField(_("résultats des tests"), blank=True, features=TEXT_FEATURES)
    non_accessible = RichTextField(_("contenus non accessibles"), blank=True, features=TEXT_FEATURES)
    derogations = RichTextField(
        _("dérogations pour charge disproportionnée"), blank=True, features=TEXT_FEATURES
    )
    exempt = RichTextField(_("contenus non soumis à l'obligation"), blank=True, features=TEXT_FEATURES)
    test_environment = RichTextField(
        _("technologies, outils et environnement de test"), blank=True, features=TEXT_FEATURES
    )
    feedback_email = models.EmailField(_("courriel pour signaler un défaut"), blank=True)
    feedback_text = RichTextField(_("retour d'information et contact"), blank=True, features=TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("status", widget=forms.RadioSelect),
                FieldPanel("statement_date"),
                FieldRowPanel([FieldPanel("audit_date"), FieldPanel("compliance_rate")]),
                FieldPanel("audit_by"),
            ],
            heading=_("État de conformité"),
        ),
        FieldPanel("audit_results"),
        FieldPanel("non_accessible"),
        FieldPanel("derogations"),
        FieldPanel("exempt"),
        FieldPanel("test_environment"),
        MultiFieldPanel([FieldPanel("feedback_email"), FieldPanel("feedback_text")], heading=_("Contact")),
    ]

    class Meta:
        verbose_name = _("déclaration d'accessibilité")
        verbose_name_plural = _("déclarations d'accessibilité")


class SitePlanPage(LegalPage):
    """Plan du site: the live public pages of the first levels, read from the page tree."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("plan du site")
        verbose_name_plural = _("plans du site")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        from members.models import Structure
        from taxonomy.models import Theme

        context = super().get_context(request, *args, **kwargs)
        site = self.get_site()
        context["sections"] = site_sections(site.root_page if site else self.get_parent())
        context["themes"] = list(Theme.objects.ordered())
        context["structures"] = list(Structure.objects.order_by("name"))
        return context


def site_sections(root: Page) -> list[Page]:
    """The home page's live public children, in the tree's order: its sections and legal pages
    (each listing leads to its own items, which the sitemap.xml lists for search engines)."""
    return list(Page.objects.live().public().child_of(root).order_by("path").specific(defer=True))
