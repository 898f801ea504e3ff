"""Settings of the benchmark servers: production's, plus two opt-in switches for measuring.

KAZASSO_BENCH_QUERIES=1 adds the middleware that reports each request's SQL query count in an
`X-Queries` header; KAZASSO_STATIC_ROOT points collectstatic and whitenoise at a throwaway folder.
Everything else (DEBUG off, whitenoise's manifest storage, secure cookies) stays as in production.
"""

import os
from pathlib import Path

from site_kazasso.settings.production import *  # noqa: F403

if os.environ.get("KAZASSO_BENCH_QUERIES") == "1":
    MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405

if os.environ.get("KAZASSO_STATIC_ROOT"):
    STATIC_ROOT = Path(os.environ["KAZASSO_STATIC_ROOT"])
