"""Public pages /tags/, /tags/<slug>/ and /themes/<slug>/: thin views over browse.queries."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from taggit.models import Tag

from browse.feeds import SubjectFeed, TagFeed, ThemeFeed
from browse.queries import (
    BrowseContent,
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
from taxonomy.models import Theme

Crumb = tuple[str, str | None]


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


def subject_page(
    request: HttpRequest, feed: type[SubjectFeed], subject: Tag | Theme, content: BrowseContent, parent: Crumb
) -> HttpResponse:
    """A tag's or a theme's page: what carries it, its feeds, and where it sits below `parent`."""
    kind, args = feed.kind, [subject.slug]
    return render(
        request,
        f"browse/{kind}_detail.html",
        {
            kind: subject,
            "subject": subject,
            "content": content,
            "feeds": {
                "rss": reverse(f"browse:feed_{kind}", args=args),
                "atom": reverse(f"browse:feed_{kind}_atom", args=args),
                "title": feed.title_for(subject),
            },
            "crumbs": [(_("Accueil"), "/"), parent, (subject.name, None)],
            "alert_query": f"{kind}={subject.slug}",  # the alerts' form, with this subject ticked
        },
    )


def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_tag(slug)
    return subject_page(
        request, TagFeed, tag, tag_content(tag, request=request), (_("Mots-clés"), reverse("browse:tag_list"))
    )


def theme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    theme = get_theme(slug)
    return subject_page(
        request, ThemeFeed, theme, theme_content(theme, request=request), (_("Ressources"), "/ressources/")
    )
