#!/bin/sh
# Back up the database (pg_dump, custom format) and the media folder (tar.gz), keep N days.
#   deploy/backup.sh            -> $BACKUP_DIR/kazasso-<date>.dump and kazasso-media-<date>.tar.gz
# Environment (from /etc/kazasso/env when present): DATABASE_URL, MEDIA_ROOT, BACKUP_DIR,
# BACKUP_KEEP_DAYS. Restore with deploy/restore.sh.
set -eu
. "$(dirname "$0")/env.sh"
: "${DATABASE_URL:?DATABASE_URL manquante : indiquez la base PostgreSQL à sauvegarder.}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/kazasso}"
MEDIA_ROOT="${MEDIA_ROOT:-/srv/kazasso/media}"
KEEP_DAYS="${BACKUP_KEEP_DAYS:-14}"
STAMP="$(date -u +%Y%m%d-%H%M%S)"

umask 077
mkdir -p "$BACKUP_DIR"
DUMP="$BACKUP_DIR/kazasso-$STAMP.dump"
MEDIA="$BACKUP_DIR/kazasso-media-$STAMP.tar.gz"

# Written under a temporary name first: a half-written file never looks like a backup.
pg_dump --format=custom --no-owner --no-privileges --file="$DUMP.part" --dbname="$DATABASE_URL"
mv "$DUMP.part" "$DUMP"

if [ -d "$MEDIA_ROOT" ]; then
    tar -C "$MEDIA_ROOT" -czf "$MEDIA.part" .
else
    echo "Attention : dossier des médias $MEDIA_ROOT absent, archive vide." >&2
    tar -czf "$MEDIA.part" --files-from /dev/null
fi
mv "$MEDIA.part" "$MEDIA"

find "$BACKUP_DIR" -maxdepth 1 -name 'kazasso-*' -type f -mtime +"$KEEP_DAYS" -delete
echo "Sauvegarde terminée : $DUMP $MEDIA"
