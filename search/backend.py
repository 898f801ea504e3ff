"""Wagtail's PostgreSQL search backend, for French, with a word-level index that keeps common
words fast.

- Autocomplete: the stock backend always autocompletes with the "simple" configuration, so
  "treso" would not find "Trésorerie"; "simple_unaccent" (search/migrations/0001_initial_squashed) keeps
  prefixes unstemmed but folds accents.
- Ranking a common word ("association") with the stock backend decompresses and ranks the
  body vector of nearly every page: 70 to 110 ms at 10,000 fiches. The index also writes, for
  each word of each page, the score Wagtail's ranking gives the page for that word alone
  (`search.models.Posting`), with the weights of the models' current `search_fields` boosts.
  A plain-text query on pages then joins the rows of its few words: the pages holding all
  the words (or any, with `operator="or"`), the same pages as the stock backend; one word keeps
  exactly its order; several words add their scores, each weighted by its rarity,
  ln(1 + pages / pages holding it). Other searches (phrases, fields, fuzzy, non-page models)
  are the stock backend's.

Selected in WAGTAILSEARCH_BACKENDS (site_kazasso/settings/base.py) when the database is
PostgreSQL; nothing else in the project knows which backend runs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import Any

from django.db import connections, transaction
from django.db.models import F, FilteredRelation, Q, QuerySet
from django.db.models.functions import Coalesce
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchRebuilder,
)
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page

# How Wagtail's compiler cuts a plain-text query into terms; a term of letters and digits only
# is one word for PostgreSQL's parser (others, "l'AG", "3.5", go to the stock search).
TERMS = re.compile(r"[\s\-]+")
WORD = re.compile(r"[^\W_]+")

ENTRY = {
    name: IndexEntry._meta.get_field(name).column
    for name in ("content_type", "object_id", "title", "body", "title_norm")
}

# The query's words as the index holds them (stemmed, accents folded, stop words dropped) and
# the number of pages holding each.
WORDS = """
SELECT w.lexeme, (SELECT count(*) FROM search_posting p WHERE p.lexeme = w.lexeme)
FROM unnest(tsvector_to_array(to_tsvector(coalesce(%s::regconfig, get_current_ts_config()), %s))) AS w(lexeme)
"""

# Each word of the title and body vectors of some entries, with the score Wagtail's
# PostgreSQL ranking gives a one-word query: ts_rank(title) * title_norm + ts_rank(body).
# The word is made a tsquery by quoting it, without going through a parser again.
WRITE = f"""
INSERT INTO search_posting (lexeme, object_id, score)
SELECT words.lexeme, e.{ENTRY["object_id"]}::integer,
       ts_rank(%(weights)s::real[], e.{ENTRY["title"]}, word.query) * e.{ENTRY["title_norm"]}
       + ts_rank(%(weights)s::real[], e.{ENTRY["body"]}, word.query)
FROM {IndexEntry._meta.db_table} e
CROSS JOIN LATERAL (
    SELECT lexeme FROM unnest(e.{ENTRY["title"]}) UNION SELECT lexeme FROM unnest(e.{ENTRY["body"]})
) AS words
CROSS JOIN LATERAL (
    SELECT ('''' || replace(replace(words.lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery AS query
) AS word
WHERE e.{ENTRY["content_type"]} = ANY(%(content_types)s)
"""  # noqa: S608 (names of Wagtail's index model, from its _meta)
WRITE_PAGES = WRITE + f" AND e.{ENTRY['object_id']} = ANY(%(ids)s)"


def page_content_types() -> list[int]:
    return list(get_descendants_content_types_pks(Page))


def write_postings(connection: Any, page_ids: Iterable[int] | None = None) -> None:
    """Rewrite the word rows of these pages (all pages when None) from their index entries."""
    params = {"weights": get_sql_weights(), "content_types": page_content_types()}
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        if page_ids is None:
            cursor.execute("TRUNCATE search_posting")
            cursor.execute(WRITE, params)
            cursor.execute("ANALYZE search_posting")
            return
        ids = [int(pk) for pk in page_ids]
        cursor.execute("DELETE FROM search_posting WHERE object_id = ANY(%s)", [ids])
        params["ids"] = [str(pk) for pk in ids]
        cursor.execute(WRITE_PAGES, params)


class PostingsIndex(PostgresIndex):
    """Wagtail's index, plus the word rows of the pages it adds, removes or resets."""

    def add_items(self, model: Any, objs: Iterable[Any]) -> None:
        objs = list(objs)
        super().add_items(model, objs)  # writes the entries and their title norms
        if issubclass(model, Page):
            write_postings(self.write_connection, [obj.pk for obj in objs])

    def delete_item(self, item: Any) -> None:
        super().delete_item(item)
        if isinstance(item, Page):
            with self.write_connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_posting WHERE object_id = %s", [item.pk])

    def reset(self) -> None:
        super().reset()
        with self.write_connection.cursor() as cursor:
            cursor.execute("TRUNCATE search_posting")


class PostingsRebuilder(PostgresSearchRebuilder):
    def finish(self) -> None:
        super().finish()  # every title norm recomputed: every score with it
        write_postings(self.index.write_connection)


class PostingsAtomicRebuilder(PostgresSearchAtomicRebuilder):
    def finish(self) -> None:
        super().finish()
        write_postings(self.index.write_connection)


class PostingsSearchQueryCompiler(PostgresSearchQueryCompiler):
    def plain_terms(self) -> list[str] | None:
        """The terms of a plain-text query over every field of a page model, else None."""
        if self.fields is not None or not isinstance(self.query, PlainText):
            return None
        if not issubclass(self.queryset.model, Page):
            return None
        terms = [term for term in TERMS.split(self.query.query_string) if term]
        return terms if all(WORD.fullmatch(term) for term in terms) else None

    def words(self, config: Any, terms: list[str]) -> list[tuple[str, float]]:
        """(word, weight) of the words to match; none when nothing can match."""
        found = getattr(self, "found_words", None)
        if found is None:
            with connections[self.queryset.db].cursor() as cursor:
                cursor.execute(WORDS, [config, " ".join(terms)])
                counts = dict(cursor.fetchall())
            every = self.query.operator == "and"
            if every and not all(counts.values()):
                counts = {}  # a word no page holds: no page holds them all
            counts = {word: n for word, n in counts.items() if n}
            if len(counts) > 1:
                pages = Page.objects.using(self.queryset.db).count()
                found = [(word, math.log(1 + pages / n)) for word, n in sorted(counts.items())]
            else:
                found = [(word, 1.0) for word in counts]
            self.found_words = found
        return found

    def search(self, config: Any, start: int, stop: int | None, score_field: Any = None, backend: Any = None):
        terms = self.plain_terms()
        if terms is None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        words = self.words(config, terms)
        if not words:
            return self.queryset.none()
        every = self.query.operator == "and"
        queryset: QuerySet = self.queryset
        score: Any = None
        matched = Q()
        for n, (word, weight) in enumerate(words):
            name = f"search_word_{n}"
            queryset = queryset.alias(
                **{name: FilteredRelation("search_postings", condition=Q(search_postings__lexeme=word))}
            )
            term: Any = F(f"{name}__score") if every else Coalesce(F(f"{name}__score"), 0.0)
            if weight != 1.0:
                term = term * weight
            score = term if score is None else score + term
            holds = Q(**{f"{name}__score__isnull": False})
            if every:
                queryset = queryset.filter(holds)
            else:
                matched |= holds
        if not every:
            queryset = queryset.filter(matched)
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: score})
        if self.order_by_relevance:
            queryset = queryset.order_by(score.desc(), "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")  # a stable order, as the stock backend gives
        return queryset[start:stop]


class PostingsSearchBackend(PostgresSearchBackend):
    query_compiler_class = PostingsSearchQueryCompiler
    index_class = PostingsIndex
    rebuilder_class = PostingsRebuilder
    atomic_rebuilder_class = PostingsAtomicRebuilder

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.autocomplete_config = params.get("AUTOCOMPLETE_SEARCH_CONFIG", "simple")


SearchBackend = PostingsSearchBackend
