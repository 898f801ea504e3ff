"""Wagtail's PostgreSQL search backend, with an accent-folding configuration for autocomplete too.

The stock backend always autocompletes with the "simple" configuration, so "treso" would not
find "Trésorerie"; "simple_unaccent" (search/migrations/0001) keeps prefixes unstemmed but folds
accents. Selected in settings only when the database is PostgreSQL.
"""

from typing import Any

from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    def __init__(self, params: dict[str, Any]) -> None:
        super().__init__(params)
        self.autocomplete_config = params.get("AUTOCOMPLETE_SEARCH_CONFIG", "simple")


SearchBackend = FrenchPostgresSearchBackend
