"""Wagtail's PostgreSQL search backend, tuned for French and for large result sets.

- Autocomplete: the stock backend always autocompletes with the "simple" configuration, so
  "treso" would not find "Trésorerie"; "simple_unaccent" (search/migrations/0001) keeps
  prefixes unstemmed but folds accents.
- Matching: the stock compiler matches the concatenation of the title and body vectors and
  *selects* it, so PostgreSQL builds that vector for every candidate row and carries it
  through the relevance sort (thousands of rows for a common word). Here a one-word or
  any-word query matches the title or the body (GIN-indexed, no concatenation); a query whose
  words may sit some in the title and some in the body (all words, phrases) still matches the
  concatenation, but through an alias, so it is not selected: the same rows as before, for a
  fraction of the work.

Selected in settings only when the database is PostgreSQL.
"""

from typing import Any

from django.db.models import Q, QuerySet
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import And, Or, Phrase, PlainText


class FrenchSearchQueryCompiler(PostgresSearchQueryCompiler):
    @staticmethod
    def single_field_match(query: Any) -> bool:
        """True when a row matches iff its title or its body matches (one word, or any of them)."""
        if isinstance(query, PlainText):
            return query.operator == "or" or len(query.query_string.split()) <= 1
        if isinstance(query, Or):
            return all(FrenchSearchQueryCompiler.single_field_match(sub) for sub in query.subqueries)
        return False

    def search(self, config: Any, start: int, stop: int | None, score_field: Any = None, backend: Any = None):
        if self.fields is not None or not isinstance(self.query, PlainText | Phrase | And | Or):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        rank_expression = self._build_rank_expression(vectors, config)
        queryset: QuerySet = self.queryset
        if self.single_field_match(self.query):
            matches = Q()
            for vector, _boost in vectors:
                matches |= Q(**{vector.name: search_query})
            queryset = queryset.filter(matches)
        else:  # words may sit some in the title, some in the body: match their concatenation
            combined_vector = vectors[0][0]
            for vector, _boost in vectors[1:]:
                combined_vector = combined_vector._combine(vector, "||", False)
            queryset = queryset.alias(_vector_=combined_vector).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class FrenchAutocompleteQueryCompiler(PostgresAutocompleteQueryCompiler, FrenchSearchQueryCompiler):
    """The stock autocomplete (prefixes of the autocomplete vector), matched as above."""


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = FrenchSearchQueryCompiler
    autocomplete_query_compiler_class = FrenchAutocompleteQueryCompiler

    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.autocomplete_config = params.get("AUTOCOMPLETE_SEARCH_CONFIG", "simple")


SearchBackend = FrenchPostgresSearchBackend
