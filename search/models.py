"""The word-level search index: one row per word of each indexed page, with that page's score
for the word alone. Kept and read by the project's PostgreSQL search backend (search/backend.py).
"""

from django.db import models
from wagtail.models import Page


class Posting(models.Model):
    """A word (as the text search configuration stores it) of an indexed page, and the score
    Wagtail's PostgreSQL ranking gives the page for a query made of that word alone.

    The table exists on PostgreSQL only (search/migrations/0001_initial_squashed); nothing reads it elsewhere.
    """

    pk = models.CompositePrimaryKey("lexeme", "page")
    lexeme = models.TextField()
    page = models.ForeignKey(
        Page,
        on_delete=models.DO_NOTHING,  # the backend removes a page's rows when Wagtail unindexes it
        db_column="object_id",
        db_constraint=False,
        related_name="search_postings",
    )
    score = models.FloatField()

    # Derived data: not a reference the admin's usage counts should show.
    wagtail_reference_index_ignore = True

    class Meta:
        managed = False
        db_table = "search_posting"

    def __str__(self) -> str:
        return f"{self.lexeme} → {self.page_id}"
