"""Search through the word-level index (PostgreSQL): every match of a query, ranked, in one query.

`search_posting` (search/migrations/0003) holds, for each word of each indexed page, the score
Wagtail's ranking gives that page for that word alone. A query is normalised by the same
text-search configuration as the index (French stemming, accents folded, stop words dropped),
then reads the rows of its words from a covering index:

- all the words must be in the page (title or body), as with Wagtail's "and" operator; a
  query whose words are never all together falls back to any of them, as before;
- the score of a page is the sum over the words of their score times their rarity among the
  searched pages, ln(1 + N / pages with the word): a rare word weighs more than a common one,
  and a one-word query keeps exactly the order Wagtail's ranking gives.

Unlike a ranked LIMIT, every match comes back (ids and scores only), so the result count and
the facet counts cover all of them, and the work no longer grows with the length of the pages.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from django.conf import settings
from django.db import connection
from django.db.models import Model
from modelsearch.utils import get_descendants_content_types_pks

# The words of a query as the index holds them (stemmed, accents folded, stop words dropped).
WORDS = "SELECT tsvector_to_array(to_tsvector(%s::regconfig, %s))"
# One row per word and page type: the ids and scores of its pages, read in index order. Scores
# travel as millionths in integers, which PostgreSQL prints and Python parses faster than floats.
POSTINGS = """
SELECT lexeme, content_type_id, array_agg(object_id), array_agg((score * 1000000)::integer)
FROM search_posting
WHERE lexeme = ANY(%s) AND content_type_id = ANY(%s)
GROUP BY lexeme, content_type_id
"""


def available() -> bool:
    """True when the site searches PostgreSQL through the French backend (which has the table)."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return connection.vendor == "postgresql" and backend == "search.backend"


Matches = tuple[list[int], list[float]]  # page ids and their scores, in the same order


def matches(text: str, models: Iterable[type[Model]], documents: int) -> dict[type[Model], Matches]:
    """{model: (pks, scores)} for the pages of `models` matching `text`, in no particular order.

    `documents`: how many pages are searched (the N of the rarity weight).
    """
    models = list(models)
    model_of = {ct: model for model in models for ct in get_descendants_content_types_pks(model)}
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG", "french_unaccent")
    with connection.cursor() as cursor:
        cursor.execute(WORDS, [config, text])
        lexemes = sorted(cursor.fetchone()[0])
        if not lexemes:  # only stop words
            return {model: ([], []) for model in models}
        cursor.execute(POSTINGS, [lexemes, list(model_of)])
        rows = cursor.fetchall()
    words: dict[str, dict[type[Model], list[tuple[list[int], list[int]]]]]
    words = {lexeme: {} for lexeme in lexemes}
    for lexeme, content_type_id, pks, scores in rows:
        words[lexeme].setdefault(model_of[content_type_id], []).append((pks, scores))
    weights = {}
    for lexeme, lists in words.items():
        pages = sum(len(pks) for per_type in lists.values() for pks, _scores in per_type)
        weights[lexeme] = math.log(1 + max(documents, 1) / pages) if pages else 0.0
    found = {model: combine(words, weights, model, every=True) for model in models}
    if len(words) > 1 and not any(pks for pks, _scores in found.values()):  # never together: any of them
        found = {model: combine(words, weights, model, every=False) for model in models}
    return found


def combine(words: dict, weights: dict[str, float], model: type[Model], every: bool) -> Matches:
    """The pages of `model` holding every word (or any), scores weighted by rarity."""
    if len(words) == 1:  # one word: its weight changes no order, the arrays are the answer
        (lists,) = words.values()
        if len(lists.get(model, ())) == 1:
            return lists[model][0]
        pairs = [pair for pks, scores in lists.get(model, ()) for pair in zip(pks, scores, strict=True)]
        return [pk for pk, _score in pairs], [score for _pk, score in pairs]
    total: dict[int, float] = {}
    for position, (lexeme, lists) in enumerate(sorted(words.items(), key=lambda item: size(item[1], model))):
        weight = weights[lexeme]
        current: dict[int, float] = {}
        for pks, scores in lists.get(model, ()):
            current.update(zip(pks, scores, strict=True))
        if every and position > 0:
            total = {pk: score + weight * current[pk] for pk, score in total.items() if pk in current}
        elif every:
            total = {pk: weight * score for pk, score in current.items()}
        else:
            for pk, score in current.items():
                total[pk] = total.get(pk, 0.0) + weight * score
        if every and not total:
            break
    return list(total), list(total.values())


def size(lists: dict, model: type[Model]) -> int:
    return sum(len(pks) for pks, _scores in lists.get(model, ()))
