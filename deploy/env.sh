# Sourced by the scripts of deploy/: export the variables of KAZASSO_ENV_FILE (default
# /etc/kazasso/env) when it can be read, so cron, backups and restores share one environment.
ENV_FILE="${KAZASSO_ENV_FILE:-/etc/kazasso/env}"
if [ -r "$ENV_FILE" ]; then
    set -a
    . "$ENV_FILE"
    set +a
fi
