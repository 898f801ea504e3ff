"""Settings shared by every environment; dev, test and production refine them."""

from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    "demo",
    "members",
    "taxonomy",
    "fiches",
    "events",
    "search",
    "browse",
    "alerts",
    "site_kazasso.content_version",
    "site_kazasso.pagecache",
    "site_kazasso.outbox",
    "site_kazasso.privacy",
    "wagtail_modeladmin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",  # admin login throttle (settings/security.py)
    # After wagtail.admin: its ready() replaces Wagtail's generic workflow emails with ours.
    "editorial",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "site_kazasso.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Early on purpose: a cached anonymous page is served before sessions and auth are loaded.
    "site_kazasso.pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "site_kazasso.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.site_settings",
            ],
            # French typography filters (fr_date, typo) in every template, emails included.
            "builtins": ["site_kazasso.typography"],
        },
    },
]

WSGI_APPLICATION = "site_kazasso.wsgi.application"

# SQLite file by default; DATABASE_URL (postgres://…) switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Indian/Reunion"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
# Which environment runs; load_demo refuses "production".
KAZASSO_ENVIRONMENT = "development"

WAGTAIL_SITE_NAME = "Kaz Asso Ressources"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
WAGTAIL_USER_EDIT_FORM_DEFAULT_LANGUAGE = "fr"
# Editorial workflow: editing a page in review sends it back through the earlier steps;
# comments are on in the editor.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved"
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# No Gravatar: editors' hashed emails never go to a third party; avatars are uploaded or initials.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Search: Wagtail's database backend. On PostgreSQL, the project's subclass of it (search/backend.py:
# a word-level index for common words) with the "french_unaccent" text search configuration
# (French stemming + accent folding) created by search/migrations/0001_initial_squashed; SQLite's FTS5 index
# folds accents by itself. OpenSearch is a matter of configuration (settings/scaling.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "french_unaccent",
        "AUTOCOMPLETE_SEARCH_CONFIG": "simple_unaccent",
    }
SEARCH_MAX_QUERY_LENGTH = 200
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

TAGGIT_CASE_INSENSITIVE = True
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
# Tags separated by commas only: « Loto quine » shows without quotes in the admin's tag field.
TAGGIT_STRING_FROM_TAGS = "taxonomy.tag_strings.string_from_tags"
TAGGIT_TAGS_FROM_STRING = "taxonomy.tag_strings.tags_from_string"
# Page slugs made from titles are ASCII (« l'égalité » → « legalite »), not percent-encoded in URLs.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Listings
FICHES_PER_PAGE = 12

DEFAULT_FROM_EMAIL = "Kaz Asso Ressources <ne-pas-repondre@kazasso.re>"
# Every email goes through the outbox (site_kazasso/outbox): retried by `send_outbox` (cron) with a
# growing delay, given up after this many attempts; sent ones are forgotten after KEEP_DAYS.
KAZASSO_OUTBOX_MAX_ATTEMPTS = 8
KAZASSO_OUTBOX_KEEP_DAYS = 30
# Personal data of registrations (site_kazasso/privacy, command `erase_expired_data`): erased this
# many months after their event ends; cancelled and waiting-list ones sooner. The privacy page
# and the admin read these values.
from .security import env_int  # noqa: E402

KAZASSO_RETENTION_MONTHS = env_int("KAZASSO_RETENTION_MONTHS", 12)
KAZASSO_RETENTION_UNCONFIRMED_MONTHS = env_int("KAZASSO_RETENTION_UNCONFIRMED_MONTHS", 3)

# Reviews (editorial/claims.py): each workflow step has its own delay, in working days, set in the
# admin (Paramètres → Tâches de workflow). A late step is reminded to its claimant, then this many
# working days later to everyone who may review it, then as many days later to the coordination.
KAZASSO_REVIEW_REMINDER_INTERVAL = 2
# Draft preview links (editorial/sharing.py) for people without an account: default lifetime.
KAZASSO_PREVIEW_LINK_DAYS = 7
# Email alerts (alerts/): an unconfirmed subscription and its confirmation link last this many
# days; the manage and unsubscribe links of each email this many; the send_alerts command sends
# this many digests per batch, then pauses this many seconds (the mail server's pace), and only
# takes items published at least this many minutes ago (a publication still committing is not
# skipped).
KAZASSO_ALERTS_UNCONFIRMED_DAYS = 7
KAZASSO_ALERTS_LINK_DAYS = 365
KAZASSO_ALERTS_BATCH_SIZE = 100
KAZASSO_ALERTS_BATCH_PAUSE = 1.0
KAZASSO_ALERTS_LAG_MINUTES = 5

# Caches (local memory, or Redis with REDIS_URL), the anonymous page cache and the CDN purge:
# see settings/caching.py and the README's « Cache » section.
from .caching import (  # noqa: E402, F401
    CACHES,
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS,
    DJANGO_REDIS_LOGGER,
    KAZASSO_CATALOGUE_CACHE_ALIAS,
    KAZASSO_PAGE_CACHE,
    KAZASSO_PAGE_CACHE_ALIAS,
    KAZASSO_PAGE_CACHE_GENERATION_FILE,
    KAZASSO_PAGE_CACHE_TIMEOUT,
    KAZASSO_RATELIMIT_CACHE_ALIAS,
    WAGTAILFRONTENDCACHE,
)

if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Headers, CSP, login throttle, uploads, rate limits.
from .security import *  # noqa: E402, F403
