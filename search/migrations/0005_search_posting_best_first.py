"""PostgreSQL: the words' rows in score order, so that a common word reads its best pages first.

A one-word search ("association", held by nearly every page) used to join every page holding the
word, then sort them all to keep the best 500 (20 ms at 12,000 pages); with this index PostgreSQL
walks the word's rows best first and stops after the 500 live ones (about 5 ms). Nothing happens
on SQLite, which has no such table.
"""

from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS search_posting_best ON search_posting (lexeme, score DESC, object_id DESC)"
DROP = "DROP INDEX IF EXISTS search_posting_best"


def on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_search_postings_from_the_backend")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
