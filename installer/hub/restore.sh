#!/usr/bin/env bash
# HAI Hub restore from a folder made by backup.sh. Stop the hub first:
#
#   sudo systemctl stop hai-central
#   sudo -u hai-central env $(cat /etc/hai-central/hai-central.env | xargs) \
#       /opt/hai-central/installer/hub/restore.sh /var/backups/hai-central/hai-hub-…
#   sudo systemctl start hai-central
#
# Checks the checksums before touching anything. PostgreSQL: pg_restore --clean into
# HAI_DATABASE_URL. SQLite: the copy is written beside the live file and renamed over it
# (the old file, with its -wal/-shm, kept as *.before-restore-STAMP). The attachment store
# and the signing key are put back (the old ones kept aside the same way). Then the schema
# is brought up to date with `hai-central admin migrate` (HAI_CENTRAL names the command).
set -euo pipefail

SRC=${1:?usage: restore.sh BACKUP_DIR}
DATA=${HAI_DATA_DIR:-./hai-hub-data}
DB_URL=${HAI_DATABASE_URL:-}
HAI_CENTRAL=${HAI_CENTRAL:-hai-central}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)

(cd "$SRC" && sha256sum --check --quiet SHA256SUMS) || {
  echo "restore refused: the backup's checksums do not match" >&2
  exit 2
}
umask 077
mkdir -p "$DATA"

case "$DB_URL" in
  postgresql://*|postgres://*)
    [ -f "$SRC/database.pgdump" ] || { echo "no database.pgdump in $SRC" >&2; exit 2; }
    pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction \
      --dbname="$DB_URL" "$SRC/database.pgdump"
    ;;
  *)
    [ -f "$SRC/hub.sqlite3" ] || { echo "no hub.sqlite3 in $SRC" >&2; exit 2; }
    SQLITE_FILE=${DB_URL#sqlite:///}
    [ -n "$DB_URL" ] || SQLITE_FILE="$DATA/hub.sqlite3"
    cp "$SRC/hub.sqlite3" "$SQLITE_FILE.restoring"
    sync "$SQLITE_FILE.restoring" 2>/dev/null || sync
    for suffix in "" -wal -shm; do
      if [ -e "$SQLITE_FILE$suffix" ]; then
        mv "$SQLITE_FILE$suffix" "$SQLITE_FILE.before-restore-$STAMP$suffix"
      fi
    done
    mv "$SQLITE_FILE.restoring" "$SQLITE_FILE"
    ;;
esac

if [ -f "$SRC/attachments.tar.gz" ]; then
  if [ -d "$DATA/attachments" ]; then
    mv "$DATA/attachments" "$DATA/attachments.before-restore-$STAMP"
  fi
  tar -C "$DATA" -xzf "$SRC/attachments.tar.gz"
fi
if [ -f "$SRC/broadcast_signing_key.pem" ]; then
  if [ -f "$DATA/broadcast_signing_key.pem" ]; then
    mv "$DATA/broadcast_signing_key.pem" "$DATA/broadcast_signing_key.pem.before-restore-$STAMP"
  fi
  cp -p "$SRC/broadcast_signing_key.pem" "$DATA/broadcast_signing_key.pem"
fi

# shellcheck disable=SC2086 # HAI_CENTRAL may be "python -m hai_central"
$HAI_CENTRAL admin migrate
echo "restored from $SRC"
