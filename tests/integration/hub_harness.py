"""The real hub (``python -m hai_central serve``) on loopback for desk ↔ hub tests.

Starts the hub in a subprocess with a temporary ``HAI_DATA_DIR`` and a bootstrap admin, can
``kill -9`` it and start it again on the same port and data, and sets up an office with a CSO
account through the admin API. Desk profiles are made in-process against the real desk
database.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import uuid
from dataclasses import dataclass
from pathlib import Path

import requests

from hai_contract.reference import reference_path
from hai_desktop.core import profile_store, reference
from hai_desktop.core.db.database import open_database
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.demo_hub import DemoHub
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.core.sync import account as sync_account
from hai_desktop.core.sync.client import HubClient

API = "/api/v1"
ADMIN_EMAIL = "admin.uji@kemenkeu.go.id"
ADMIN_PASSWORD = "AdminUji#2026"
CSO_PASSWORD = "CsoUji#2026"

_offices = json.loads(reference_path().read_text("utf-8"))["offices"]
_BY_CODE = {o["code"]: o for o in _offices}
_KPPN = [o["code"] for o in _offices if o.get("kind") == "KPPN"]
_office_counter = itertools.count()


class Hub:
    """A hub subprocess that can be killed (-9) and restarted on the same port and data."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._hub = DemoHub(self.data_dir, ADMIN_EMAIL, ADMIN_PASSWORD)
        self.port = self._hub.port
        self.url = self._hub.url
        self._admin: requests.Session | None = None

    def start(self) -> Hub:
        self._hub.start()
        return self

    def kill9(self) -> None:
        """SIGKILL the hub process: no shutdown, no flush, like a power cut."""
        proc = self._hub.process
        assert proc is not None
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        self._hub.process = None
        if self._hub._log_file is not None:
            self._hub._log_file.close()
            self._hub._log_file = None

    def restart(self) -> None:
        self._hub = DemoHub(self.data_dir, ADMIN_EMAIL, ADMIN_PASSWORD, port=self.port)
        self._hub.start()
        self._admin = None

    def stop(self) -> None:
        self._hub.stop()

    def log_tail(self) -> str:
        return self._hub.log_tail()

    # -- admin --------------------------------------------------------------------------

    def admin(self) -> requests.Session:
        if self._admin is None:
            session = requests.Session()
            resp = session.post(
                self.url + API + "/auth/token",
                json={
                    "email": ADMIN_EMAIL,
                    "password": ADMIN_PASSWORD,
                    "device_id": str(uuid.uuid4()),
                    "device_name": "uji",
                },
                timeout=30,
            )
            resp.raise_for_status()
            session.headers["Authorization"] = f"Bearer {resp.json()['access_token']}"
            self._admin = session
        return self._admin

    def create_office_with_cso(self) -> CsoAccount:
        """A fresh KPPN (with its Kanwil) and a CSO there: each test gets its own office."""
        code = _KPPN[next(_office_counter) % len(_KPPN)]
        chain = [_BY_CODE[code]]
        parent = chain[0].get("parent_code")
        while parent and parent in _BY_CODE and parent != "PUSAT":
            chain.insert(0, _BY_CODE[parent])
            parent = _BY_CODE[parent].get("parent_code")
        admin = self.admin()
        for office in chain:
            body = {k: office[k] for k in ("code", "name", "kind", "parent_code") if office.get(k)}
            resp = admin.post(self.url + API + "/admin/offices", json=body, timeout=30)
            assert resp.status_code in (200, 201, 409), resp.text
        email = f"cso.{uuid.uuid4().hex[:10]}@kemenkeu.go.id"
        resp = admin.post(
            self.url + API + "/admin/users",
            json={
                "email": email,
                "name": "CSO Uji",
                "password": CSO_PASSWORD,
                "role": "cso",
                "office_code": code,
            },
            timeout=30,
        )
        assert resp.status_code in (200, 201), resp.text
        return CsoAccount(email=email, password=CSO_PASSWORD, office_code=code)


@dataclass
class CsoAccount:
    email: str
    password: str
    office_code: str


def make_desk(data_dir: Path, hub_url: str, account: CsoAccount) -> ProfilePaths:
    """A desk profile for the CSO, signed in at ``hub_url``; the database is left bound."""
    paths = ProfilePaths.for_dir(data_dir).ensure()
    close_bound()
    open_database(paths.database)
    reference.seed_reference_if_empty()
    profile_store.set_profile("CSO Uji", account.email, account.office_code)
    sync_account.sign_in(paths, hub_url, account.email, account.password)
    return paths


def reopen(paths: ProfilePaths):
    """Bind the desk database of ``paths`` again (after another profile or a subprocess).

    The previously bound database is closed first: two connections of one process to the
    same file must not outlive each other (POSIX locks are per process).
    """
    close_bound()
    return open_database(paths.database)


def close_bound() -> None:
    """Close the database the models are bound to, if any."""
    current = database_proxy.obj
    if current is not None and not current.is_closed():
        current.close()


def hub_inquiry_ids(hub_url: str, account: CsoAccount) -> list[str]:
    """Every inquiry id the hub holds for the CSO's office, from the changes feed (with
    repeats, if the hub ever stored one twice)."""
    client = HubClient(hub_url, timeout=30)
    client.token(account.email, account.password, str(uuid.uuid4()), "uji-pemeriksa")
    ids: list[str] = []
    cursor = 0
    while True:
        page = client.inquiries_changes(cursor, limit=2000)
        ids.extend(item["id"] for item in page["items"])
        if not page["has_more"]:
            break
        cursor = page["next_cursor"]
    client.close()
    return ids
