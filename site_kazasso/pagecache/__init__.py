"""Full-page cache for anonymous visitors, purged on every content change (see README « Cache »)."""
