"""Plain descriptions of demo content, and helpers that write fiche bodies concisely.

Data modules describe images and documents by a short key; `builders` swaps keys for the
Wagtail objects, so the content can be written before any object exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

BlockSpec = tuple[str, dict[str, Any] | str]
"""A StreamField child as (block type, value); image and document values hold a key, not an object."""

SERVICE_PUBLIC = (
    "Associations – Service-Public.fr",
    "https://www.service-public.fr/associations",
    "Les fiches officielles sur la création, le fonctionnement et le financement des associations.",
)
ASSOCIATIONS_GOUV = (
    "Le portail des associations",
    "https://www.associations.gouv.fr/",
    "Le site du ministère chargé de la vie associative : guides, actualités et dispositifs.",
)
COMPTE_ASSO = (
    "Le Compte Asso",
    "https://lecompteasso.associations.gouv.fr/",
    "Le service en ligne pour mettre à jour les informations de l'association et demander des subventions.",
)
LEGIFRANCE = (
    "Légifrance",
    "https://www.legifrance.gouv.fr/",
    "Les textes officiels, dont la loi du 1er juillet 1901 relative au contrat d'association.",
)


@dataclass(frozen=True)
class FicheSpec:
    """One demo fiche; taxonomy values are slugs of the reference lists of taxonomy.md."""

    slug: str
    title: str
    chapo: str
    structure: str
    typology: str
    themes: tuple[str, ...]
    tags: tuple[str, ...]
    published: date
    updated: date
    body: tuple[BlockSpec, ...]
    related: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class ImageSpec:
    """A generated banner: flat background, a few shapes chosen by `motif`."""

    key: str
    title: str
    background: str
    accent: str
    motif: str


@dataclass(frozen=True)
class DocumentSpec:
    """A generated downloadable file; `lines` is its text, one entry per line or spreadsheet row."""

    key: str
    title: str
    filename: str
    lines: tuple[str, ...]


def _html(text: str) -> str:
    """Wrap plain text in a paragraph; text already starting with a tag is kept as HTML."""
    return text if text.lstrip().startswith("<") else f"<p>{text}</p>"


def heading(text: str, level: str = "h2") -> BlockSpec:
    return ("heading", {"text": text, "level": level})


def paragraph(*parts: str) -> BlockSpec:
    """Several paragraphs in one rich-text block, as an editor would type them."""
    return ("paragraph", "".join(_html(part) for part in parts))


def bullets(items: list[str] | tuple[str, ...], intro: str = "", ordered: bool = False) -> BlockSpec:
    """A rich-text list, optionally introduced by a sentence."""
    tag = "ol" if ordered else "ul"
    listing = "".join(f"<li>{item}</li>" for item in items)
    return ("paragraph", (_html(intro) if intro else "") + f"<{tag}>{listing}</{tag}>")


def key_points(*items: str, title: str = "À retenir") -> BlockSpec:
    listing = "".join(f"<li>{item}</li>" for item in items)
    return ("key_points", {"title": title, "text": f"<ul>{listing}</ul>"})


def testimony(quote: str, author: str, role: str) -> BlockSpec:
    return ("testimony", {"quote": quote, "author": author, "role": role})


def image(key: str, alt: str, caption: str = "") -> BlockSpec:
    return ("image", {"image": key, "alt": alt, "caption": caption})


def document(key: str, description: str = "", title: str = "") -> BlockSpec:
    return ("document", {"document": key, "title": title, "description": description})


def faq(*pairs: tuple[str, str], title: str = "Questions-réponses") -> BlockSpec:
    items = [{"question": question, "answer": _html(answer)} for question, answer in pairs]
    return ("faq", {"title": title, "items": items})


def links(*entries: tuple[str, str, str], title: str = "Pour aller plus loin") -> BlockSpec:
    items = [{"title": name, "url": url, "description": description} for name, url, description in entries]
    return ("links", {"title": title, "links": items})
