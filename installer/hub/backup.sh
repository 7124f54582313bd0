#!/usr/bin/env bash
# HAI Hub backup: the database (pg_dump, or SQLite's online backup), the attachment store and
# the broadcast signing key, with their checksums, in one new folder under DEST.
#
#   sudo -u hai-central env $(cat /etc/hai-central/hai-central.env | xargs) \
#       /opt/hai-central/installer/hub/backup.sh /var/backups/hai-central
#
# Reads the hub's own variables: HAI_DATA_DIR, HAI_DATABASE_URL. PYTHON (default python3)
# runs SQLite's online backup, so a running hub keeps serving while it copies. Prints the
# folder it made. Safe while the hub runs (pg_dump takes one consistent snapshot; the
# attachment store only ever gains files, each renamed into place whole).
set -euo pipefail

DEST=${1:?usage: backup.sh DEST_DIR}
DATA=${HAI_DATA_DIR:-./hai-hub-data}
DB_URL=${HAI_DATABASE_URL:-}
PYTHON=${PYTHON:-python3}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
OUT="$DEST/hai-hub-$STAMP"

umask 077  # personal data: only the hub's account reads the backup
mkdir -p "$OUT"

case "$DB_URL" in
  postgresql://*|postgres://*)
    pg_dump --format=custom --no-owner --no-privileges --file="$OUT/database.pgdump" "$DB_URL"
    ;;
  *)
    SQLITE_FILE=${DB_URL#sqlite:///}
    [ -n "$DB_URL" ] || SQLITE_FILE="$DATA/hub.sqlite3"
    "$PYTHON" - "$SQLITE_FILE" "$OUT/hub.sqlite3" <<'PY'
import sqlite3, sys
src = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
dst = sqlite3.connect(sys.argv[2])
src.backup(dst)  # SQLite's online backup: a consistent copy while the hub writes
ok = dst.execute("PRAGMA integrity_check").fetchone()[0]
dst.close(); src.close()
sys.exit(0 if ok == "ok" else f"backup copy failed its integrity check: {ok}")
PY
    ;;
esac

if [ -d "$DATA/attachments" ]; then
  tar -C "$DATA" -czf "$OUT/attachments.tar.gz" attachments
fi
if [ -f "$DATA/broadcast_signing_key.pem" ]; then
  cp -p "$DATA/broadcast_signing_key.pem" "$OUT/broadcast_signing_key.pem"
fi
(cd "$OUT" && sha256sum -- * > SHA256SUMS)
echo "$OUT"
