"""Test settings: fast hashing, in-memory mail and caches (rate limits in the test database)."""

from .base import *  # noqa: F403
from .caching import (
    CATALOGUE_CACHE_ALIAS,
    FRAGMENT_CACHE,
    FRAGMENT_CACHE_ALIAS,
    RATELIMIT_CACHE_ALIAS,
    RATELIMIT_DATABASE_CACHE,
)

DEBUG = False
KAZASSO_ENVIRONMENT = "test"
SECRET_KEY = "test-only-not-secret-kazasso"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    # The real shared store: the test runner creates its table; each test's rollback empties it.
    RATELIMIT_CACHE_ALIAS: RATELIMIT_DATABASE_CACHE,
    # Cleared before each test (tests/conftest.py); tests/core/test_catalogue.py also checks the
    # database store of production and a store that fails.
    CATALOGUE_CACHE_ALIAS: {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "catalogue",
    },
    FRAGMENT_CACHE_ALIAS: FRAGMENT_CACHE,  # cleared before each test (tests/conftest.py)
}
# Off for the suite (its query counts and clock changes measure the views themselves);
# tests/pagecache/ turns it on.
KAZASSO_PAGE_CACHE = False
# One test process, one generation: parallel test processes must not purge each other's pages.
KAZASSO_PAGE_CACHE_GENERATION_FILE = None
MEDIA_ROOT = BASE_DIR / "media-test"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Rate limits off by default: suites post and search far more than a person; tests/core turns
# them on where it checks them.
KAZASSO_RATELIMITS = False
