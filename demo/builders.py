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
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management.base import CommandError
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageLogEntry, Revision, Site

from demo.loader import FILES_DIR, Entry, Lookups, build_fiche, read
from demo.report import StepReport, count_report
from fiches.models import FicheIndexPage, FichePage, FicheRelatedLink
from home.models import HomePage, SiteSettings
from members.models import Structure
from site_kazasso import content_version
from taxonomy.models import Theme, Typology

ADMIN_USERNAME = "admin"
ADMIN_EMAIL = "admin@kazasso.re"
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
        ("compte administrateur", "comptes administrateurs"),
        feminine=False,
    )
    if created:
        return report
    return StepReport(report.created, report.existing, report.message + " (mot de passe inchangé)")


# --- Media -----------------------------------------------------------------------------------------


def _file_fields(filename: str) -> dict[str, Any]:
    """Model fields for a file of demo/data/files: the file plus the size and hash an upload sets
    (ImageFile, so that an image's width and height are read too)."""
    data = (FILES_DIR / filename).read_bytes()
    return {
        "file": ImageFile(io.BytesIO(data), name=filename),
        "file_size": len(data),
        "file_hash": hashlib.sha1(data, usedforsecurity=False).hexdigest(),  # Wagtail's content hash
    }


def _ensure_files(model: type[Any], entries: list[dict[str, str]], found: dict[str, Any]) -> tuple[int, int]:
    """Upload the files whose title is not in the library yet; `found` receives every object by key."""
    created = existing = 0
    for entry in entries:
        item = model.objects.filter(title=entry["title"]).first()
        if item is None:
            extra = (
                {"description": entry["description"]} if "description" in entry else {}
            )  # an image's alt text
            item = model.objects.create(title=entry["title"], **extra, **_file_fields(entry["file"]))
            created += 1
        else:
            existing += 1
        found[entry["key"]] = item
    return created, existing


def ensure_images(ctx: DemoContext) -> StepReport:
    """Banners used by the image blocks of the fiches."""
    created, existing = _ensure_files(get_image_model(), read("media.yaml")["images"], ctx.images)
    return count_report(created, existing, ("image", "images"), feminine=True)


def ensure_structure_logos(ctx: DemoContext) -> StepReport:
    """The shipped placeholder logo of each member structure that has none, for cards and pages."""
    image_model = get_image_model()
    logos = read("media.yaml")["logos"]
    created = existing = 0
    for structure in Structure.objects.order_by("slug"):
        if structure.logo_id is not None or structure.slug not in logos:
            existing += structure.logo_id is not None
            continue
        title = f"Logo – {structure.short_name}"
        image = image_model.objects.filter(title=title).first()
        if image is None:
            image = image_model.objects.create(title=title, **_file_fields(logos[structure.slug]))
        structure.logo = image
        structure.save(update_fields=["logo"])
        created += 1
    return count_report(
        created,
        existing,
        ("logo de structure", "logos de structures"),
        feminine=False,
        done="ajouté",
    )


def ensure_structure_contacts(ctx: DemoContext) -> StepReport:
    """Contact details of the structures of structures.yaml; only blank fields are filled in."""
    completed = kept = 0
    for slug, values in read("structures.yaml").items():
        structure = Structure.objects.get(slug=slug)
        blanks = [name for name in values if getattr(structure, name) in (None, "")]
        for name in blanks:
            setattr(structure, name, values[name])
        if blanks:
            structure.full_clean()
            structure.save(update_fields=blanks)
        completed += bool(blanks)
        kept += not blanks
    return count_report(
        completed,
        kept,
        ("fiche de contact de structure", "fiches de contact de structures"),
        feminine=True,
        done="complété",
        kept="déjà renseigné",
    )


def ensure_documents(ctx: DemoContext) -> StepReport:
    """Downloadable models (statutes, budgets, check-lists) used by the document blocks."""
    created, existing = _ensure_files(get_document_model(), read("media.yaml")["documents"], ctx.documents)
    return count_report(created, existing, ("document", "documents"), feminine=False)


def lookups(ctx: DemoContext) -> Lookups:
    """What the data files name by slug or key, for `demo.loader`."""
    return {
        "structures": {s.slug: s for s in Structure.objects.all()},
        "typologies": {t.slug: t for t in Typology.objects.all()},
        "themes": {t.slug: t for t in Theme.objects.all()},
        "images": ctx.images,
        "documents": ctx.documents,
        "links": read("media.yaml")["links"],
    }


def add_page(parent: Page, page: Page) -> Page:
    """Add a new page under `parent`, then validate it as publishing would (`full_clean`, which runs
    the model's `clean`): Wagtail checks only the title and slug of a page saved as a draft."""
    try:
        parent.add_child(instance=page)
        page.full_clean()
    except ValidationError as exc:
        raise CommandError(f"Page de démonstration « {page.slug} » invalide : {exc}") from exc
    return page


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
    data = read("home.yaml")
    home.hero_title, home.intro, home.about = data["hero_title"], data["intro"], data["about"]
    home.hero_image = ctx.images[data["hero_image"]]
    revision = home.save_revision(user=ctx.author)
    revision.publish(user=ctx.author)
    return StepReport(1, 0, "page d'accueil rédigée")


# The Site row home/migrations/0002 creates, before anyone says where the site is served.
MIGRATION_SITE_ADDRESS = ("localhost", 80)


def site_address(base_url: str) -> tuple[str, int]:
    """(hostname, port) of an address such as WAGTAILADMIN_BASE_URL, the port implied by the scheme."""
    parts = urlsplit(base_url)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def ensure_site_address(ctx: DemoContext) -> StepReport:
    """Serve the demo's absolute links (iCal, emails, sitemap, og:url) from the address
    `scripts/demo.sh` serves, WAGTAILADMIN_BASE_URL, instead of the migration's http://localhost/.
    A site someone already moved elsewhere is left alone."""
    site = ctx.site
    target = site_address(settings.WAGTAILADMIN_BASE_URL)
    if (site.hostname, site.port) == target:
        return StepReport(0, 1, f"adresse du site déjà {site.root_url}")
    if (site.hostname, site.port) != MIGRATION_SITE_ADDRESS:
        return StepReport(0, 1, f"adresse du site {site.root_url} laissée telle quelle")
    site.hostname, site.port = target
    site.save(update_fields=["hostname", "port"])
    return StepReport(1, 0, f"adresse du site : {site.root_url}")


def ensure_site_settings(ctx: DemoContext) -> StepReport:
    """Contact and footer of the default site; only blank fields are filled in."""
    values = read("home.yaml")["site_settings"]
    settings_obj, created = SiteSettings.objects.get_or_create(site=ctx.site, defaults=values)
    if created:
        return StepReport(1, 0, "réglages du site créés")
    blanks = [name for name in values if not getattr(settings_obj, name)]
    for name in blanks:
        setattr(settings_obj, name, values[name])
    if blanks:
        settings_obj.save(update_fields=blanks)
        return StepReport(1, 0, "réglages du site complétés")
    return StepReport(0, 1, "réglages du site déjà renseignés")


def ensure_fiches(ctx: DemoContext) -> StepReport:
    """Create the missing fiches under /ressources/, link them, and publish each with one revision.

    A fiche counts as present when a child of the index has its slug, whatever its content.
    Links are only set on fiches created now, so existing pages are never modified.
    """
    entries = read("fiches")
    present = set(ctx.index.get_children().values_list("slug", flat=True))
    found = lookups(ctx)
    created = [
        (entry, add_page(ctx.index, build_fiche(entry, found, ctx.author)))
        for entry in entries
        if entry["slug"] not in present
    ]
    if created:
        fiches = {fiche.slug: fiche for fiche in FichePage.objects.child_of(ctx.index)}
        for entry, page in created:
            set_related(page, entry, fiches)
            publish_as_of(page, _aware(entry["published"]), ctx.author)
    return count_report(len(created), len(entries) - len(created), ("fiche", "fiches"), feminine=True)


def set_related(page: FichePage, entry: Entry, fiches: dict[str, FichePage]) -> None:
    """Link the fiches the entry lists, in its order, among those that exist."""
    targets = [fiches[slug] for slug in entry.get("related", ()) if slug in fiches]
    page.related_links = [
        FicheRelatedLink(fiche=fiche, sort_order=order) for order, fiche in enumerate(targets)
    ]


def ensure_legal_pages(ctx: DemoContext) -> StepReport:
    """Fill the legal pages' fields the migration left blank or « à compléter »; keep the rest."""
    changed = 0
    pages = read("legal.yaml")
    for slug, values in pages.items():
        page = Page.objects.get(depth=3, slug=slug).specific
        todo = {
            name: value
            for name, value in values.items()
            if value and (not getattr(page, name) or "à compléter" in str(getattr(page, name)).lower())
        }
        if not todo:
            continue
        for name, value in todo.items():
            setattr(page, name, value)
        page.save_revision(user=ctx.author).publish(user=ctx.author)
        changed += 1
    if changed:
        return StepReport(changed, len(pages) - changed, "pages d'information légale complétées")
    return StepReport(0, len(pages), "pages d'information légale déjà renseignées")
