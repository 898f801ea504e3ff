"""Test settings: fast hashing, in-memory mail and cache, plain static storage."""

from .base import *  # noqa: F403

DEBUG = False
KAZASSO_ENVIRONMENT = "test"
SECRET_KEY = "test-only-not-secret-kazasso"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Off for the suite (its query counts and clock changes measure the views themselves);
# tests/core/test_pagecache*.py turn it on.
KAZASSO_PAGE_CACHE = False
# One test process, one generation: parallel test processes must not purge each other's pages.
KAZASSO_PAGE_CACHE_GENERATION_FILE = None
MEDIA_ROOT = BASE_DIR / "media-test"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Rate limits off by default: suites post and search far more than a person; tests/core turns
# them on where it checks them.
KAZASSO_RATELIMITS = False
