"""``hai-central serve`` starts a real uvicorn server; reference seed from HAI_REFERENCE_FILE."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import requests

from hai_central.settings import REPO_ROOT
from hai_central.store import db as store
from hai_contract.reference import load_reference
from tests.central.conftest import ADMIN_EMAIL, ADMIN_PASSWORD, _make_hub


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_subprocess_answers_and_signs_in(tmp_path):
    port = _free_port()
    env = dict(
        os.environ,
        HAI_DATA_DIR=str(tmp_path / "hub"),
        HAI_BOOTSTRAP_ADMIN_EMAIL=ADMIN_EMAIL,
        HAI_BOOTSTRAP_ADMIN_PASSWORD=ADMIN_PASSWORD,
        HAI_ENV="test",
        HAI_ARGON2_FAST="1",
    )
    env.pop("HAI_DATABASE_URL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "hai_central", "serve", "--port", str(port)],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(100):
            try:
                health = requests.get(f"{base}/health", timeout=1)
                break
            # Not up yet, or busy: the first request builds the OpenAPI path table (2-3 s
            # on a loaded machine), longer than this poll's 1-s read timeout.
            except (requests.ConnectionError, requests.Timeout):
                time.sleep(0.1)
        assert health.json()["status"] == "ok"
        r = requests.post(
            f"{base}/auth/token",
            json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD},
            timeout=10,
        )
        assert r.status_code == 200
        assert (tmp_path / "hub" / "hub.sqlite3").exists()
        assert (tmp_path / "hub" / "broadcast_signing_key.pem").stat().st_mode & 0o077 == 0
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=15)
    assert ADMIN_EMAIL.encode() not in out and ADMIN_PASSWORD.encode() not in out


def test_reference_seed_from_env_file(tmp_path):
    ref = load_reference()
    ref["departments"] = ref["departments"][:2]
    ref["desk_version"] = "9.9.9"
    path = tmp_path / "ref.json"
    path.write_text(json.dumps(ref), encoding="utf-8")
    h = _make_hub(tmp_path, None, "sqlite", reference_file=path)
    try:
        doc = h.client.get("/api/v1/reference", headers=h.admin).json()
        assert doc["desk_version"] == "9.9.9" and len(doc["departments"]) == 2
        assert [o["code"] for o in doc["offices"]] == ["PUSAT"]
    finally:
        h.client.close()
        store.current_db().close_all()
