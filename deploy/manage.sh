#!/bin/sh
# Run a manage.py command with the production environment, as cron and the backup scripts do:
#   deploy/manage.sh publish_scheduled
# Reads KAZASSO_ENV_FILE (default /etc/kazasso/env) when it exists.
set -eu
. "$(dirname "$0")/env.sh"
cd "$(dirname "$0")/.."
DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-site_kazasso.settings.production}"
export DJANGO_SETTINGS_MODULE
exec .venv/bin/python manage.py "$@"
