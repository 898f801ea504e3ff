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

    class Meta:
        abstract = True
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Theme(FacetTerm):
    class Meta(FacetTerm.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")

    def get_absolute_url(self) -> str:
        return f"/ressources/?theme={self.slug}"


class Typology(FacetTerm):
    class Meta(FacetTerm.Meta):
        verbose_name = _("typologie")
        verbose_name_plural = _("typologies")

    def get_absolute_url(self) -> str:
        return f"/ressources/?typologie={self.slug}"


class CatalogueVersion(models.Model):
    """A token that changes whenever published content or a reference list changes.

    Every process keeps an in-memory facet index of the live content (taxonomy/catalogue.py)
    and compares its token with this row's before using it. A random token rather than a
    counter: a rolled-back transaction restores the previous token, which then matches only
    the indexes built before it, never one built inside the rolled-back transaction.
    """

    token = models.CharField(max_length=32, default="initial")
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("version du catalogue")
        verbose_name_plural = _("versions du catalogue")

    def __str__(self) -> str:
        return self.token
