"""Themes and typologies: the editorial facets shared by fiches, events and search."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FacetQuerySet(models.QuerySet):
    def ordered(self) -> "FacetQuerySet":
        return self.order_by("order", "name")


class FacetTerm(models.Model):
    """A named, sluggable, ordered entry of a reference list."""

    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(
        _("ordre"), default=0, help_text=_("Les plus petits numéros s'affichent en premier.")
    )

    objects = FacetQuerySet.as_manager()
    listing_param = ""  # the filter of /ressources/ that selects a term of this list

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return f"/ressources/?{self.listing_param}={self.slug}"


class Theme(FacetTerm):
    listing_param = "theme"

    class Meta(FacetTerm.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")


class Typology(FacetTerm):
    listing_param = "typologie"

    class Meta(FacetTerm.Meta):
        verbose_name = _("typologie")
        verbose_name_plural = _("typologies")
