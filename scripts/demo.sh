#!/bin/sh
# Install into .venv, prepare a SQLite database with the demo content, serve http://127.0.0.1:8000
set -eu
cd "$(dirname "$0")/.."
. scripts/venv.sh
ensure_venv requirements.txt
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py createcachetable  # rate-limit counters and the listings catalogue, shared by every process
.venv/bin/python manage.py load_demo
echo "Site : http://127.0.0.1:8000/  —  administration : http://127.0.0.1:8000/admin/"
exec .venv/bin/python manage.py runserver 127.0.0.1:8000
