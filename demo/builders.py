"""Create the demo objects that are missing, and leave every existing one exactly as it is.

Each `ensure_*` function handles one kind of content, looks objects up by a stable key (username,
title, slug under the fiche index), creates only what is absent, and returns a StepReport.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageLogEntry, Revision, Site

from demo import files, home_data
from demo.fiches_data import FICHES, fiche_slugs
from demo.media_data import DEFAULT_LOGO_COLOURS, DOCUMENTS, IMAGES, LOGO_COLOURS
from demo.report import StepReport, count_report
from demo.spec import BlockSpec, FicheSpec
from fiches.models import MAX_THEMES, FicheIndexPage, FichePage, FicheRelatedLink
from home.models import HomePage, SiteSettings
from members.models import Structure
from site_kazasso import content_version
from taxonomy.models import Theme, Typology

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@kazasso.re"
CHAPO_MAX_LENGTH = 400
TAGS_PER_FICHE = (2, 5)
PUBLICATION_TIME = time(9, 30)


@dataclass
class DemoContext:
    """What the steps share: where pages go, who signs revisions, and the media they reuse."""

    site: Site
    home: HomePage
    index: FicheIndexPage
    author: AbstractBaseUser | None = None
    images: dict[str, AbstractImage] = field(default_factory=dict)
    documents: dict[str, AbstractDocument] = field(default_factory=dict)


def get_context() -> DemoContext:
    """Find the pages the migrations create; without them there is nowhere to put the demo."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise CommandError("Aucun site par défaut : lancez d'abord « python manage.py migrate ».")
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise CommandError("La racine du site par défaut n'est pas la page d'accueil Kaz Asso.")
    index = FicheIndexPage.objects.descendant_of(home).first()
    if index is None:
        raise CommandError(
            "La page « Ressources » est introuvable : lancez d'abord « python manage.py migrate »."
        )
    return DemoContext(site=site, home=home, index=index)


# --- Checks ----------------------------------------------------------------------------------------


def check_fiche_specs() -> list[str]:
    """Problems in the demo data itself, found before anything is written."""
    problems: list[str] = []
    structures = set(Structure.objects.values_list("slug", flat=True))
    themes = set(Theme.objects.values_list("slug", flat=True))
    typologies = set(Typology.objects.values_list("slug", flat=True))
    slugs = fiche_slugs()
    if len(slugs) != len(FICHES):
        problems.append("deux fiches de démonstration ont le même identifiant d'URL")
    for spec in FICHES:
        if spec.structure not in structures:
            problems.append(f"{spec.slug} : structure inconnue « {spec.structure} »")
        if spec.typology not in typologies:
            problems.append(f"{spec.slug} : typologie inconnue « {spec.typology} »")
        problems += [f"{spec.slug} : thème inconnu « {slug} »" for slug in spec.themes if slug not in themes]
        if not 1 <= len(spec.themes) <= MAX_THEMES:
            problems.append(f"{spec.slug} : {len(spec.themes)} thèmes (1 à {MAX_THEMES} attendus)")
        if not TAGS_PER_FICHE[0] <= len(spec.tags) <= TAGS_PER_FICHE[1]:
            problems.append(f"{spec.slug} : {len(spec.tags)} mots-clés (2 à 5 attendus)")
        if len(spec.chapo) > CHAPO_MAX_LENGTH:
            problems.append(f"{spec.slug} : chapô de {len(spec.chapo)} caractères (400 au plus)")
        problems += [
            f"{spec.slug} : fiche liée inconnue « {slug} »" for slug in spec.related if slug not in slugs
        ]
    return problems


# --- Accounts --------------------------------------------------------------------------------------


def ensure_admin(ctx: DemoContext, password: str) -> StepReport:
    """The demo superuser; an existing account keeps its password so re-runs never lock anyone out."""
    user_model = get_user_model()
    user = user_model.objects.filter(username=ADMIN_USERNAME).first()
    created = user is None
    if user is None:
        user = user_model.objects.create_superuser(
            username=ADMIN_USERNAME,
            email=ADMIN_EMAIL,
            password=password,
            first_name="Admin",
            last_name="Kaz Asso",
        )
    ctx.author = user
    report = count_report(
        int(created),
        int(not created),
        singular="compte administrateur",
        plural="comptes administrateurs",
        feminine=False,
    )
    if created:
        return report
    return StepReport(report.created, report.existing, report.message + " (mot de passe inchangé)")


# --- Media -----------------------------------------------------------------------------------------


def _image_file(data: bytes, filename: str) -> dict[str, Any]:
    """Model fields for a new image: the file plus the size and hash Wagtail's upload form would set."""
    return {
        "file": ImageFile(io.BytesIO(data), name=filename),
        "file_size": len(data),
        "file_hash": hashlib.sha1(data, usedforsecurity=False).hexdigest(),  # Wagtail's content hash
    }


def ensure_images(ctx: DemoContext) -> StepReport:
    """Banners used by the image blocks of the fiches, drawn with Pillow."""
    image_model = get_image_model()
    created = existing = 0
    for spec in IMAGES:
        image = image_model.objects.filter(title=spec.title).first()
        if image is None:
            data = files.banner_png(spec.background, spec.accent, spec.motif)
            image = image_model.objects.create(
                title=spec.title, **_image_file(data, f"kazasso-{spec.key}.png")
            )
            created += 1
        else:
            existing += 1
        ctx.images[spec.key] = image
    return count_report(created, existing, singular="image", plural="images", feminine=True)


def ensure_structure_logos(ctx: DemoContext) -> StepReport:
    """A placeholder logo for each structure that has none, so cards and pages show one."""
    image_model = get_image_model()
    created = existing = 0
    for structure in Structure.objects.order_by("slug"):
        if structure.logo_id is not None:
            existing += 1
            continue
        title = f"Logo – {structure.short_name}"
        image = image_model.objects.filter(title=title).first()
        if image is None:
            background, accent = LOGO_COLOURS.get(structure.slug, DEFAULT_LOGO_COLOURS)
            data = files.logo_png(structure.short_name, background, accent)
            image = image_model.objects.create(title=title, **_image_file(data, f"logo-{structure.slug}.png"))
        structure.logo = image
        structure.save(update_fields=["logo"])
        created += 1
    return count_report(
        created,
        existing,
        singular="logo de structure",
        plural="logos de structures",
        feminine=False,
        done="ajouté",
    )


def ensure_documents(ctx: DemoContext) -> StepReport:
    """Downloadable models (statutes, budgets, check-lists) used by the document blocks."""
    document_model = get_document_model()
    created = existing = 0
    for spec in DOCUMENTS:
        document = document_model.objects.filter(title=spec.title).first()
        if document is None:
            data = files.document_bytes(spec.filename, spec.title, spec.lines)
            document = document_model.objects.create(
                title=spec.title,
                file=ContentFile(data, name=spec.filename),
                file_size=len(data),
                file_hash=hashlib.sha1(data, usedforsecurity=False).hexdigest(),  # Wagtail's content hash
            )
            created += 1
        else:
            existing += 1
        ctx.documents[spec.key] = document
    return count_report(created, existing, singular="document", plural="documents", feminine=False)


# --- Pages -----------------------------------------------------------------------------------------


def _aware(day: date) -> datetime:
    """A publication moment in the site's time zone, never in the future."""
    return min(timezone.make_aware(datetime.combine(day, PUBLICATION_TIME)), timezone.now())


def publish_as_of(page: Page, when: datetime, user: AbstractBaseUser | None) -> None:
    """Publish through one revision, then date it as if it had been published `when`.

    Queryset updates change the dates without saving the page again, so no extra revision appears.
    """
    revision = page.save_revision(user=user)
    revision.publish(user=user)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=when, last_published_at=when, latest_revision_created_at=when
    )
    Revision.objects.filter(pk=revision.pk).update(created_at=when)
    PageLogEntry.objects.filter(page=page).update(timestamp=when)
    content_version.changed()  # the dates changed without a signal


def ensure_home_content(ctx: DemoContext) -> StepReport:
    """Fill the home page the migration left empty; a page someone already wrote is not touched."""
    home = ctx.home
    if (home.intro or "").strip() or (home.about or "").strip():
        return StepReport(0, 1, "page d'accueil déjà rédigée, laissée telle quelle")
    home.hero_title = home_data.HERO_TITLE
    home.intro = home_data.INTRO
    home.about = home_data.ABOUT
    revision = home.save_revision(user=ctx.author)
    revision.publish(user=ctx.author)
    return StepReport(1, 0, "page d'accueil rédigée")


def ensure_site_settings(ctx: DemoContext) -> StepReport:
    """Contact and footer of the default site; only blank fields are filled in."""
    settings_obj, created = SiteSettings.objects.get_or_create(
        site=ctx.site, defaults=home_data.SITE_SETTINGS
    )
    if created:
        return StepReport(1, 0, "réglages du site créés")
    blanks = [name for name in home_data.SITE_SETTINGS if not getattr(settings_obj, name)]
    for name in blanks:
        setattr(settings_obj, name, home_data.SITE_SETTINGS[name])
    if blanks:
        settings_obj.save(update_fields=blanks)
        return StepReport(1, 0, "réglages du site complétés")
    return StepReport(0, 1, "réglages du site déjà renseignés")


def resolve_body(blocks: tuple[BlockSpec, ...], ctx: DemoContext) -> list[tuple[str, Any]]:
    """Swap image and document keys for the Wagtail objects created by the media steps."""
    resolved: list[tuple[str, Any]] = []
    for block_type, value in blocks:
        if block_type == "image" and isinstance(value, dict):
            value = {**value, "image": ctx.images[value["image"]]}
        elif block_type == "document" and isinstance(value, dict):
            value = {**value, "document": ctx.documents[value["document"]]}
        resolved.append((block_type, value))
    return resolved


def build_fiche(spec: FicheSpec, ctx: DemoContext, lookups: dict[str, dict[str, Any]]) -> FichePage:
    """An unsaved fiche with its taxonomy and tags; add_child then saves it as a draft."""
    page = FichePage(
        title=spec.title,
        slug=spec.slug,
        chapo=spec.chapo,
        structure=lookups["structures"][spec.structure],
        typology=lookups["typologies"][spec.typology],
        updated_on=min(spec.updated, timezone.localdate()),
        body=resolve_body(spec.body, ctx),
        live=False,
        owner=ctx.author,
    )
    page.themes = [lookups["themes"][slug] for slug in spec.themes]
    page.tags.add(*spec.tags)
    return page


def ensure_fiches(ctx: DemoContext) -> StepReport:
    """Create the missing fiches under /ressources/, link them, and publish each with one revision.

    A fiche counts as present when a child of the index has its slug, whatever its content.
    Links are only set on fiches created now, so existing pages are never modified.
    """
    present = set(ctx.index.get_children().values_list("slug", flat=True))
    lookups: dict[str, dict[str, Any]] = {
        "structures": {s.slug: s for s in Structure.objects.all()},
        "typologies": {t.slug: t for t in Typology.objects.all()},
        "themes": {t.slug: t for t in Theme.objects.all()},
    }
    created: list[tuple[FicheSpec, FichePage]] = []
    for spec in FICHES:
        if spec.slug in present:
            continue
        page = build_fiche(spec, ctx, lookups)
        ctx.index.add_child(instance=page)
        created.append((spec, page))

    if created:
        fiches = {fiche.slug: fiche for fiche in FichePage.objects.child_of(ctx.index)}
        for spec, page in created:
            targets = [fiches[slug] for slug in spec.related if slug in fiches]
            page.related_links = [
                FicheRelatedLink(fiche=fiche, sort_order=order) for order, fiche in enumerate(targets)
            ]
            publish_as_of(page, _aware(spec.published), ctx.author)
    return count_report(
        len(created), len(FICHES) - len(created), singular="fiche", plural="fiches", feminine=True
    )
