"""Matching and ranking for /recherche/: every match of a query with its score, in two queries.

On PostgreSQL, `search_posting` (search/migrations/0003) holds, for each word of each indexed
page, the score Wagtail's ranking gives that page for that word alone. A query is normalised
by the same text-search configuration as the index (French stemming, accents folded, stop
words dropped), then the ids and scores of its words are read from a covering index, packed
as bytes (`word_lists`). Elsewhere (SQLite) Wagtail's own search gives one list of ids and
scores for the whole query (search/engine.py).

`combine` then works in the catalogue's positions (taxonomy/catalogue.py) with numpy:

- all the words must be in the page (title or body), as with Wagtail's "and" operator; a
  query whose words are never all together falls back to any of them, as before;
- the score of a page is the sum over the words of their score times their rarity among the
  searched pages, ln(1 + N / pages with the word): a rare word weighs more than a common one,
  and a one-word query keeps exactly the order Wagtail's ranking gives.

Unlike a ranked LIMIT, every match comes back, so the result count and the facet counts cover
all of them, and the work no longer grows with the length of the pages.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import Model
from modelsearch.utils import get_descendants_content_types_pks

# The words of a query as the index holds them (stemmed, accents folded, stop words dropped).
WORDS = "SELECT tsvector_to_array(to_tsvector(%s::regconfig, %s))"
# One row per word and page type: its pages' ids and scores as big-endian 4-byte integers and
# floats, which numpy reads in place (no Python object per page). Both aggregates read the rows
# in the same order, so the two byte strings stay aligned.
POSTINGS = """
SELECT lexeme, content_type_id, string_agg(int4send(object_id), ''), string_agg(float4send(score), '')
FROM search_posting
WHERE lexeme = ANY(%s) AND content_type_id = ANY(%s)
GROUP BY lexeme, content_type_id
"""

Pages = tuple[np.ndarray, np.ndarray]  # page ids and their scores, aligned
NO_PAGES: Pages = (np.zeros(0, dtype=np.int64), np.zeros(0))


@dataclass
class WordLists:
    """The words of a query and, per model, the pages holding each (ids and one-word scores)."""

    words: list[str]
    lists: dict[type[Model], dict[str, Pages]] = field(default_factory=dict)

    def pages(self, model: type[Model], word: str) -> Pages:
        """The pages of `model` holding `word` (none when it holds no such page)."""
        return self.lists[model].get(word, NO_PAGES)

    def pages_with(self, word: str) -> int:
        return sum(len(per_word[word][0]) for per_word in self.lists.values() if word in per_word)

    def weights(self, documents: int) -> dict[str, float]:
        """Rarity of each word, ln(1 + N / pages with it); one word alone weighs 1."""
        if len(self.words) == 1:
            return {self.words[0]: 1.0}
        return {
            word: math.log(1 + max(documents, 1) / count) if (count := self.pages_with(word)) else 0.0
            for word in self.words
        }


def available() -> bool:
    """True when the site searches PostgreSQL through the French backend (which has the table)."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return connection.vendor == "postgresql" and backend == "search.backend"


def word_lists(text: str, models: Iterable[type[Model]]) -> WordLists:
    """The words of `text` and the pages of `models` holding each, from the word-level index."""
    models = list(models)
    model_of = {ct: model for model in models for ct in get_descendants_content_types_pks(model)}
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG", "french_unaccent")
    with connection.cursor() as cursor:
        cursor.execute(WORDS, [config, text])
        found = WordLists(words=sorted(cursor.fetchone()[0] or []), lists={model: {} for model in models})
        if not found.words:  # only stop words
            return found
        cursor.execute(POSTINGS, [found.words, list(model_of)])
        rows = cursor.fetchall()
    for word, content_type_id, ids, scores in rows:
        pages = (
            np.frombuffer(ids, dtype=">i4").astype(np.int64),
            np.frombuffer(scores, dtype=">f4").astype(float),
        )
        per_word = found.lists[model_of[content_type_id]]
        if word in per_word:  # pages of a subclass: one list per word and model
            pages = tuple(np.concatenate(pair) for pair in zip(per_word[word], pages, strict=True))
        per_word[word] = pages
    return found


def combine(
    per_word: Sequence[tuple[float, Pages]], lookup: np.ndarray, size: int, every: bool
) -> tuple[np.ndarray, np.ndarray]:
    """(found, scores): for each of the `size` positions of a catalogue index, whether the page
    holds every word (or any, `every=False`) and its score, the sum of the weighted word scores.

    `lookup[pk]` is the position of page `pk`, or -1: pages outside the index (drafts, private
    pages) are dropped here.
    """
    found = np.full(size, every, dtype=bool)
    scores = np.zeros(size)
    if not per_word:
        found[:] = False
    for weight, (ids, word_scores) in per_word:
        at = positions(ids, lookup)
        kept = at >= 0
        holds = np.zeros(size, dtype=bool)
        holds[at[kept]] = True
        scores[at[kept]] += weight * word_scores[kept]  # a page appears once per word
        found = found & holds if every else found | holds
    return found, scores


def positions(ids: np.ndarray, lookup: np.ndarray) -> np.ndarray:
    """The catalogue positions of page ids, -1 for pages it does not hold."""
    at = np.full(len(ids), -1, dtype=np.int64)
    inside = (ids >= 0) & (ids < len(lookup))
    at[inside] = lookup[ids[inside]]
    return at
