"""Security settings for every environment, imported by base.py (production.py adds HTTPS).

Environment variables (all optional) are listed in the README's « Sécurité » section.
"""

import os
from datetime import timedelta

from wagtail.embeds import oembed_providers

from site_kazasso.proxies import trusted_networks


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def env_flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip()
    return value != "0" if value else default


def env_list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


# Headers on every response (SecurityMiddleware, XFrameOptionsMiddleware).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy of public pages (site_kazasso.security). Video embeds in fiche and event
# bodies come from the oEmbed providers below, hence their players in frame-src.
VIDEO_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
]
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo, oembed_providers.dailymotion],
    }
]
KAZASSO_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": VIDEO_FRAME_SOURCES,
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
# Wagtail's admin uses inline scripts: it keeps Django's other protections but no CSP.
KAZASSO_CSP_EXCLUDE_PREFIXES = ("/admin/", "/django-admin/")
# Signed-in editors only: the userbar's accessibility checker needs eval and injected <style>.
KAZASSO_CSP_EDITOR_EXTRA = {"script-src": ["'unsafe-eval'"], "style-src": ["'unsafe-inline'"]}

# Admin login throttle (django-axes): after N failures for one username from one address, that
# pair is locked out for the cool-off time; the lockout page answers 429 in French.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("KAZASSO_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("KAZASSO_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "site_kazasso.ratelimit.client_ip"

# Uploads: documents and images an editor may add, and their maximum size.
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "docx", "xlsx", "pptx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("KAZASSO_DOCUMENT_MAX_MB", 10) * 1024 * 1024
WAGTAILDOCS_DOCUMENT_FORM_BASE = "site_kazasso.uploads.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("KAZASSO_IMAGE_MAX_MB", 5) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000  # a 5 MB file cannot unpack into a huge bitmap

# Per-client rate limits (site_kazasso.ratelimit): scope -> (requests, seconds), the one place
# that declares them. KAZASSO_RATELIMITS=0 turns the request limits off (the load test runs many
# clients from one address); the page-password lockout, like the admin login's, always holds.
KAZASSO_RATELIMITS = env_flag("KAZASSO_RATELIMITS", True)
KAZASSO_RATELIMIT_RULES = {
    "registration": (env_int("KAZASSO_RATELIMIT_REGISTRATION", 10), 600),
    "search": (env_int("KAZASSO_RATELIMIT_SEARCH", 60), 60),
    "suggestions": (env_int("KAZASSO_RATELIMIT_SUGGESTIONS", 120), 60),
    # Alert subscriptions: per client address, and per email address whoever asks.
    "alerts": (env_int("KAZASSO_RATELIMIT_ALERTS", 10), 600),
    "alerts_email": (env_int("KAZASSO_RATELIMIT_ALERTS_EMAIL", 3), 3600),
    # Page passwords: the admin login's lockout (failures, then cool-off), per page restriction.
    "page_password": (AXES_FAILURE_LIMIT, int(AXES_COOLOFF_TIME.total_seconds())),
    # Password reset emails: per client address, and per email address whoever asks.
    "password_reset": (env_int("KAZASSO_RATELIMIT_PASSWORD_RESET", 5), 3600),
    "password_reset_email": (env_int("KAZASSO_RATELIMIT_PASSWORD_RESET_EMAIL", 3), 3600),
    # Requests about personal data sent from the privacy page to the coordination.
    "privacy_request": (env_int("KAZASSO_RATELIMIT_PRIVACY_REQUEST", 5), 3600),
}
# The proxies (addresses or networks) whose X-Forwarded-For is believed: the client is then the
# right-most address there that is not one of them. Empty: the socket address (REMOTE_ADDR).
# Behind the local nginx of deploy/: 127.0.0.1,::1 (see deploy/README.md, « Adresse du client »).
# KAZASSO_TRUST_X_FORWARDED_FOR=1, the former switch, still means that local nginx.
LOCAL_PROXIES = ["127.0.0.1", "::1"]
KAZASSO_TRUSTED_PROXIES = env_list("KAZASSO_TRUSTED_PROXIES") or (
    LOCAL_PROXIES if env_flag("KAZASSO_TRUST_X_FORWARDED_FOR", False) else []
)
trusted_networks(tuple(KAZASSO_TRUSTED_PROXIES))  # a wrong entry stops the start with its name
