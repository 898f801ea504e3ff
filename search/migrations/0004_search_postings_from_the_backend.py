"""PostgreSQL: the word-level index is written by the search backend, not by a trigger.

Drops the triggers and functions of 0003 (on Wagtail's `wagtailsearch_indexentry`, with the
field weights baked in) and recreates `search_posting` for `search.models.Posting`: one row
per word and page, without the index entry's id or content type. The search backend
(search/backend.py) keeps it from now on, with the weights of the current `search_fields`; the
rows are filled here once from the entries already indexed. Nothing happens on SQLite.
"""

import importlib

from django.db import migrations, models

CREATE = """
DROP TRIGGER IF EXISTS search_posting_sync ON wagtailsearch_indexentry;
DROP TRIGGER IF EXISTS search_posting_forget_entry ON wagtailsearch_indexentry;
DROP TRIGGER IF EXISTS search_posting_forget_all ON wagtailsearch_indexentry;
DROP FUNCTION IF EXISTS search_posting_sync();
DROP FUNCTION IF EXISTS search_posting_forget();
DROP FUNCTION IF EXISTS search_posting_word(text);
DROP FUNCTION IF EXISTS search_posting_weights();
DROP TABLE IF EXISTS search_posting;

CREATE TABLE search_posting (
    lexeme text NOT NULL,
    object_id integer NOT NULL,
    score double precision NOT NULL,
    PRIMARY KEY (lexeme, object_id) INCLUDE (score)
);
CREATE INDEX search_posting_page ON search_posting (object_id);
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from search.backend import write_postings

    schema_editor.execute(CREATE)
    write_postings(schema_editor.connection)


def back_to_the_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    previous = importlib.import_module("search.migrations.0003_search_postings")
    schema_editor.execute("DROP TABLE IF EXISTS search_posting")
    schema_editor.execute(previous.CREATE)


class Migration(migrations.Migration):
    dependencies = [("search", "0003_search_postings")]

    operations = [
        migrations.RunPython(create, back_to_the_trigger),
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
