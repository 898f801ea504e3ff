"""Keyword matching through Wagtail's search backend: one rule for /recherche/ and the listings.

The site search (search/engine.py) and the keyword box of /ressources/ (fiches/listing.py) both
clean the typed text here and ask the configured backend (WAGTAILSEARCH_BACKENDS) for the same
thing: every word, or any of them when no page holds them all. A keyword therefore finds in a
listing exactly the pages the search page finds.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from wagtail.query import PageQuerySet

# The best pages read (and faceted) per search: twenty pages of results. Reading a match costs
# more than ranking it (a page object each), so a word most pages hold ("association") reads
# these and says that more match.
MAX_MATCHES = 200


def max_query_length() -> int:
    return getattr(settings, "SEARCH_MAX_QUERY_LENGTH", 200)


def normalise_query(raw: str | None) -> tuple[str, bool]:
    """Drop control characters (NUL included), collapse spaces, cut to the documented length.

    Returns the cleaned text and whether it was cut.
    """
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in (raw or ""))
    text = " ".join(text.split())
    limit = max_query_length()
    return text[:limit].strip(), len(text) > limit


def search_terms(query: str) -> str:
    """Words only: quotes, operators and punctuation never reach the search backend's parser."""
    return " ".join(re.findall(r"\w+", query))


def best_matches(pages: PageQuerySet, query: str, limit: int = MAX_MATCHES) -> tuple[list[int], bool]:
    """Ids of the best pages of `pages` for the query, best first, and whether more match:
    all the words, or any of them when no page holds them all.

    Wagtail's search gives pages, not ids, and building a page costs more than ranking it: the
    best `limit` are enough to read (and to facet).
    """
    terms = search_terms(query)
    if not terms:
        return [], False
    pages = pages.only("id")
    for operator in ("and", "or"):
        results = pages.search(terms, operator=operator, order_by_relevance=True)
        found = [page.pk for page in results[: limit + 1]]
        if found or " " not in terms:
            return found[:limit], len(found) > limit
    return [], False
