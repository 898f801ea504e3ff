"""PostgreSQL: a word-level index (postings) beside Wagtail's search index, kept in sync by a trigger.

Wagtail's index holds one row per page with a title and a body vector. Ranking a common word
("association") then means decompressing and ranking the body vector of nearly every page:
70 to 110 ms at 10,000 fiches. `search_posting` holds one row per (word, page) with the
score Wagtail's ranking gives that page for that word alone, precomputed: a query reads the
rows of its few words from one covering index (2 to 9 ms for the same searches), see
search/postings.py.

The table is derived data, kept by triggers on `wagtailsearch_indexentry`: one rewrites the
rows of an entry whenever Wagtail writes its vectors or its title norm (publishing, editing,
`update_index`), one removes them with the entry (a deleted page, a reset of the
index), one empties the table when the index is truncated (a test database being flushed).
No foreign key: PostgreSQL would refuse to truncate the index table while it is referenced.
The migration fills the table from the entries already indexed.

The score of a word in a page is the one Wagtail's PostgreSQL backend computes for a one-word
query: ts_rank of the title vector times the title norm, plus ts_rank of the body vector,
with the backend's weights (baked into `search_posting_weights()`). Created only on PostgreSQL.
Superseded by 0004: the trigger and its functions are dropped, and search/backend.py keeps the
table through the backend's indexing (tests/search/test_backend.py).
"""

from django.db import migrations

# Wagtail's weights for the D, C, B and A labels, from the boosts of the site's search fields
# (modelsearch.backends.database.postgres.weights.get_sql_weights()).
WEIGHTS = "{0.009900990099009901,0.009900990099009901,0.20792079207920794,1.0}"

CREATE = f"""
CREATE TABLE search_posting (
    lexeme text NOT NULL,
    content_type_id integer NOT NULL,
    object_id integer NOT NULL,
    score real NOT NULL,
    entry_id integer NOT NULL,
    PRIMARY KEY (lexeme, content_type_id, object_id) INCLUDE (score)
);
CREATE INDEX search_posting_entry ON search_posting (entry_id);

CREATE FUNCTION search_posting_weights() RETURNS real[] LANGUAGE sql IMMUTABLE
    AS $$ SELECT '{WEIGHTS}'::real[] $$;

-- A lexeme as a one-word tsquery, without going through a parser again (quotes and
-- backslashes escaped as tsquery's input syntax wants them).
CREATE FUNCTION search_posting_word(lexeme text) RETURNS tsquery LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT ('''' || replace(replace(lexeme, '\\', '\\\\'), '''', '''''') || '''')::tsquery $$;

CREATE FUNCTION search_posting_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM search_posting WHERE entry_id = OLD.id;
    END IF;
    -- Page ids are integers; an entry of another model with a text key gets no postings.
    IF NEW.object_id ~ '^[0-9]{{1,9}}$' THEN
        INSERT INTO search_posting (lexeme, content_type_id, object_id, score, entry_id)
        SELECT words.lexeme, NEW.content_type_id, NEW.object_id::integer,
               ts_rank(search_posting_weights(), NEW.title, search_posting_word(words.lexeme))
                   * NEW.title_norm
               + ts_rank(search_posting_weights(), NEW.body, search_posting_word(words.lexeme)),
               NEW.id
        FROM (SELECT lexeme FROM unnest(NEW.title) UNION SELECT lexeme FROM unnest(NEW.body)) AS words;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER search_posting_sync
    AFTER INSERT OR UPDATE OF title, body, title_norm, content_type_id, object_id
    ON wagtailsearch_indexentry
    FOR EACH ROW EXECUTE FUNCTION search_posting_sync();

CREATE FUNCTION search_posting_forget() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE search_posting;
    ELSE
        DELETE FROM search_posting WHERE entry_id = OLD.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER search_posting_forget_entry
    AFTER DELETE ON wagtailsearch_indexentry
    FOR EACH ROW EXECUTE FUNCTION search_posting_forget();

CREATE TRIGGER search_posting_forget_all
    AFTER TRUNCATE ON wagtailsearch_indexentry
    FOR EACH STATEMENT EXECUTE FUNCTION search_posting_forget();

-- Existing entries: rewrite the title norm to itself, which fires the trigger.
UPDATE wagtailsearch_indexentry SET title_norm = title_norm;
ANALYZE search_posting;
"""

DROP = """
DROP TRIGGER IF EXISTS search_posting_sync ON wagtailsearch_indexentry;
DROP TRIGGER IF EXISTS search_posting_forget_entry ON wagtailsearch_indexentry;
DROP TRIGGER IF EXISTS search_posting_forget_all ON wagtailsearch_indexentry;
DROP FUNCTION IF EXISTS search_posting_sync();
DROP FUNCTION IF EXISTS search_posting_forget();
DROP FUNCTION IF EXISTS search_posting_word(text);
DROP FUNCTION IF EXISTS search_posting_weights();
DROP TABLE IF EXISTS search_posting;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_index_lz4_compression")]

    operations = [migrations.RunPython(create, drop)]
