"""Bulk generation of French fiches and events for benchmarks (`manage.py generate_content`).

Why not `add_child()` + `save_revision()` + `publish()` as the demo does: each page then costs a
tree lookup, two inserts, a revision, log and reference-index rows and a search-index update
through signals. Measured here on PostgreSQL 15 (2 cores) for 200 fiches: 80 s that way, 14 s with
`save(clean=False)` on precomputed paths (no revision, but signals still index page by page),
0.25 s with the bulk path below, plus 3 s to index the batch with `add_bulk`.

The bulk path, one transaction per batch, public APIs only: treebeard paths computed from the
parent's last child with the tree's own number converter (`Page.numconv_obj()`, `steplen`
characters per level), `wagtailcore_page` rows through `Page.objects.bulk_create`, then the
child-table rows (Django refuses `bulk_create` on multi-table children) in one `executemany` of
the cursor, each value prepared by its field (`pre_save`, `get_db_prep_save`) as an ORM insert
prepares it. (`save_base(raw=True)` per page, as `loaddata` does, took 91 s instead of 18 s for
2,000 fiches and 400 events: one INSERT and the post_save receivers per page.) Then the through
rows and the parent's `numchild`, so the tree is valid after every committed batch. Pages are
live with `first_published_at`, `last_published_at`, `url_path`, `locale` and `content_type` set
as publishing sets them; no revision (`latest_revision` is empty) and no reference-index rows
(the admin's usage counts). Nothing sends `post_save`: the search index is fed per batch.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.db import connections, router, transaction
from django.db.models import F
from django.utils.text import slugify
from faker import Faker
from taggit.models import Tag
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from events.models import NEEDS_ADDRESS, NEEDS_VISIO, EventFormat, EventIndexPage, EventPage, EventSpeaker
from fiches.models import FicheIndexPage, FichePage
from members.models import Structure
from site_kazasso import content_version
from taxonomy.catalogue import one_build
from taxonomy.models import Theme, Typology

PREFIX = "gen-"
REUNION = ZoneInfo("Indian/Reunion")
FIRST_DAY = dt.datetime(2019, 1, 1, 8, tzinfo=REUNION)
LAST_DAY = dt.datetime(2026, 12, 31, 18, tzinfo=REUNION)
UPCOMING_SHARE = 0.3
ZIPF_EXPONENT = 1.07


def _items(text: str) -> tuple[str, ...]:
    """Split a `|`-separated list written over several lines (keeps the vocabulary compact)."""
    return tuple(item.strip() for item in text.replace("\n", " ").split("|") if item.strip())


# Subjects by theme slug (taxonomy migration 0002): what a title and its text talk about.
SUBJECTS: dict[str, tuple[str, ...]] = {
    slug.strip(): _items(items)
    for slug, items in (
        line.split(":", 1)
        for line in """
creation-formalites: la création d'une association | la déclaration en préfecture | les statuts types
gouvernance-vie-statutaire: l'assemblée générale | le conseil d'administration | le vote à distance
emploi-rh: le chômage partiel | le premier emploi associatif | la convention collective | les contrats aidés
benevolat-engagement: l'accueil des bénévoles | la valorisation du bénévolat | le service civique
financement: la demande de subvention | le mécénat d'entreprise | le dossier FDVA | l'appel à projets
comptabilite-fiscalite: la trésorerie | la fiscalité des associations | le budget prévisionnel
assurance-responsabilite: l'assurance responsabilité civile | la responsabilité des dirigeants
evenements: l'organisation d'une manifestation | la buvette temporaire | l'accueil du public
communication-numerique: les réseaux sociaux | la protection des données (RGPD) | les outils collaboratifs
co-construction-developpement-local: le partenariat avec la commune | la mutualisation entre associations
crise-resilience: la continuité d'activité | la reprise après un cyclone | les fonds de solidarité
accompagnement: l'accompagnement des porteurs de projet | le diagnostic associatif""".strip().splitlines()
    )
}

# About 150 tags, most used first: the Zipf rank is the position in this list.
TAG_NAMES = _items("""
Assemblée générale|Subvention|Bénévolat|Trésorerie|Fiscalité|Statuts|Assurance|Mécénat|Comptabilité|
Employeur associatif|Conseil d'administration|Appel à projets|Chômage partiel|Service civique|FDVA|Dons|
Reçu fiscal|Budget prévisionnel|Le Compte Asso|Responsabilité des dirigeants|RGPD|Visioconférence|Bureau|
Règlement intérieur|Déclaration en préfecture|RNA|SIRET|Contrat aidé|Convention collective|Adhésion|
Formation des bénévoles|Cotisation|Rapport moral|Rapport financier|Commissaire aux comptes|Buvette|
Manifestation publique|Sécurité|Communication|Réseaux sociaux|Site internet|Outils collaboratifs|Numérique|
Partenariat|Collectivités|Département|Région|CAF|Agrément|Éducation populaire|Sport|Culture|Solidarité|
Insertion|Économie sociale et solidaire|Mutualisation|Groupement d'employeurs|Fonds de solidarité|
Prêt garanti|Crise sanitaire|Cyclone|Continuité d'activité|Plan de reprise|Gouvernance partagée|
Démocratie interne|Vie associative|Engagement|Volontariat|Valorisation du bénévolat|Passeport bénévole|
Compte d'engagement citoyen|Recrutement|Fiche de poste|Entretien annuel|Médecine du travail|DPAE|Paie|
URSSAF|Impôts commerciaux|TVA|Rescrit fiscal|Intérêt général|Utilité publique|Legs|Financement participatif|
Fondation|Mécénat de compétences|Sponsoring|Dossier de subvention|Cerfa 12156|Compte rendu financier|Bilan|
Compte de résultat|Plan comptable associatif|Expert-comptable|Logiciel de comptabilité|Banque|Fonds propres|
Trésorerie prévisionnelle|Locaux|Bail|Assurance multirisque|Responsabilité civile|Accident|Mineurs|BAFA|
Accueil collectif de mineurs|Transport|Hygiène alimentaire|Licence de débit de boissons|SACEM|Droit à l'image|
Affiche|Lettre d'information|Guid'Asso|Accompagnement|Diagnostic|DLA|Formation|Webinaire|Replay|Modèle|
Tableur|Liste de contrôle|Questions-réponses|Créole|La Réunion|Saint-Denis|Saint-Pierre|Saint-Benoît|
Quartiers prioritaires|Politique de la ville|Handicap|Égalité femmes-hommes|Environnement|Déchets|
Transition écologique|Santé|Seniors|Famille|Parentalité|Éducation|Laïcité|Contrat d'engagement républicain|
Dissolution|Fusion d'associations|Transfert de siège|Procès-verbal|Quorum|Pouvoirs|Élections|Présidence|
Secrétariat|Jeunesse""")

TITLES = _items("""
{S} : mode d'emploi | {S} en {n} étapes | Réussir {s} | {S} : ce qui change en {year}
| {S} pour les petites associations | Tout savoir sur {s} | {S} : les erreurs à éviter
| {S} : les questions les plus fréquentes | {S} : l'expérience d'une association de {town}
| Modèle à télécharger pour {s} | {S} : guide pratique pour le bureau | Préparer {s} sereinement""")
EVENT_TITLES = {
    EventFormat.WEBINAR: _items("Webinaire : {s} | Une heure pour comprendre {s} | {S} en questions"),
    EventFormat.IN_PERSON: _items(
        "Atelier à {town} : {s} | Matinale des associations : {s} | Permanence : {s}"
    ),
    EventFormat.HYBRID: _items("Rencontre-débat : {s} | Les associations de {town} et {s} | Formation : {s}"),
}
SENTENCES = tuple(
    """
Chaque association doit préparer {s} avec son bureau et son conseil d'administration.
Avant l'assemblée générale, la trésorière présente la trésorerie et le rapport financier aux adhérents.
Une demande de subvention se prépare des mois à l'avance, avec un budget prévisionnel équilibré.
Les bénévoles sont au cœur du projet associatif : il faut les accueillir, les former et les remercier.
La fiscalité des associations repose sur le caractère désintéressé de leur gestion.
En période de crise, le chômage partiel permet à l'association de préserver ses emplois.
Le mécénat d'entreprise ouvre droit à une réduction d'impôt pour l'entreprise mécène.
Les statuts fixent l'objet, le fonctionnement et la gouvernance de l'association.
Vérifiez que l'assurance couvre bien les activités, les locaux, les salariés et les bénévoles.
À {town}, l'association {club} a mené cette démarche avec ses adhérents.
Le compte rendu financier est transmis au financeur dans les six mois qui suivent l'action.
Conservez les pièces justificatives et tenez une comptabilité à jour, même simplifiée.
Les cotisations des adhérents financent une partie du fonctionnement de l'association.
Le procès-verbal de l'assemblée générale est signé par la présidence et le secrétariat.
Ce dossier concerne {s} : lisez-le avec votre trésorier ou votre trésorière.
Une structure d'accompagnement peut vous aider pour {s}, gratuitement.""".strip().splitlines()
)
HEADINGS = _items("""Ce qu'il faut savoir | Les étapes | Les points de vigilance | Qui peut vous aider ?
| Le cadre juridique | En pratique | Les délais à respecter | Les pièces à réunir""")
TOWNS = tuple(
    tuple(town.rsplit(" ", 1))
    for town in _items("""
Saint-Denis 97400 | Saint-Pierre 97410 | Le Port 97420 | Saint-Paul 97460 | Saint-Benoît 97470
| Le Tampon 97430 | Saint-André 97440 | Saint-Louis 97450 | Sainte-Marie 97438 | Saint-Joseph 97480
| La Possession 97419 | Saint-Leu 97436 | L'Étang-Salé 97427 | Cilaos 97413 | Salazie 97433
| Sainte-Rose 97439 | Petite-Île 97429 | Bras-Panon 97412""")
)
CLUBS = _items("Les Amis de | Association sportive de | Comité des fêtes de | Kaz culturelle de")
PLACES = _items("Maison des associations | Salle polyvalente | Médiathèque | Case de quartier")
ROLES = _items("""Présidente d'association | Trésorier bénévole | Juriste | Chargée d'accompagnement
| Expert-comptable | Délégué départemental | Coordinatrice de réseau""")
AUDIENCES = _items("""Dirigeantes et dirigeants bénévoles | Trésoriers et trésorières d'associations
| Salariés associatifs | Tout public associatif | Porteurs de projet associatif""")

Progress = Callable[[str, int, int], None]


class GenerationError(Exception):
    """Raised with a French message when the database lacks what generation needs."""


@dataclass
class PagePlan:
    """One page to insert and the rows that hang on it once it has an id."""

    page: FichePage | EventPage
    theme_ids: list[int]
    tag_ids: list[int]
    organiser_ids: list[int] = field(default_factory=list)
    speakers: list[EventSpeaker] = field(default_factory=list)


@dataclass
class Report:
    seed: int
    fiches: int = 0
    events: int = 0
    tags_created: int = 0
    seconds: float = 0.0
    index_seconds: float = 0.0


@dataclass(frozen=True)
class References:
    """Ids of the reference data, in a stable order so a seed always gives the same pages."""

    structure_ids: list[int]
    theme_ids: dict[str, int]
    typology_ids: list[int]
    tag_ids: list[int]
    tags_created: int

    @classmethod
    def load(cls) -> References:
        structures = list(Structure.objects.order_by("slug").values_list("pk", flat=True))
        themes = dict(Theme.objects.order_by("slug").values_list("slug", "pk"))
        typologies = list(Typology.objects.order_by("order", "slug").values_list("pk", flat=True))
        if not (structures and typologies and set(SUBJECTS) & set(themes)):
            raise GenerationError(
                "Structures, thèmes ou typologies de référence absents : lancez « manage.py migrate »."
            )
        tag_ids, created = ensure_tags(TAG_NAMES)
        return cls(structures, themes, typologies, tag_ids, created)


def ensure_tags(names: tuple[str, ...]) -> tuple[list[int], int]:
    """Reuse tags that exist under any case (TAGGIT_CASE_INSENSITIVE), create the others."""
    existing = {name.lower(): pk for pk, name in Tag.objects.values_list("pk", "name")}
    ids, created = [], 0
    for name in names:
        if name.lower() not in existing:
            existing[name.lower()] = Tag.objects.create(name=name).pk  # taggit makes the slug unique
            created += 1
        ids.append(existing[name.lower()])
    return ids, created


class ContentFactory:
    """Builds unsaved pages from one seeded random stream: same seed, same titles and texts."""

    def __init__(self, seed: int, refs: References, now: dt.datetime, first_number: int) -> None:
        self.rng = random.Random(seed)
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(seed)
        self.refs = refs
        self.now = now.astimezone(REUNION)
        self.number = first_number
        self.subjects = [(slug, s) for slug, ss in SUBJECTS.items() if slug in refs.theme_ids for s in ss]
        weights = [1 / rank**ZIPF_EXPONENT for rank in range(1, len(refs.tag_ids) + 1)]
        self.tag_cum_weights = [sum(weights[: i + 1]) for i in range(len(weights))]
        typology_weights = (30, 12, 10, 10, 6, 10, 8, 8)  # fiche pratique first, as on the real site
        self.typology_weights = [typology_weights[i % 8] for i in range(len(refs.typology_ids))]

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _slug(self, title: str) -> str:
        self.number += 1
        return f"{PREFIX}{self.number:05d}-{slugify(title)}"[:80].rstrip("-")

    def _sentence(self, subject: str) -> str:
        town = self.rng.choice(TOWNS)[0]
        club = f"{self.rng.choice(CLUBS)} {town}"
        return self.rng.choice(SENTENCES).format(s=subject, town=town, club=club)

    def _title(self, pattern: str, subject: str) -> str:
        n, year, town = self.rng.randint(3, 7), self.rng.randint(2019, 2026), self.rng.choice(TOWNS)[0]
        return pattern.format(s=subject, S=subject[0].upper() + subject[1:], n=n, year=year, town=town)

    def _moment(self, start: dt.datetime, end: dt.datetime) -> dt.datetime:
        return start + (end - start) * self.rng.random()

    def _themes(self, main_slug: str) -> list[int]:
        others = [pk for slug, pk in self.refs.theme_ids.items() if slug != main_slug]
        count = self.rng.choices((1, 2, 3), weights=(45, 40, 15))[0]
        return [self.refs.theme_ids[main_slug], *self.rng.sample(others, count - 1)]

    def _tags(self) -> list[int]:
        """2 to 5 distinct tags drawn from the Zipf-like distribution."""
        wanted = self.rng.randint(2, 5)
        chosen: list[int] = []
        while len(chosen) < wanted:
            (pk,) = self.rng.choices(self.refs.tag_ids, cum_weights=self.tag_cum_weights)
            if pk not in chosen:
                chosen.append(pk)
        return chosen

    def _block(self, kind: str, value: object) -> dict[str, object]:
        return {"type": kind, "value": value, "id": self._uuid()}

    def _paragraph(self, subject: str, sentences: int = 2) -> dict[str, object]:
        text = " ".join([*(self._sentence(subject) for _ in range(sentences)), self.fake.paragraph(4)])
        return self._block("paragraph", f"<p>{html.escape(text, quote=False)}</p>")

    def _body(self, subject: str) -> str:
        """A StreamField value as JSON: headings and paragraphs, key points, sometimes an FAQ."""
        blocks = [self._paragraph(subject)]
        for heading in self.rng.sample(HEADINGS, self.rng.randint(1, 3)):
            blocks.append(self._block("heading", {"text": heading, "level": "h2"}))
            blocks.append(self._paragraph(subject, self.rng.randint(1, 3)))
        points = "".join(f"<li>{html.escape(self._sentence(subject), quote=False)}</li>" for _ in range(3))
        blocks.append(self._block("key_points", {"title": "À retenir", "text": f"<ul>{points}</ul>"}))
        if self.rng.random() < 0.3:
            answer = f"<p>{html.escape(self._sentence(subject), quote=False)}</p>"
            item = self._block("item", {"question": f"Qui s'occupe de {subject} ?", "answer": answer})
            blocks.append(self._block("faq", {"title": "Questions-réponses", "items": [item]}))
        return json.dumps(blocks, ensure_ascii=False)

    def fiche(self) -> PagePlan:
        theme_slug, subject = self.rng.choice(self.subjects)
        title = self._title(self.rng.choice(TITLES), subject)
        published = self._moment(FIRST_DAY, min(self.now, LAST_DAY))
        updated = self._moment(published, self.now) if self.rng.random() < 0.7 else None
        page = FichePage(
            title=title,
            slug=self._slug(title),
            chapo=f"{self._sentence(subject)} {self.fake.sentence(12)}"[:400],
            body=self._body(subject),
            structure_id=self.rng.choice(self.refs.structure_ids),
            typology_id=self.rng.choices(self.refs.typology_ids, weights=self.typology_weights)[0],
            updated_on=updated.date() if updated else None,
            first_published_at=published,
            last_published_at=updated or published,
        )
        return PagePlan(page, self._themes(theme_slug), self._tags())

    def _event_start(self) -> dt.datetime:
        """About 30 % upcoming (next 10 months), the rest since 2019; usual Réunion hours."""
        if self.rng.random() < UPCOMING_SHARE:
            day = self._moment(self.now + dt.timedelta(days=2), self.now + dt.timedelta(days=300))
        else:
            day = self._moment(FIRST_DAY, self.now - dt.timedelta(days=2))
        hour, minute = self.rng.choice(((8, 30), (9, 0), (14, 0), (17, 30), (18, 0)))
        return day.replace(hour=hour, minute=minute, second=0, microsecond=0)

    def event(self) -> PagePlan:
        theme_slug, subject = self.rng.choice(self.subjects)
        kind = self.rng.choices(list(EVENT_TITLES), weights=(50, 30, 20))[0]
        title = self._title(self.rng.choice(EVENT_TITLES[kind]), subject)
        slug = self._slug(title)
        start = self._event_start()
        minutes = self.rng.choice((60, 90, 120) if kind == EventFormat.WEBINAR else (120, 180, 240))
        published = min(self.now, max(FIRST_DAY, start - dt.timedelta(days=self.rng.randint(10, 60))))
        capacity = None if self.rng.random() < 0.3 else self.rng.choice((20, 30, 40, 60, 100, 150))
        past = start < self.now
        town, postcode = self.rng.choice(TOWNS)
        place = f"{self.rng.choice(PLACES)}\n{self.rng.randint(1, 120)}, rue {self.fake.last_name()}"
        structure_id = self.rng.choice(self.refs.structure_ids)
        page = EventPage(
            title=title,
            slug=slug,
            chapo=f"{self._sentence(subject)} {self.fake.sentence(10)}"[:400],
            start=start,
            end=start + dt.timedelta(minutes=minutes),
            format=kind,
            address=f"{place}\n{postcode} {town}" if kind in NEEDS_ADDRESS else "",
            visio_url=f"https://visio.exemple.re/{slug}" if kind in NEEDS_VISIO else "",
            structure_id=structure_id,
            audience=self.rng.choice(AUDIENCES),
            body=self._body(subject),
            registration_enabled=self.rng.random() < 0.85,
            capacity=capacity,
            replay_url=f"https://video.exemple.re/replay/{slug}" if past and kind == "webinaire" else "",
            attendance_count=self.rng.randint(8, capacity or 120) if past else None,
            first_published_at=published,
            last_published_at=published,
        )
        others = [pk for pk in self.refs.structure_ids if pk != structure_id]
        organisers = [structure_id, *self.rng.sample(others, self.rng.randint(0, min(2, len(others))))]
        speakers = [
            EventSpeaker(name=self.fake.name(), role=self.rng.choice(ROLES), organisation=f"Cabinet {town}")
            for _ in range(self.rng.randint(1, 3))
        ]
        return PagePlan(page, self._themes(theme_slug), self._tags(), organisers, speakers)


def next_number() -> int:
    """Highest number in an existing generated slug, so that new slugs never collide."""
    slugs = Page.objects.filter(slug__startswith=PREFIX).values_list("slug", flat=True)
    return max((int(m.group(1)) for s in slugs if (m := re.match(r"gen-(\d+)-", s))), default=0)


def insert_batch(parent_id: int, plans: list[PagePlan]) -> list[int]:
    """Insert one batch of sibling pages under `parent_id`, with their related rows; return ids."""
    parent = Page.objects.select_for_update().get(pk=parent_id)  # serialises concurrent generators
    depth = parent.depth + 1
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    numbers = Page.numconv_obj()  # treebeard's base-36 steps of `steplen` characters
    step = numbers.str2int(last[-Page.steplen :]) if last else 0
    if step + len(plans) >= len(Page.alphabet) ** Page.steplen:
        raise GenerationError("Trop de pages sous une même page : l'arborescence de Wagtail est pleine.")
    pages = [plan.page for plan in plans]
    model = type(pages[0])
    content_type_id = ContentType.objects.get_for_model(model).pk
    for offset, page in enumerate(pages, start=1):
        page.path = parent.path + numbers.int2str(step + offset).rjust(Page.steplen, Page.alphabet[0])
        page.depth, page.numchild = depth, 0
        page.url_path, page.locale_id = f"{parent.url_path}{page.slug}/", parent.locale_id
        page.live, page.has_unpublished_changes, page.show_in_menus = True, False, False
        page.draft_title, page.content_type_id = page.title, content_type_id
    base_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
    rows = Page.objects.bulk_create([Page(**{name: getattr(p, name) for name in base_fields}) for p in pages])
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    insert_child_rows(model, pages)
    insert_relations(model, plans)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    content_version.changed()  # bulk inserts send no signal
    return [page.pk for page in pages]


def insert_child_rows(model: type[Page], pages: list[Page]) -> None:
    """The rows of the page type's own table, in one `executemany`, values prepared by their fields."""
    connection = connections[router.db_for_write(model)]
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [
        [field.get_db_prep_save(field.pre_save(page, True), connection) for field in fields] for page in pages
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})",  # noqa: S608 - names from _meta, quoted
            rows,
        )


def _through_rows(model: type[Page], name: str, plans: list[PagePlan], attr: str) -> list[Any]:
    relation = model._meta.get_field(name)
    through = relation.remote_field.through
    source, target = f"{relation.m2m_field_name()}_id", f"{relation.m2m_reverse_field_name()}_id"
    return [through(**{source: p.page.pk, target: pk}) for p in plans for pk in getattr(p, attr)]


def insert_relations(model: type[Page], plans: list[PagePlan]) -> None:
    """Themes, tags, and for events organisers and speakers: one bulk insert each."""
    relations = [("themes", "theme_ids")] + ([("organisers", "organiser_ids")] if model is EventPage else [])
    for name, attr in relations:
        rows = _through_rows(model, name, plans, attr)
        type(rows[0]).objects.bulk_create(rows)
    tag_model = model._meta.get_field("tags").through
    tags = [tag_model(content_object_id=p.page.pk, tag_id=pk) for p in plans for pk in p.tag_ids]
    tag_model.objects.bulk_create(tags)
    for plan in plans:
        for order, speaker in enumerate(plan.speakers):
            speaker.page_id, speaker.sort_order = plan.page.pk, order
    EventSpeaker.objects.bulk_create([speaker for plan in plans for speaker in plan.speakers])


def index_pages(model: type[Page], ids: list[int]) -> None:
    """One `add_bulk` per search backend, relations prefetched.

    `get_indexed_objects()` prefetches the indexed relations except modelcluster's parental
    many-to-many ones (themes), which would then cost one query per page and per indexed part.
    """
    objects = list(model.get_indexed_objects().prefetch_related("themes").filter(pk__in=ids))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(model, objects)


def generate(
    fiches: int,
    events: int,
    *,
    seed: int | None = None,
    batch_size: int = 500,
    index: bool = True,
    progress: Progress | None = None,
    now: dt.datetime | None = None,
) -> Report:
    """Create `fiches` and `events` live pages, one transaction per batch of `batch_size`."""
    seed = random.SystemRandom().randrange(1, 10**6) if seed is None else seed
    started = time.perf_counter()
    with transaction.atomic():
        refs = References.load()
    factory = ContentFactory(seed, refs, now or dt.datetime.now(tz=REUNION), next_number())
    report = Report(seed=seed, tags_created=refs.tags_created)
    jobs = [
        ("fiches", fiches, FicheIndexPage, factory.fiche),
        ("événements", events, EventIndexPage, factory.event),
    ]
    with one_build():  # the listings' catalogue: built once at the end, not after every batch
        for label, count, index_model, build in jobs:
            parent_id = index_model.objects.values_list("pk", flat=True).first()
            if count and parent_id is None:
                raise GenerationError(f"Page d'index des {label} introuvable : lancez « manage.py migrate ».")
            if progress:
                progress(label, 0, count)
            for done in range(0, count, batch_size):
                plans = [build() for _ in range(min(batch_size, count - done))]
                with transaction.atomic():
                    ids = insert_batch(parent_id, plans)
                    if index:
                        index_started = time.perf_counter()
                        index_pages(type(plans[0].page), ids)
                        report.index_seconds += time.perf_counter() - index_started
                if progress:
                    progress(label, done + len(plans), count)
    report.fiches, report.events = fiches, events
    report.seconds = time.perf_counter() - started
    return report
