"""PostgreSQL: what the site search needs beside Wagtail's search index. Nothing on SQLite.

1. Text search configurations that also fold accents: "french_unaccent" for search (stemming),
   "simple_unaccent" for autocomplete (prefixes). "fiscalite" finds "fiscalité", "associations"
   finds "association" (SQLite's FTS5 tokenizer already ignores diacritics).
2. Wagtail's index vectors stored with lz4 instead of pglz: ranking a common word reads the body
   vector of thousands of pages, which lz4 decompresses about 40 % faster (ts_rank over 10,000
   generated bodies: 31 ms → 18 ms). Skipped on a server without lz4 (before 14, or built
   without it).
3. `search_posting` (`search.models.Posting`): one row per word and page with the score Wagtail's
   ranking gives that page for that word alone. The project's search backend (search/backend.py)
   writes it through the backend's indexing methods, with the weights of the current
   `search_fields`; no trigger. Its rows are also kept in score order (`search_posting_best`), so
   that a common word ("association", held by nearly every page) reads its best pages first and
   stops after the few hundred shown (about 5 ms instead of 20 at 12,000 pages).

It replaces five earlier migrations (a trigger on Wagtail's table, since dropped, among them): a
database that applied them takes this one as applied.
"""

from django.db import migrations, models

UNACCENT_CONFIGS = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'simple_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION simple_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""
DROP_UNACCENT_CONFIGS = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;
DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent;
"""

INDEX_COLUMNS = ("title", "body", "autocomplete")

POSTINGS = """
CREATE TABLE search_posting (
    lexeme text NOT NULL,
    object_id integer NOT NULL,
    score double precision NOT NULL,
    PRIMARY KEY (lexeme, object_id) INCLUDE (score)
);
CREATE INDEX search_posting_page ON search_posting (object_id);
CREATE INDEX search_posting_best ON search_posting (lexeme, score DESC, object_id DESC);
"""


def on_postgresql(connection) -> bool:
    return connection.vendor == "postgresql"


def create_unaccent_configs(apps, schema_editor):
    if on_postgresql(schema_editor.connection):
        schema_editor.execute(UNACCENT_CONFIGS)


def drop_unaccent_configs(apps, schema_editor):
    if on_postgresql(schema_editor.connection):
        schema_editor.execute(DROP_UNACCENT_CONFIGS)


def has_lz4(connection) -> bool:
    if not on_postgresql(connection) or connection.pg_version < 140000:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)")
        return cursor.fetchone() is not None


def use_lz4(apps, schema_editor):
    connection = schema_editor.connection
    if has_lz4(connection):
        alters = ", ".join(f"ALTER COLUMN {column} SET COMPRESSION lz4" for column in INDEX_COLUMNS)
        schema_editor.execute(f"ALTER TABLE wagtailsearch_indexentry {alters}")
        rewrite = ", ".join(f"{column} = {column} || ''::tsvector" for column in INDEX_COLUMNS)
        schema_editor.execute(f"UPDATE wagtailsearch_indexentry SET {rewrite}")


def use_default_compression(apps, schema_editor):
    connection = schema_editor.connection
    if on_postgresql(connection) and connection.pg_version >= 140000:
        alters = ", ".join(f"ALTER COLUMN {column} SET COMPRESSION DEFAULT" for column in INDEX_COLUMNS)
        schema_editor.execute(f"ALTER TABLE wagtailsearch_indexentry {alters}")


def create_postings(apps, schema_editor):
    if not on_postgresql(schema_editor.connection):
        return
    from search.backend import write_postings

    schema_editor.execute(POSTINGS)
    write_postings(schema_editor.connection)  # the pages already indexed


def drop_postings(apps, schema_editor):
    if on_postgresql(schema_editor.connection):
        schema_editor.execute("DROP TABLE IF EXISTS search_posting")


class Migration(migrations.Migration):
    replaces = [
        ("search", "0001_french_unaccent_config"),
        ("search", "0002_index_lz4_compression"),
        ("search", "0003_search_postings"),
        ("search", "0004_search_postings_from_the_backend"),
        ("search", "0005_search_posting_best_first"),
    ]

    initial = True

    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [
        migrations.RunPython(create_unaccent_configs, drop_unaccent_configs),
        migrations.RunPython(use_lz4, use_default_compression),
        migrations.RunPython(create_postings, drop_postings),
        migrations.CreateModel(
            name="Posting",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "lexeme", "page", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("lexeme", models.TextField()),
                ("score", models.FloatField()),
            ],
            options={
                "db_table": "search_posting",
                "managed": False,
            },
        ),
    ]
