"""Gunicorn settings: `gunicorn -c deploy/gunicorn.conf.py` from the project folder.

Every value can be changed from /etc/kazasso/env (see kazasso.env.example).
"""

import multiprocessing
import os

wsgi_app = "site_kazasso.wsgi:application"
raw_env = ["DJANGO_SETTINGS_MODULE=site_kazasso.settings.production"]

# nginx on the same host talks to 127.0.0.1:8000; "unix:/run/kazasso/gunicorn.sock" also works.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Off by default: a recycled worker loses its local-memory page cache. Set it (e.g. 20000) to
# restart workers now and then if memory ever creeps up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# Only the proxies Django believes (KAZASSO_TRUSTED_PROXIES) may set X-Forwarded-* headers; by
# default the local nginx. Never "*": anyone could then claim HTTPS (deploy/README.md).
forwarded_allow_ips = ",".join(
    entry.strip()
    for entry in (
        os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "").strip()
        or os.environ.get("KAZASSO_TRUSTED_PROXIES", "").strip()
        or "127.0.0.1"
    ).split(",")
    if entry.strip()
)
if "*" in forwarded_allow_ips.split(","):
    raise SystemExit(
        "GUNICORN_FORWARDED_ALLOW_IPS=* croirait les en-têtes X-Forwarded-* de n'importe qui : "
        "listez les adresses des proxys (voir deploy/README.md)."
    )
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
