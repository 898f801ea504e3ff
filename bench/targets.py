"""Concrete public URLs picked from the database: one per page type the benchmark measures.

Pages are chosen for being typical of a large base rather than cheap: the most used theme, tag and
structure, a fiche from the middle of the table, the next upcoming event that takes registrations.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

LOAD_EVENT_PREFIX = "bench-charge-"
SEARCH_QUERY = "association"


@dataclass(frozen=True)
class Target:
    kind: str  # page type, in French: it is what the table shows
    path: str


def _most_common(queryset, field: str) -> str | None:
    from django.db.models import Count

    row = (
        queryset.exclude(**{f"{field}__isnull": True})
        .values(field)
        .annotate(n=Count("pk"))
        .order_by("-n", field)
        .first()
    )
    return row[field] if row else None


def pick_targets() -> list[Target]:
    """Home, listings (with and without filters), one page of each type and a search."""
    from django.db.models import Count
    from django.utils import timezone
    from taggit.models import Tag

    from events.models import EventPage
    from fiches.models import FichePage

    fiches = FichePage.objects.live()
    targets = [Target("accueil", "/"), Target("liste des fiches", "/ressources/")]
    theme = _most_common(fiches, "themes__slug")
    year = _most_common(fiches.order_by(), "first_published_at__year")
    if theme and year:
        query = urlencode({"theme": theme, "annee": year})
        targets.append(Target("liste filtrée (thème, année)", f"/ressources/?{query}"))
    tag = Tag.objects.annotate(uses=Count("fiches_fichetag_items")).order_by("-uses", "name").first()
    if tag:
        query = urlencode({"tagged_with": tag.name})
        targets.append(Target("liste filtrée (mot-clé)", f"/ressources/?{query}"))
    total = fiches.count()
    if total:
        fiche = fiches.order_by("pk")[total // 2]
        targets.append(Target("fiche", f"/ressources/{fiche.slug}/"))
    targets.append(Target("liste des événements", "/evenements/"))
    event = (
        EventPage.objects.live()
        .filter(start__gt=timezone.now(), registration_enabled=True)
        .exclude(slug__startswith=LOAD_EVENT_PREFIX)
        .order_by("start", "pk")
        .first()
    )
    if event:
        targets.append(Target("événement", f"/evenements/{event.slug}/"))
    structure = _most_common(fiches, "structure__slug")
    if structure:
        targets.append(Target("structure", f"/structures/{structure}/"))
    if tag:
        targets.append(Target("mot-clé", f"/tags/{tag.slug}/"))
    if theme:
        targets.append(Target("thème", f"/themes/{theme}/"))
    targets.append(Target("recherche", "/recherche/?" + urlencode({"q": SEARCH_QUERY})))
    targets.append(Target("suggestions", "/recherche/suggestions/?" + urlencode({"q": SEARCH_QUERY[:4]})))
    return targets


def static_target() -> Target:
    """The site's stylesheet as whitenoise serves it (the reference for the ratios)."""
    return Target("fichier statique", "/static/css/kazasso.css")
