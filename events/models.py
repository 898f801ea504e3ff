"""Events and webinars: the /evenements/ index, event pages, speakers and registrations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import OuterRef, Q, QuerySet, Subquery, Sum
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from editorial.checklist import event_missing
from editorial.forms import EditorialPageForm
from editorial.permissions import EditorialPageMixin
from events import clock
from fiches.blocks import DocumentBlock, FicheBodyBlock, LinksBlock
from site_kazasso.images import ALT_TEXT_HELP, alt_text_errors, optional_image
from site_kazasso.pages import ChildRouteMixin
from site_kazasso.typography import fr_date

RESERVED_SLUGS = {"ical", "inscription"}


class EventFormat(models.TextChoices):
    WEBINAR = "webinaire", _("Webinaire")
    IN_PERSON = "presentiel", _("Présentiel")
    HYBRID = "hybride", _("Hybride")


NEEDS_ADDRESS = {EventFormat.IN_PERSON, EventFormat.HYBRID}
NEEDS_VISIO = {EventFormat.WEBINAR, EventFormat.HYBRID}


class EventTag(TaggedItemBase):
    content_object = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = _("mot-clé d'événement")
        verbose_name_plural = _("mots-clés d'événements")


class EventIndexPage(EditorialPageMixin, RoutablePageMixin, ChildRouteMixin, Page):
    """/evenements/: upcoming events first, the archive with ?periode=passes, and iCal feeds."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des événements")
        verbose_name_plural = _("index des événements")

    def routed_children(self) -> QuerySet[EventPage]:
        return EventPage.objects.all()  # typology: from the catalogue (events/views.py)

    @path("")
    def listing(self, request: HttpRequest) -> Any:
        from events.listing import event_listing_context

        return self.render(request, context_overrides=event_listing_context(self, request))

    @path("ical/")
    def calendar_feed(self, request: HttpRequest) -> Any:
        from events.ical import calendar_feed_response

        return calendar_feed_response(self, request)


class EventPageForm(EditorialPageForm):
    """The owning structure is always one of the organisers."""

    checklist = event_missing

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        structure = cleaned.get("structure")
        organisers = cleaned.get("organisers")
        if structure is not None and organisers is not None and structure not in organisers:
            cleaned["organisers"] = type(structure).objects.filter(Q(pk__in=organisers) | Q(pk=structure.pk))
        return cleaned


# At or under this many seats left, the page and cards say "Plus que N places".
FEW_SEATS = 3
AVAILABILITY_LABELS = {
    "open": _("Inscriptions ouvertes"),
    "closed": _("Inscriptions closes"),
    "full": _("Complet"),
    "waitlist": _("Liste d'attente"),
}


@dataclass(frozen=True)
class Availability:
    """A registration state as the reader sees it: `state` names its badge style."""

    state: str
    label: str


# Where with_confirmed_seats() puts the count that confirmed_seats() then reads.
CARD_SEATS = "annotated_confirmed_seats"
# The moments `EventPage.registration_status` compares the clock with: between two of them, an
# event's badge changes only with its seats (cards are kept until one passes, taxonomy/cards.py).
BADGE_MOMENTS = ("start", "registration_opens_at", "registration_closes_at")


def seat_holders(**filters: Any) -> QuerySet[Registration]:
    """The registrations that hold seats (confirmed ones): the one rule behind every seat count."""
    return Registration.objects.filter(status=Registration.Status.CONFIRMED, **filters)


def with_confirmed_seats(queryset: QuerySet[EventPage]) -> QuerySet[EventPage]:
    """The events with their confirmed seats in the same query: lists read them without one query each."""
    seats = seat_holders(event=OuterRef("pk")).order_by().values("event").annotate(n=Sum("seats")).values("n")
    return queryset.annotate(**{CARD_SEATS: Subquery(seats, output_field=models.IntegerField())})


class EventPage(EditorialPageMixin, RoutablePageMixin, Page):
    """A webinar or meeting: when, where, who speaks, and its registrations."""

    chapo = models.TextField(
        _("chapô"), max_length=400, help_text=_("Résumé en deux ou trois phrases, affiché dans les listes.")
    )
    start = models.DateTimeField(_("début"), help_text=_("Heure de La Réunion."))
    end = models.DateTimeField(_("fin"), help_text=_("Heure de La Réunion."))
    format = models.CharField(_("format"), max_length=20, choices=EventFormat.choices)
    address = models.TextField(
        _("adresse"), blank=True, help_text=_("Obligatoire pour un événement en présentiel ou hybride.")
    )
    visio_url = models.URLField(
        _("lien de visioconférence"),
        blank=True,
        max_length=500,
        help_text=_(
            "Obligatoire pour un webinaire ou un événement hybride. Jamais affiché sur le site : "
            "il est envoyé aux seules personnes inscrites."
        ),
    )
    structure = models.ForeignKey(
        "members.Structure",
        verbose_name=_("structure porteuse"),
        on_delete=models.PROTECT,
        related_name="owned_events",
    )
    organisers = ParentalManyToManyField(
        "members.Structure",
        verbose_name=_("structures organisatrices"),
        related_name="events",
        blank=True,
        help_text=_("La structure porteuse en fait toujours partie."),
    )
    audience = models.CharField(_("public visé"), max_length=250, blank=True)
    themes = ParentalManyToManyField(
        "taxonomy.Theme", verbose_name=_("thèmes"), related_name="events", blank=True
    )
    typology = models.ForeignKey(
        "taxonomy.Typology",
        verbose_name=_("typologie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    tags = ClusterTaggableManager(through=EventTag, blank=True, verbose_name=_("mots-clés"))
    image = optional_image(_("image"), help_text=ALT_TEXT_HELP)
    body = StreamField(FicheBodyBlock(), verbose_name=_("présentation"), blank=True)

    registration_enabled = models.BooleanField(_("inscriptions sur le site"), default=True)
    capacity = models.PositiveIntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Laisser vide pour un nombre de places illimité."),
    )
    max_seats_per_registration = models.PositiveSmallIntegerField(
        _("places maximum par inscription"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    waitlist_enabled = models.BooleanField(
        _("liste d'attente"),
        default=True,
        help_text=_("Quand c'est complet, les inscriptions passent en attente."),
    )
    registration_opens_at = models.DateTimeField(
        _("ouverture des inscriptions"), null=True, blank=True, help_text=_("Vide : dès la publication.")
    )
    registration_closes_at = models.DateTimeField(
        _("clôture des inscriptions"),
        null=True,
        blank=True,
        help_text=_("Vide : jusqu'au début de l'événement."),
    )

    replay_url = models.URLField(_("vidéo du replay"), blank=True, max_length=500)
    resources = StreamField(
        [("document", DocumentBlock()), ("links", LinksBlock())],
        verbose_name=_("supports et documents"),
        blank=True,
    )
    attendance_count = models.PositiveIntegerField(
        _("nombre de participants"),
        null=True,
        blank=True,
        help_text=_(
            "Seulement pour un événement sans inscriptions sur le site : sinon, le nombre de "
            "participants est celui des présences cochées (menu « Présences et émargement »)."
        ),
    )
    restitution = models.ForeignKey(
        "fiches.FichePage",
        verbose_name=_("fiche de restitution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="restitution_events",
        help_text=_("La fiche qui rend compte de l'événement : elle renvoie à son tour vers lui."),
    )
    reminder_hours = models.PositiveSmallIntegerField(
        _("rappel (heures avant le début)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(168)],
        help_text=_("Un courriel de rappel part ce nombre d'heures avant le début (24 : la veille)."),
    )
    followup_to_waitlist = models.BooleanField(
        _("replay aussi à la liste d'attente"),
        default=False,
        help_text=_(
            "Le courriel du replay et des supports part aux inscrits confirmés ; cochez pour "
            "l'envoyer aussi aux personnes restées en liste d'attente."
        ),
    )

    base_form_class = EventPageForm
    # Who owns the event, who sees its registrations, what registrants receive and how they
    # register: only the owning structure, the coordination and admins change them.
    ownership_fields = (
        "structure",
        "organisers",
        "visio_url",
        "registration_enabled",
        "capacity",
        "max_seats_per_registration",
        "waitlist_enabled",
        "registration_opens_at",
        "registration_closes_at",
        "reminder_hours",
        "followup_to_waitlist",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("chapo"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("format"),
                FieldPanel("address"),
                FieldPanel("visio_url"),
            ],
            heading=_("Date et lieu"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("structure"),
                FieldPanel("organisers", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audience"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("typology"),
                FieldPanel("tags"),
            ],
            heading=_("Organisation et classement"),
        ),
        InlinePanel("speakers", heading=_("Intervenants"), label=_("intervenant")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_seats_per_registration")]),
                FieldPanel("waitlist_enabled"),
                FieldRowPanel([FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]),
                FieldPanel("reminder_hours"),
            ],
            heading=_("Inscriptions"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("replay_url"),
                FieldPanel("resources"),
                FieldPanel("followup_to_waitlist"),
                FieldPanel("restitution"),
                FieldPanel("attendance_count"),
            ],
            heading=_("Après l'événement"),
        ),
    ]

    search_fields = [
        *Page.search_fields,
        index.AutocompleteField("title"),
        index.SearchField("chapo"),
        index.SearchField("body"),
        index.SearchField("audience"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.RelatedFields("speakers", [index.SearchField("name")]),
        index.FilterField("structure"),
        index.FilterField("format"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("typology"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    # How an event shows in a list of cards (includes/card_list.html), like Wagtail's `template`.
    card_template = "includes/event_card.html"
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def clean(self) -> None:
        super().clean()
        errors: dict[str, Any] = alt_text_errors(self, "image")
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Cet identifiant est réservé : choisissez-en un autre.")
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("La fin doit être postérieure au début.")
        if self.format in NEEDS_ADDRESS and not self.address.strip():
            errors["address"] = _(
                "Indiquez l'adresse : l'événement a lieu (au moins en partie) en présentiel."
            )
        if self.format in NEEDS_VISIO and not self.visio_url:
            errors["visio_url"] = _("Indiquez le lien de visioconférence : il sera envoyé aux inscrits.")
        opens, closes = self.registration_opens_at, self.registration_closes_at
        if opens and closes and closes <= opens:
            errors["registration_closes_at"] = _("La clôture des inscriptions doit suivre leur ouverture.")
        if opens and self.start and opens >= self.start:
            errors["registration_opens_at"] = _(
                "Les inscriptions doivent ouvrir avant le début de l'événement."
            )
        if (
            self.capacity
            and self.max_seats_per_registration
            and self.max_seats_per_registration > self.capacity
        ):
            errors["max_seats_per_registration"] = _(
                "Une inscription ne peut pas demander plus de places que la jauge."
            )
        if closes and self.end and closes > self.end:
            errors["registration_closes_at"] = _(
                "Les inscriptions ne peuvent pas fermer après la fin de l'événement."
            )
        if errors:
            raise ValidationError(errors)

    # What the page shows -------------------------------------------------------------------

    @property
    def has_address(self) -> bool:
        return self.format in NEEDS_ADDRESS

    @property
    def is_online(self) -> bool:
        return self.format in NEEDS_VISIO

    def is_past(self, now: dt.datetime | None = None) -> bool:
        return self.end < (now or clock.now())

    def confirmed_seats(self) -> int:
        """Seats held by confirmed registrations: the one count the page and the registration rules use."""
        if self.pk is None:  # a new event previewed before its first save has no registrations
            return 0
        if CARD_SEATS in self.__dict__:  # read in bulk with the cards (with_confirmed_seats)
            return self.__dict__[CARD_SEATS] or 0
        total = seat_holders(event=self).aggregate(n=Sum("seats"))["n"]
        return total or 0

    def seats_left(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_seats(), 0)

    def registration_state(self, now: dt.datetime | None = None) -> str:
        """One of: disabled, past, not_open, closed, full, waitlist, open."""
        return self.registration_status(now)[0]

    def registration_status(self, now: dt.datetime | None = None) -> tuple[str, int | None]:
        """The registration state and the seats left, counted only when the state depends on them.

        The seats are None when uncounted or unlimited: the page shows them beside the form, which
        only the open and waitlist states offer, so one count serves the state and the page.
        """
        now = now or clock.now()
        if not self.registration_enabled:
            return "disabled", None
        if self.start <= now:
            return "past", None
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_open", None
        if self.registration_closes_at and now >= self.registration_closes_at:
            return "closed", None
        left = self.seats_left()
        if left is not None and left <= 0:
            return ("waitlist" if self.waitlist_enabled else "full"), left
        return "open", left

    def availability(self, now: dt.datetime | None = None) -> Availability | None:
        """What a reader needs to know first about registering: the badge of the page and cards."""
        return self.describe_availability(*self.registration_status(now))

    def describe_availability(self, state: str, left: int | None) -> Availability | None:
        """The badge for a state and seats left already read (registration_status)."""
        if state in ("disabled", "past"):
            return None
        if state == "not_open":
            opens = fr_date(timezone.localtime(self.registration_opens_at), "j F à H\\hi")
            return Availability(state, _("Inscriptions à partir du %(date)s") % {"date": opens})
        if state == "open" and left is not None and left <= FEW_SEATS:
            label = ngettext("Plus qu'une place", "Plus que %(n)s places", left) % {"n": left}
            return Availability("few", label)
        return Availability(state, AVAILABILITY_LABELS[state])

    def attendance(self) -> int | None:
        """How many took part: the attendance marks when registrations are taken on the site, the
        figure typed in only for an event registered elsewhere (the 2020 webinars)."""
        if not self.registration_enabled:
            return self.attendance_count
        if self.pk is None:
            return None
        marked = self.registrations.filter(status=Registration.Status.CONFIRMED, attended=True)
        return marked.count() or None

    def get_meta_description(self) -> str:
        return self.search_description or self.chapo

    @path("")
    def detail(self, request: HttpRequest) -> Any:
        from events.views import event_detail

        return event_detail(self, request)

    @path("ical/")
    def ical(self, request: HttpRequest) -> Any:
        from events.ical import event_ical_response

        return event_ical_response(self, request)

    @path("inscription/<str:token>/")
    def registration_confirmation(self, request: HttpRequest, token: str) -> Any:
        from events.views import registration_confirmation

        return registration_confirmation(self, request, token)

    @path("inscription/annuler/<str:token>/")
    def cancel_registration(self, request: HttpRequest, token: str) -> Any:
        from events.views import cancel_registration

        return cancel_registration(self, request, token)

    @path("attestation/<str:token>/")
    def certificate(self, request: HttpRequest, token: str) -> Any:
        from events.attendance_views import certificate

        return certificate(self, request, token)


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("nom"), max_length=150)
    role = models.CharField(_("fonction"), max_length=200, blank=True)
    structure = models.ForeignKey(
        "members.Structure",
        verbose_name=_("structure membre"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    organisation = models.CharField(
        _("autre organisme"),
        max_length=200,
        blank=True,
        help_text=_("Si l'intervenant n'est pas d'une structure membre."),
    )

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("structure"), FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("intervenant")
        verbose_name_plural = _("intervenants")

    def __str__(self) -> str:
        return self.name

    @property
    def affiliation(self) -> str:
        if self.structure_id:
            return self.structure.short_name
        return self.organisation


# ASCII digits only: \d would take "٩" or "९", and $ a trailing newline.
rna_validator = RegexValidator(
    r"^W[0-9]{9}\Z",
    _("Le numéro RNA commence par W suivi de 9 chiffres (ex. : W974001234)."),
)


# Retention blanks the personal fields (issue 14), the contact's name among them, which a
# registration always has until then: only statistics (seats, status, attendance) are left.
PERSONAL_DATA_ERASED = Q(contact_name="")


class Registration(models.Model):
    """One association's registration to an event: personal data, seen only by its organisers."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmee", _("Confirmée")
        WAITING = "attente", _("Liste d'attente")
        CANCELLED = "annulee", _("Annulée")

    event = models.ForeignKey(
        EventPage, verbose_name=_("événement"), on_delete=models.CASCADE, related_name="registrations"
    )
    association_name = models.CharField(_("association"), max_length=200)
    rna_number = models.CharField(_("numéro RNA"), max_length=10, blank=True, validators=[rna_validator])
    contact_name = models.CharField(_("nom du contact"), max_length=150)
    email = models.EmailField(_("courriel"))
    seats = models.PositiveSmallIntegerField(_("places"), validators=[MinValueValidator(1)])
    consent = models.BooleanField(_("consentement"), default=False)
    consent_version = models.ForeignKey(
        "privacy.ConsentText",
        verbose_name=_("texte de consentement accepté"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    consent_accepted_at = models.DateTimeField(_("consentement donné le"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(
        _("données personnelles effacées le"), null=True, blank=True, db_index=True
    )
    status = models.CharField(_("statut"), max_length=12, choices=Status.choices, db_index=True)
    created_at = models.DateTimeField(_("inscrit le"), auto_now_add=True, db_index=True)
    status_changed_at = models.DateTimeField(_("statut modifié le"), auto_now=True)
    # Set in the transaction that queues the email (events/followups.py): never sent twice.
    reminder_sent_at = models.DateTimeField(_("rappel envoyé le"), null=True, blank=True, editable=False)
    followup_sent_at = models.DateTimeField(_("replay envoyé le"), null=True, blank=True, editable=False)
    # Statistics, kept when the personal data is erased (events/attendance.py).
    attended = models.BooleanField(_("présent"), default=False)
    attendance_marked_at = models.DateTimeField(_("présence notée le"), null=True, blank=True)
    certificate_sent_at = models.DateTimeField(_("attestation envoyée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="annulee") & ~Q(email=""),
                name="events_one_active_registration_per_email",
            ),
            models.CheckConstraint(condition=Q(seats__gte=1), name="events_registration_seats_positive"),
        ]

    def __str__(self) -> str:
        who = _("Inscription effacée") if self.personal_data_erased else self.association_name
        return f"{who} – {self.event.title}"

    @property
    def personal_data_erased(self) -> bool:
        """In Python what PERSONAL_DATA_ERASED says in SQL."""
        return not self.contact_name
