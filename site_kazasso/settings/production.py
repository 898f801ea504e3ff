"""Production: every secret and host comes from the environment; nothing has a default."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .scaling import media_storage, search_backend


def _require(name: str) -> str:
    """Return a required environment variable or stop with a message naming it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"La variable d'environnement {name} est obligatoire en production "
            f"(voir la section « Configuration » du README)."
        )
    return value


DEBUG = False
KAZASSO_ENVIRONMENT = "production"
SECRET_KEY = _require("SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in _require("ALLOWED_HOSTS").split(",") if h.strip()]
_require("DATABASE_URL")  # base.py already parsed it; here it becomes mandatory.

CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS: the site runs behind a TLS-terminating proxy (deploy/nginx), which sets
# X-Forwarded-Proto and appends the client's address to X-Forwarded-For; that address is only
# believed from KAZASSO_TRUSTED_PROXIES (settings/security.py).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)  # noqa: F405
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)  # noqa: F405
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", True)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Turning one of these off is a deliberate choice (nginx redirects to HTTPS itself, subdomains
# not all on HTTPS…): check --deploy then stays quiet about it.
SILENCED_SYSTEM_CHECKS = [
    check
    for check, enabled in (
        ("security.W008", SECURE_SSL_REDIRECT),
        ("security.W005", SECURE_HSTS_INCLUDE_SUBDOMAINS),
        ("security.W021", SECURE_HSTS_PRELOAD),
    )
    if not enabled
]

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0") == "1"
# A mail server that does not answer must not hold a request: the outbox retries later.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")  # noqa: F405

# Several app hosts: media on S3-compatible storage, search on OpenSearch (deploy/README.md).
_media = media_storage(os.environ)
if _media:
    STORAGES["default"] = _media
_search = search_backend(os.environ)
if _search:
    WAGTAILSEARCH_BACKENDS = {"default": _search}
