"""Public search: /recherche/ with facets, and /recherche/suggestions/ for the search box."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from modelsearch.utils import normalise_query_string
from taggit.models import Tag
from wagtail.models import Page

from fiches.listing import annotate_fiche_counts
from search.engine import EVENT, FICHE, SiteSearch, load_cards, normalise_query
from site_kazasso.ratelimit import retry_after, too_many_requests
from taxonomy.catalogue import catalogue
from taxonomy.facets import querystring
from taxonomy.models import Theme

SUGGESTIONS = 8


def log_query(query: str) -> None:
    """Count the query for the admin's search terms report (and the coordination's picks)."""
    from wagtail.contrib.search_promotions.models import Query

    Query.get(query).add_hit()


def promotions(query: str) -> list:
    """The coordination's picks for the query, in their order."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    if not query:
        return []
    # A promoted page shows only while it is live and public, like every search result.
    return list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=True) | Q(page__in=Page.objects.live().public()))
        .select_related("page")
        .order_by("sort_order")
    )


def search(request: HttpRequest) -> HttpResponse:
    wait = retry_after(request, "search")
    if wait is not None:
        return too_many_requests(request, wait)
    engine = SiteSearch(request.GET)
    facets = engine.facet_results()
    page, page_range = engine.paginate()
    number = page.number
    if engine.query and number == 1:
        log_query(engine.query)
    context = {
        "search_query": engine.query,
        "crumbs": [(_("Accueil"), "/"), (_("Recherche"), None)],
        "engine": engine,
        "facets": facets,
        "active_filters": engine.active_filters(),
        "notices": engine.notices,
        "results": load_cards(list(page.object_list), request),
        "page": page,
        "page_range": page_range,
        "previous_url": engine.page_url(number - 1) if page.has_previous() else None,
        "next_url": engine.page_url(number + 1) if page.has_next() else None,
        "result_count": page.paginator.count,
        "structures": engine.structures(),
        "promotions": promotions(engine.query),
        "sort_urls": {
            "pertinence": querystring(engine.params, tri="pertinence"),
            "date": querystring(engine.params, tri="date"),
        },
        "clear_url": querystring(engine.params, **{k: None for k in engine.params if k != "q"}),
    }
    if not page.paginator.count:
        context["popular_tags"] = popular_tags()
        context["themes"] = annotate_fiche_counts(Theme.objects.ordered(), "theme")
    return render(request, "search/search.html", context)


def popular_tags(limit: int = 15) -> list[Tag]:
    """The tags most used by live fiches and events, offered when a search finds nothing."""
    cat = catalogue()
    uses = cat.fiches.counts("tag", cat.fiches.all)
    for pk, n in cat.events.counts("tag", cat.events.all).items():
        uses[pk] = uses.get(pk, 0) + n
    best = sorted(uses, key=lambda pk: (-uses[pk], cat.tag_sort_keys[pk]))[:limit]
    tags = {tag.pk: tag for tag in Tag.objects.filter(pk__in=best)}
    return [tags[pk] for pk in best if pk in tags]


def suggestions(request: HttpRequest) -> HttpResponse:
    """At most 8 titles with their URLs, for the search box's progressive enhancement.

    Titles holding every word typed, the last one as a prefix ("benev" finds "Bénévoles…"),
    accents ignored, read from the catalogue's title words: titles starting with the words
    first, then the shortest.
    """
    wait = retry_after(request, "suggestions")
    if wait is not None:
        return too_many_requests(request, wait, as_json=True)
    query, _truncated = normalise_query(request.GET.get("q"))
    if len(query) < 2:
        return JsonResponse({"query": query, "results": []})
    cat = catalogue()
    scored = [
        (key, kind, index.pks[at])
        for kind, index in ((FICHE, cat.fiches), (EVENT, cat.events))
        for key, at in index.title_words.best(query, SUGGESTIONS)
    ]
    best = sorted(scored)[:SUGGESTIONS]
    # A title and a URL are all a suggestion shows: plain pages, no card data.
    pages = Page.objects.only("id", "title", "url_path", "locale_id").in_bulk([pk for _k, _kind, pk in best])
    return JsonResponse(
        {
            "query": query,
            "results": [
                {"title": pages[pk].title, "url": pages[pk].get_url(request), "type": kind}
                for _key, kind, pk in best
                if pk in pages
            ],
        }
    )
