#!/bin/sh
# Restore a backup made by deploy/backup.sh: the database (pg_restore --clean) and the media.
#   deploy/restore.sh [--yes] DUMP_FILE [MEDIA_ARCHIVE]
# Stop the site first (systemctl stop kazasso). The current media folder is kept beside the
# restored one as <MEDIA_ROOT>.avant-restauration-<date>. Without --yes, asks for confirmation.
set -eu
. "$(dirname "$0")/env.sh"
CONFIRMED=0
if [ "${1:-}" = "--yes" ]; then
    CONFIRMED=1
    shift
fi
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
    echo "Usage : $0 [--yes] FICHIER.dump [ARCHIVE-MEDIAS.tar.gz]" >&2
    exit 2
fi
DUMP="$1"
MEDIA_ARCHIVE="${2:-}"
: "${DATABASE_URL:?DATABASE_URL manquante : indiquez la base PostgreSQL à restaurer.}"
MEDIA_ROOT="${MEDIA_ROOT:-/srv/kazasso/media}"
[ -r "$DUMP" ] || { echo "Sauvegarde introuvable : $DUMP" >&2; exit 1; }
if [ -n "$MEDIA_ARCHIVE" ] && [ ! -r "$MEDIA_ARCHIVE" ]; then
    echo "Archive des médias introuvable : $MEDIA_ARCHIVE" >&2
    exit 1
fi

if [ "$CONFIRMED" -ne 1 ]; then
    printf "La base %s va être remplacée par %s. Tapez OUI pour continuer : " "$DATABASE_URL" "$DUMP"
    read -r answer
    [ "$answer" = "OUI" ] || { echo "Restauration annulée." >&2; exit 1; }
fi

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
    --dbname="$DATABASE_URL" "$DUMP"

if [ -n "$MEDIA_ARCHIVE" ]; then
    if [ -d "$MEDIA_ROOT" ]; then
        mv "$MEDIA_ROOT" "$MEDIA_ROOT.avant-restauration-$(date -u +%Y%m%d-%H%M%S)"
    fi
    mkdir -p "$MEDIA_ROOT"
    tar -C "$MEDIA_ROOT" -xzf "$MEDIA_ARCHIVE"
fi
# Pages cached before the restore (in Redis, or in a running worker) must not outlive it.
if [ -x "$(dirname "$0")/../.venv/bin/python" ]; then
    "$(dirname "$0")/manage.sh" purge_page_cache || echo "Attention : cache des pages non vidé." >&2
fi
echo "Restauration terminée."
