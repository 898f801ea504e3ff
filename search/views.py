"""Public search over live fiches (issue 5 extends it with facets and events)."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from fiches.listing import live_fiches
from fiches.models import FichePage
from taxonomy.facets import clean_param

MAX_QUERY_LENGTH = 200
PER_PAGE = 12


def search(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("q", "").replace("\x00", "")
    query = " ".join(raw.split())[:MAX_QUERY_LENGTH]
    notices = []
    if len(raw.strip()) > MAX_QUERY_LENGTH:
        notices.append(_("Votre recherche a été raccourcie à %(n)s caractères.") % {"n": MAX_QUERY_LENGTH})
    results = None
    page = None
    if query:
        results = live_fiches().search(query, order_by_relevance=True)
        paginator = Paginator(results, PER_PAGE)
        page = paginator.get_page(clean_param(request.GET.get("page")) or 1)
        ids = [fiche.pk for fiche in page.object_list]
        cards = FichePage.objects.filter(pk__in=ids).select_related("structure", "typology")
        by_id = {fiche.pk: fiche for fiche in cards}
        page.object_list = [by_id[pk] for pk in ids if pk in by_id]
    return render(
        request,
        "search/search.html",
        {"search_query": query, "page": page, "notices": notices},
    )
