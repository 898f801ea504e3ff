"""Fiches: practical resource sheets, and the /ressources/ index that lists them by facet."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from editorial.checklist import fiche_missing
from editorial.forms import EditorialPageForm
from editorial.permissions import EditorialPageMixin
from fiches.blocks import FicheBodyBlock
from fiches.listing import FICHES, fiche_listing_context
from site_kazasso import content_version
from site_kazasso.images import ALT_TEXT_HELP, alt_text_errors, optional_image
from site_kazasso.pages import ChildRouteMixin, routed_parent
from taxonomy.catalogue import catalogue
from taxonomy.facets import listed_classification, load_in_order

MAX_THEMES = 3


class FicheTag(TaggedItemBase):
    content_object = ParentalKey("fiches.FichePage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("mot-clé de fiche")
        verbose_name_plural = _("mots-clés de fiches")


class FicheIndexPage(EditorialPageMixin, ChildRouteMixin, Page):
    """/ressources/: every live fiche, filterable by theme, typology, structure, tag and year."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["fiches.FichePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des fiches")
        verbose_name_plural = _("index des fiches")

    def routed_children(self) -> QuerySet[FichePage]:
        return FichePage.objects.all()  # structure and typology: from the catalogue (get_context)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context.update(fiche_listing_context(self, request))
        context["crumbs"] = [(_("Accueil"), "/"), (self.title, None)]
        return context


class FichePageForm(EditorialPageForm):
    """Checks the number of themes, which a many-to-many field cannot express itself."""

    checklist = fiche_missing

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "themes" in self.fields:
            self.fields["themes"].error_messages["required"] = _("Choisissez au moins un thème.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        themes = cleaned.get("themes")
        if themes is not None and not 1 <= len(themes) <= MAX_THEMES:
            self.add_error("themes", _("Choisissez entre 1 et %(max)s thèmes.") % {"max": MAX_THEMES})
        return cleaned


class FichePage(EditorialPageMixin, Page):
    """A practical resource sheet, case study or guide written by a member structure."""

    chapo = models.TextField(
        _("chapô"),
        max_length=400,
        help_text=_("Résumé en deux ou trois phrases, affiché dans les listes et les moteurs de recherche."),
    )
    body = StreamField(FicheBodyBlock(), verbose_name=_("contenu"), blank=True)
    structure = models.ForeignKey(
        "members.Structure",
        verbose_name=_("structure"),
        on_delete=models.PROTECT,
        related_name="fiches",
    )
    themes = ParentalManyToManyField("taxonomy.Theme", verbose_name=_("thèmes"), related_name="fiches")
    typology = models.ForeignKey(
        "taxonomy.Typology",
        verbose_name=_("typologie"),
        on_delete=models.PROTECT,
        related_name="fiches",
    )
    tags = ClusterTaggableManager(
        through=FicheTag,
        blank=True,
        verbose_name=_("mots-clés"),
        help_text=_("Mots-clés libres, séparés par des virgules (ex. : AG à distance, Trésorerie)."),
    )
    updated_on = models.DateField(
        _("à jour au"),
        null=True,
        blank=True,
        help_text=_("Date à laquelle le contenu a été vérifié pour la dernière fois."),
    )
    image = optional_image(_("image"), help_text=ALT_TEXT_HELP)

    base_form_class = FichePageForm
    # Only the owning structure, the coordination and admins change who owns the fiche.
    ownership_fields = ("structure",)

    content_panels = [
        *Page.content_panels,
        FieldPanel("chapo"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("structure"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("typology"),
                FieldPanel("tags"),
                FieldPanel("updated_on"),
            ],
            heading=_("Classement"),
        ),
        FieldPanel("body"),
        InlinePanel("related_links", heading=_("Fiches liées"), label=_("fiche liée")),
    ]

    search_fields = [
        *Page.search_fields,
        index.AutocompleteField("title"),
        index.SearchField("chapo"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("structure", [index.SearchField("name"), index.SearchField("acronym")]),
        index.FilterField("structure"),
        index.FilterField("typology"),
        index.FilterField("themes"),
        index.FilterField("updated_on"),
        index.FilterField("first_published_at"),
    ]

    parent_page_types = ["fiches.FicheIndexPage"]
    # How a fiche shows in a list of cards (includes/card_list.html), like Wagtail's `template`.
    card_template = "includes/fiche_card.html"
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("fiche")
        verbose_name_plural = _("fiches")

    def clean(self) -> None:
        super().clean()
        errors = alt_text_errors(self, "image")
        if self.updated_on and self.updated_on.year < 1990:
            errors["updated_on"] = _("Cette date semble erronée.")
        if errors:
            raise ValidationError(errors)

    def get_meta_description(self) -> str:
        return self.search_description or self.chapo

    def documents(self) -> list[dict[str, Any]]:
        """Downloadable documents of the body, in reading order, for the sidebar list."""
        return [block.value for block in self.body if block.block_type == "document"]

    def live_related_fiches(self, preview: bool = False) -> list[FichePage]:
        """The live public fiches this one links to, in the editor's order.

        A preview's links may be unsaved, held in memory by the cluster: they are read as objects.
        A served page reads its links with their fiches in one query (by the link table's page
        index, never a scan of every fiche) and keeps the fiches the catalogue lists (live and
        public: no view restriction query).
        """
        from fiches.listing import live_fiches

        if preview or self.pk is None:
            pks = list(dict.fromkeys(link.fiche_id for link in self.related_links.all() if link.fiche_id))
            return load_in_order(live_fiches().select_related("structure", "typology"), pks)
        links = (
            FicheRelatedLink.objects.filter(page=self)
            .select_related("fiche")
            .defer("fiche__body")
            .order_by("sort_order", "pk")
        )
        cat = catalogue()
        linked = [
            fiche for fiche in dict.fromkeys(link.fiche for link in links) if fiche.pk in cat.fiches.position
        ]
        cat.attach_reference_data(*linked)
        return linked

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        listed = None if preview else listed_classification(FICHES, self.pk, ("theme", "tag"))
        if listed is not None:
            catalogue().attach_reference_data(self)
        if listed is None:  # a preview shows its draft's values, a private page is not listed
            listed = {
                "theme": list(self.themes.order_by("order", "name")),
                "tag": list(self.tags.order_by("name")),
            }
        context["themes"], context["tags"] = listed["theme"], listed["tag"]
        context["related_fiches"] = self.live_related_fiches(preview=preview)
        context["restituted_events"] = RESTITUTED_EVENTS.read().get(self.pk, [])
        parent = routed_parent(self)
        context["listing_url"] = parent.url if parent else "/ressources/"
        context["crumbs"] = [
            (_("Accueil"), "/"),
            (parent.title if parent else _("Ressources"), context["listing_url"]),
            (self.title, None),
        ]
        return context


def restituted_events() -> dict[int, list[tuple[str, str]]]:
    """{fiche id: [(title, url)]} of the live, public events naming that fiche as their restitution.

    Read through the events' foreign key (`restitution_events`, the reverse relation), once per
    content version: a fiche page pays no query for it.
    """
    found: dict[int, list[tuple[str, str]]] = {}
    events = (
        Page.objects.live()
        .public()
        .filter(eventpage__restitution__isnull=False)
        .annotate(fiche_id=F("eventpage__restitution_id"))
        .order_by("-eventpage__start")
    )
    for event in events:
        found.setdefault(event.fiche_id, []).append((event.title, event.url))
    return found


RESTITUTED_EVENTS = content_version.PerVersion(restituted_events)


class FicheRelatedLink(Orderable):
    page = ParentalKey(FichePage, on_delete=models.CASCADE, related_name="related_links")
    fiche = models.ForeignKey(FichePage, verbose_name=_("fiche"), on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("fiche", "fiches.FichePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("fiche liée")
        verbose_name_plural = _("fiches liées")

    def clean(self) -> None:
        if self.fiche_id and self.fiche_id == self.page_id:
            raise ValidationError({"fiche": _("Une fiche ne peut pas être liée à elle-même.")})
