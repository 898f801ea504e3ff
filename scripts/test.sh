#!/bin/sh
# Install the test tools into .venv and run the whole test suite (SQLite unless DATABASE_URL is set).
set -eu
cd "$(dirname "$0")/.."
. scripts/venv.sh
ensure_venv requirements-dev.txt
ensure_browser
exec .venv/bin/python -m pytest -n 2 "$@"
