"""Member structures: the support organisations that write and own the platform's content."""

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from site_kazasso.images import optional_image


class Structure(models.Model):
    class Kind(models.TextChoices):
        HEAD_NETWORK = "tete-de-reseau", _("Association tête de réseau")
        POPULAR_EDUCATION = "education-populaire", _("Fédération d'éducation populaire")
        REGIONAL_COORDINATION = "coordination-regionale", _("Coordination régionale")
        HOUSE_OF_ASSOCIATIONS = "maison-des-associations", _("Maison des associations")
        STATE_SERVICE = "service-etat", _("Service de l'État")
        FAMILY_UNION = "union-familiale", _("Union d'associations familiales")
        SPORTS_NETWORK = "reseau-sportif", _("Tête de réseau sportive")
        OTHER = "autre", _("Autre")

    class Territory(models.TextChoices):
        NORTH = "nord", _("Nord")
        EAST = "est", _("Est")
        WEST = "ouest", _("Ouest")
        SOUTH = "sud", _("Sud")
        ISLAND = "ile", _("Toute l'île")

    class SupportLevel(models.TextChoices):
        ORIENTATION = "orientation", _("Orientation")
        INFORMATION = "information", _("Information")
        GENERALIST = "accompagnement-generaliste", _("Accompagnement généraliste")
        SPECIALIST = "accompagnement-specialiste", _("Accompagnement spécialiste")

    name = models.CharField(_("nom"), max_length=200, unique=True)
    acronym = models.CharField(_("sigle"), max_length=40, blank=True)
    slug = models.SlugField(_("identifiant d'URL"), max_length=80, unique=True)
    kind = models.CharField(_("type de structure"), max_length=40, choices=Kind.choices)
    territory = models.CharField(
        _("territoire"), max_length=10, choices=Territory.choices, default=Territory.ISLAND
    )
    support_level = models.CharField(
        _("niveau d'accompagnement"),
        max_length=40,
        choices=SupportLevel.choices,
        blank=True,
        help_text=_("Selon le label national Guid'Asso (facultatif)."),
    )
    website = models.URLField(_("site web"), blank=True)
    email = models.EmailField(_("courriel de contact"), blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    address = models.TextField(_("adresse"), blank=True)
    opening_hours = models.TextField(
        _("horaires d'ouverture"),
        blank=True,
        max_length=600,
        help_text=_(
            "Une ligne par période, ex. : « Du lundi au vendredi : 8 h 30 – 12 h, 13 h 30 – 16 h 30 »."
        ),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
        help_text=_(
            "Facultative, avec la longitude : place le lien « Voir sur la carte » au bon endroit "
            "(ex. : -20.882057)."
        ),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
        help_text=_("Ex. : 55.450675. Sans coordonnées, le lien cherche l'adresse sur OpenStreetMap."),
    )
    logo = optional_image(_("logo"))
    description = models.TextField(_("présentation"), blank=True)
    editor_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("groupe de rédaction"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="structure",
        editable=False,
        help_text=_("Créé automatiquement : ses membres rédigent au nom de la structure."),
    )

    # What the structure's own editors may change themselves (members.contact), nothing else.
    contact_fields = ("address", "latitude", "longitude", "opening_hours", "phone", "email", "website")

    class Meta:
        ordering = ["name"]
        verbose_name = _("structure membre")
        verbose_name_plural = _("structures membres")
        constraints = [
            models.UniqueConstraint(
                Lower("acronym"),
                condition=~Q(acronym=""),
                name="members_structure_acronym_unique_ci",
                violation_error_message=_("Une autre structure porte déjà ce sigle."),
            ),
        ]

    def __str__(self) -> str:
        return self.short_name

    @property
    def short_name(self) -> str:
        return self.acronym or self.name

    @property
    def has_contact(self) -> bool:
        return any((self.website, self.email, self.phone, self.address, self.opening_hours))

    @property
    def map_url(self) -> str:
        """A plain link to the place on OpenStreetMap (its coordinates, else a search for its
        address); no map is embedded, the page makes no request to OpenStreetMap."""
        if self.latitude is not None and self.longitude is not None:
            lat, lon = f"{self.latitude:f}", f"{self.longitude:f}"
            return (
                f"https://www.openstreetmap.org/?{urlencode({'mlat': lat, 'mlon': lon})}#map=17/{lat}/{lon}"
            )
        if self.address.strip():
            place = ", ".join(line.strip() for line in self.address.splitlines() if line.strip())
            if "réunion" not in place.lower():
                place += ", La Réunion"
            return f"https://www.openstreetmap.org/search?{urlencode({'query': place})}"
        return ""

    def clean(self) -> None:
        """Refuse a short name whose editor group ("Rédaction – …") another structure or group holds:
        the group is created with the structure, and two structures cannot share one."""
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: _("Indiquez la latitude et la longitude, ou aucune des deux.")})
        from django.contrib.auth.models import Group

        from members.roles import editor_group_name

        field = "acronym" if self.acronym else "name"
        taken_by_structure = (
            Structure.objects.exclude(pk=self.pk)
            .filter(Q(acronym__iexact=self.short_name) | Q(acronym="", name__iexact=self.short_name))
            .exists()
        )
        group = Group.objects.filter(name__iexact=editor_group_name(self))
        if self.editor_group_id:
            group = group.exclude(pk=self.editor_group_id)
        if taken_by_structure or group.exists():
            raise ValidationError(
                {
                    field: _(
                        "« %(short_name)s » désigne déjà une autre structure (ou son groupe de "
                        "rédaction) : choisissez un autre sigle."
                    )
                    % {"short_name": self.short_name}
                }
            )

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Saved with its editor group (members.signals) in one transaction: never one without the other."""
        with transaction.atomic(using=kwargs.get("using")):
            super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("members:structure_detail", kwargs={"slug": self.slug})
