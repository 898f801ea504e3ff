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
# Only the local nginx may set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
