"""Public pages /tags/, /tags/<slug>/ and /themes/<slug>/: thin views over browse.queries."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from browse.queries import (
    filter_tags,
    get_tag,
    get_theme,
    group_by_initial,
    most_used,
    tag_content,
    theme_content,
    used_tags,
)
from taxonomy.facets import MAX_PARAM_LENGTH, clean_param


def feed_links(name: str, *args: str) -> dict[str, str]:
    """RSS and Atom URLs of one feed, for the page head and the subscribe links."""
    return {"rss": reverse(f"browse:{name}", args=args), "atom": reverse(f"browse:{name}_atom", args=args)}


def tag_list(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "")
    query = clean_param(raw)
    notices = []
    if len(raw.strip()) > MAX_PARAM_LENGTH:
        notices.append(_("Votre filtre a été raccourci à %(n)s caractères.") % {"n": MAX_PARAM_LENGTH})
    tags = used_tags()
    shown = filter_tags(tags, query)
    return render(
        request,
        "browse/tag_list.html",
        {
            "query": query,
            "tag_total": len(tags),
            "shown_count": len(shown),
            "groups": group_by_initial(shown),
            "most_used": [] if query else most_used(tags),
            "notices": notices,
            "crumbs": [(_("Accueil"), "/"), (_("Mots-clés"), None)],
        },
    )


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_tag(slug)
    return render(
        request,
        "browse/tag_detail.html",
        {
            "tag": tag,
            "content": tag_content(tag),
            "feeds": feed_links("feed_tag", tag.slug),
            "crumbs": [(_("Accueil"), "/"), (_("Mots-clés"), reverse("browse:tag_list")), (tag.name, None)],
        },
    )


def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    theme = get_theme(slug)
    return render(
        request,
        "browse/theme_detail.html",
        {
            "theme": theme,
            "content": theme_content(theme),
            "feeds": feed_links("feed_theme", theme.slug),
            "crumbs": [(_("Accueil"), "/"), (_("Ressources"), "/ressources/"), (theme.name, None)],
        },
    )
