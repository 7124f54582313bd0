"""installer/hub/backup.sh and restore.sh (issue 13): a real hub with data is backed up while
it runs, its data (database, attachments, signing key) destroyed, restored from the backup,
and the restarted hub serves it all again: the CSO signs in, the inquiry is in the feed, the
attachment downloads byte for byte, the broadcast public key is the same. SQLite always;
PostgreSQL when HAI_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
import requests

from hai_desktop.core.demo_hub import DemoHub
from tests.central.conftest import inquiry
from tests.integration.hub_harness import ADMIN_EMAIL, ADMIN_PASSWORD, CSO_PASSWORD

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "installer" / "hub"
API = "/api/v1"
PDF = b"%PDF-1.4\n% HAI backup test\n" + os.urandom(2048)


class Hub(DemoHub):
    def __init__(self, data_dir: Path, database_url: str | None, port: int | None = None):
        super().__init__(data_dir, ADMIN_EMAIL, ADMIN_PASSWORD, port=port)
        self.database_url = database_url

    def environment(self) -> dict[str, str]:
        env = super().environment()
        if self.database_url:
            env["HAI_DATABASE_URL"] = self.database_url
        return env


def _session(url: str, email: str, password: str) -> requests.Session:
    s = requests.Session()
    r = s.post(
        url + API + "/auth/token",
        json={"email": email, "password": password, "device_id": str(uuid.uuid4())},
        timeout=30,
    )
    r.raise_for_status()
    s.headers["Authorization"] = f"Bearer {r.json()['access_token']}"
    return s


def _script(name: str, hub: Hub, *args: str) -> str:
    env = hub.environment()
    env["PYTHON"] = sys.executable
    env["HAI_CENTRAL"] = f"{sys.executable} -m hai_central"
    done = subprocess.run(
        ["bash", str(SCRIPTS / name), *args],
        env=env,
        cwd=hub.data_dir,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def _fill(hub: Hub) -> dict:
    admin = _session(hub.url, ADMIN_EMAIL, ADMIN_PASSWORD)
    for office in (
        {"code": "KW-UJI", "name": "Kanwil Uji", "kind": "KANWIL", "parent_code": "PUSAT"},
        {"code": "KPPN-UJI", "name": "KPPN Uji", "kind": "KPPN", "parent_code": "KW-UJI"},
    ):
        r = admin.post(hub.url + API + "/admin/offices", json=office, timeout=30)
        assert r.status_code in (200, 201, 409), r.text
    email = f"cso.{uuid.uuid4().hex[:8]}@kemenkeu.go.id"
    r = admin.post(
        hub.url + API + "/admin/users",
        json={
            "email": email,
            "name": "CSO Uji",
            "password": CSO_PASSWORD,
            "role": "cso",
            "office_code": "KPPN-UJI",
        },
        timeout=30,
    )
    assert r.status_code in (200, 201), r.text
    cso = _session(hub.url, email, CSO_PASSWORD)
    item = inquiry("KPPN-UJI")
    r = cso.post(hub.url + API + "/inquiries/batch", json={"items": [item]}, timeout=30)
    assert r.json()["results"][0]["status"] == "created"
    sha = hashlib.sha256(PDF).hexdigest()
    r = cso.put(
        hub.url + API + f"/attachments/{sha}",
        data=PDF,
        headers={"Content-Type": "application/pdf", "X-Filename": "surat.pdf"},
        timeout=30,
    )
    assert r.status_code in (200, 201), r.text
    key = cso.get(hub.url + API + "/broadcasts/public-key", timeout=30).json()
    return {"email": email, "inquiry_id": item["id"], "sha": sha, "key": key}


def _check_served(hub: Hub, facts: dict) -> None:
    cso = _session(hub.url, facts["email"], CSO_PASSWORD)
    feed = cso.get(hub.url + API + "/inquiries/changes", timeout=30).json()
    assert [i["id"] for i in feed["items"]] == [facts["inquiry_id"]]
    r = cso.get(hub.url + API + f"/attachments/{facts['sha']}", timeout=30)
    assert r.status_code == 200 and r.content == PDF
    assert cso.get(hub.url + API + "/broadcasts/public-key", timeout=30).json() == facts["key"]


def _round_trip(tmp_path: Path, database_url: str | None, wipe) -> None:
    data = tmp_path / "hub-data"
    hub = Hub(data, database_url)
    hub.start()
    try:
        facts = _fill(hub)
        out = _script("backup.sh", hub, str(tmp_path / "backups")).strip().splitlines()[-1]
    finally:
        hub.stop()
    backup = Path(out)
    names = sorted(p.name for p in backup.iterdir())
    db_file = "database.pgdump" if database_url else "hub.sqlite3"
    assert names == sorted(
        ["SHA256SUMS", "attachments.tar.gz", "broadcast_signing_key.pem", db_file]
    )
    assert all((p.stat().st_mode & 0o077) == 0 for p in backup.iterdir())  # 0600
    # A disaster: the database, the attachment store and the key are gone.
    wipe()
    shutil.rmtree(data / "attachments")
    (data / "broadcast_signing_key.pem").unlink()
    # A damaged backup is refused before anything is touched.
    tampered = tmp_path / "tampered"
    shutil.copytree(backup, tampered)
    with open(tampered / "attachments.tar.gz", "ab") as f:
        f.write(b"x")
    env = hub.environment()
    done = subprocess.run(
        ["bash", str(SCRIPTS / "restore.sh"), str(tampered)], env=env, capture_output=True
    )
    assert done.returncode == 2 and not (data / "attachments").exists()
    _script("restore.sh", hub, str(backup))
    restored = Hub(data, database_url, port=hub.port)
    restored.start()
    try:
        _check_served(restored, facts)
    finally:
        restored.stop()


def test_sqlite_backup_restore_and_the_hub_serves_it(tmp_path):
    def wipe():
        for suffix in ("", "-wal", "-shm"):
            p = tmp_path / "hub-data" / f"hub.sqlite3{suffix}"
            if p.exists():
                p.unlink()

    _round_trip(tmp_path, None, wipe)


@pytest.mark.skipif(
    not os.environ.get("HAI_TEST_POSTGRES_URL"), reason="HAI_TEST_POSTGRES_URL is not set"
)
def test_postgres_backup_restore_and_the_hub_serves_it(tmp_path):
    base = os.environ["HAI_TEST_POSTGRES_URL"]
    name = f"hai_backup_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    url = base.rsplit("/", 1)[0] + "/" + name

    def wipe():
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("DROP SCHEMA public CASCADE")
            conn.execute("CREATE SCHEMA public")

    try:
        _round_trip(tmp_path, url, wipe)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
