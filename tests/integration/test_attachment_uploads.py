"""Attachments against the real hub process (uvicorn on loopback, real threads).

Issue 7.11 (a): parallel uploads of one file shared one temporary name and 2 of 30 parallel
PUTs answered 500. Each upload now writes a unique temporary file (fsync, rename, fsync dir).
"""

from __future__ import annotations

import hashlib
import uuid
from concurrent.futures import ThreadPoolExecutor

import requests

from tests.integration.hub_harness import API, Hub

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 4096  # 1 MiB


def _token(hub: Hub, account) -> str:
    r = requests.post(
        hub.url + API + "/auth/token",
        json={
            "email": account.email,
            "password": account.password,
            "device_id": str(uuid.uuid4()),
            "device_name": "uji",
        },
        timeout=30,
    )
    r.raise_for_status()
    return r.json()["access_token"]


def test_thirty_parallel_puts_of_one_file_never_fail(hub):
    account = hub.create_office_with_cso()
    token = _token(hub, account)
    sha = hashlib.sha256(PDF).hexdigest()

    def upload(_):
        r = requests.put(
            f"{hub.url}{API}/attachments/{sha}",
            data=PDF,
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/pdf",
                "X-Filename": "laporan.pdf",
            },
            timeout=60,
        )
        return r.status_code

    with ThreadPoolExecutor(30) as pool:
        codes = list(pool.map(upload, range(30)))
    assert all(c in (200, 201) for c in codes), codes
    assert codes.count(201) == 1  # one upload is this office's first; the others repeat it
    got = requests.get(
        f"{hub.url}{API}/attachments/{sha}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert got.status_code == 200 and got.content == PDF
    leftovers = [p for p in (hub.data_dir).rglob("*.tmp")]
    assert leftovers == []
