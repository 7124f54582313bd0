"""Demo mode: a real hub on loopback with demo data, and a desk profile signed in to it.

``prepare_demo()`` does everything but open a window:

1. starts ``hai_central`` (``python -m hai_central serve``) on 127.0.0.1 and a free port, in
   a subprocess with a temporary data dir and SQLite database, the demo admin bootstrapped
   from the environment;
2. loads ``hai_desktop/resources/demo``: the demo office, the CSO / agent / broadcaster / supervisor
   accounts (admin API), the KB entries (agent ``POST /kb``), the office's desk logs (CSO
   ``POST /inquiries/batch``), the broadcasts and the ticket with its reply — the last two
   only as far as the hub offers them;
3. makes a desk profile in the temporary folder for the demo CSO, signs in (token stored
   by ``core.credentials``, hub URL in the settings) and runs one sync, so the KB, the
   office's logs and the broadcasts are local before the window opens.

``DemoSession.close()`` stops the hub and removes the temporary folder. Nothing here
touches the user's real profile. Demo data is fictional (see hai_desktop/resources/demo/README.md).
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from hai_desktop.core.errors import HaiError
from hai_desktop.core.paths import ProfilePaths

log = logging.getLogger(__name__)

API = "/api/v1"
HUB_START_TIMEOUT_S = 30.0


class DemoError(HaiError):
    """The demo could not be prepared (the message says which step failed)."""


def _demo_file(name: str) -> Path:
    from hai_desktop.core.resources import resource_path

    return resource_path("demo", name)


def load_demo_data() -> dict[str, Any]:
    """The demo data files: ``demo`` (demo.json), ``kb`` and ``inquiries`` lists."""

    def read(name: str) -> Any:
        path = _demo_file(name)
        if not path.exists():
            return None
        return json.loads(path.read_text(encoding="utf-8"))

    demo = read("demo.json")
    if not demo:
        raise DemoError("resources/demo/demo.json is missing")
    kb = read("kb_entries.json") or []
    if isinstance(kb, dict):
        kb = kb.get("items") or []
    inquiries = read("inquiries.json") or []
    if isinstance(inquiries, dict):
        inquiries = inquiries.get("items") or []
    # The full month of the Laporan screen (issue 11; resources/demo/demo_month.py).
    inquiries = [*inquiries, *(read("month_inquiries.json") or [])]
    return {"demo": demo, "kb": kb, "inquiries": inquiries}


# What the demo's embedded hub imports beyond the desk: the ``hub`` extra of the package.
HUB_MODULES = ("hai_central", "fastapi", "uvicorn", "argon2", "multipart")


def missing_hub_modules() -> list[str]:
    """The hub extra's modules this installation lacks (empty when the demo can run).

    A desk-only install (``pip install hai-desk``, the PyInstaller bundle) has none of them;
    the demo needs ``pip install "hai-desk[hub]"``. Checked without importing anything.
    """
    missing = []
    for name in HUB_MODULES:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            missing.append(name)
    return missing


def free_port() -> int:
    """A TCP port on loopback that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------------------ the hub


def _die_with_parent() -> None:
    """In the hub child (Linux): get SIGTERM when the desk dies, even by ``kill -9``."""
    import ctypes
    import signal

    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class DemoHub:
    """A hub process on loopback with its own temporary data dir."""

    def __init__(
        self, data_dir: Path, admin_email: str, admin_password: str, port: int | None = None
    ):
        self.data_dir = Path(data_dir)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.admin_email = admin_email
        self.admin_password = admin_password
        self.process: subprocess.Popen | None = None
        self._thread_server = None
        self._log_file = None

    @property
    def log_path(self) -> Path:
        return self.data_dir / "hub.log"

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("HAI_")}
        env.update(
            {
                "HAI_DATA_DIR": str(self.data_dir),
                "HAI_BOOTSTRAP_ADMIN_EMAIL": self.admin_email,
                "HAI_BOOTSTRAP_ADMIN_PASSWORD": self.admin_password,
                # A throwaway local hub: quick password hashing is fine and keeps start fast.
                "HAI_ENV": "development",
                "HAI_ARGON2_FAST": "1",
                "PYTHONUNBUFFERED": "1",
            }
        )
        # The hub runs with the temporary folder as its working directory: make sure it
        # imports the same hai_central as this process (a source checkout not installed).
        spec = importlib.util.find_spec("hai_central")
        if spec is not None and spec.origin:
            root = str(Path(spec.origin).resolve().parents[1])
            env["PYTHONPATH"] = os.pathsep.join(
                p for p in (root, env.get("PYTHONPATH", "")) if p
            )
        with contextlib.suppress(Exception):
            from hai_contract.reference import reference_path

            reference = reference_path()
            if reference.exists():
                env["HAI_REFERENCE_FILE"] = str(reference)
        return env

    def start(self, timeout: float = HUB_START_TIMEOUT_S) -> None:
        """Start the hub and wait until ``/health`` answers."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if getattr(sys, "frozen", False):
            self._start_in_thread()
        else:
            self._log_file = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
            cmd = [
                sys.executable,
                "-m",
                "hai_central",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ]
            self.process = subprocess.Popen(
                cmd,
                env=self.environment(),
                stdout=self._log_file,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=str(self.data_dir),
                preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
            )
        self.wait_ready(timeout)

    def _start_in_thread(self) -> None:
        # Inside a PyInstaller bundle there is no ``python -m``: serve in this process.
        import uvicorn

        from hai_central.main import create_app
        from hai_central.settings import Settings

        settings = Settings.from_env(self.environment())
        config = uvicorn.Config(
            create_app(settings),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            access_log=False,
        )
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, name="hai-demo-hub", daemon=True)
        thread.start()
        self._thread_server = (server, thread)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        last_error = ""
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise DemoError(f"the demo hub stopped at start:\n{self.log_tail()}")
            try:
                resp = requests.get(self.url + API + "/health", timeout=1.0)
                if resp.status_code == 200 and resp.json().get("status") == "ok":
                    return
                last_error = f"HTTP {resp.status_code}"
            except (requests.RequestException, ValueError) as exc:
                last_error = type(exc).__name__
            time.sleep(0.1)
        raise DemoError(
            f"the demo hub did not answer within {timeout:.0f} s ({last_error})\n{self.log_tail()}"
        )

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def is_running(self) -> bool:
        if self.process is not None:
            return self.process.poll() is None
        if self._thread_server is not None:
            return self._thread_server[1].is_alive()
        return False

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the hub (SIGTERM, then kill if it does not go)."""
        if self.process is not None:
            if self.process.poll() is None:
                self.process.terminate()
                try:
                    self.process.wait(timeout)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait(timeout)
            self.process = None
        if self._thread_server is not None:
            server, thread = self._thread_server
            server.should_exit = True
            thread.join(timeout)
            self._thread_server = None
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None


# ------------------------------------------------------------------------- loading data


class _Api:
    """A small JSON client for seeding the demo hub (one session per role)."""

    def __init__(self, base_url: str):
        self.base = base_url + API
        self.session = requests.Session()

    def login(self, email: str, password: str) -> dict[str, Any]:
        resp = self.session.post(
            self.base + "/auth/token",
            json={
                "email": email,
                "password": password,
                "device_id": str(uuid.uuid4()),
                "device_name": "hai-demo-setup",
            },
            timeout=30,
        )
        if resp.status_code != 200:
            raise DemoError(f"demo sign-in failed ({resp.status_code}): {resp.text[:200]}")
        body = resp.json()
        self.session.headers["Authorization"] = f"Bearer {body['access_token']}"
        return body

    def call(
        self, method: str, path: str, body: Any = None, ok: tuple[int, ...] = (200, 201)
    ) -> requests.Response:
        resp = self.session.request(method, self.base + path, json=body, timeout=30)
        if resp.status_code not in ok:
            raise DemoError(f"{method} {path} → {resp.status_code}: {resp.text[:300]}")
        return resp

    def close(self) -> None:
        self.session.close()


@dataclass
class SeedReport:
    """What the demo hub was loaded with (counts), and what it could not take."""

    kb_entries: int = 0
    inquiries: int = 0
    broadcasts: int = 0
    tickets: int = 0
    skipped: list[str] = field(default_factory=list)


def _office_payloads(office: dict[str, Any]) -> list[dict[str, Any]]:
    """The demo office, preceded by its parent chain from the bundled reference data."""
    chain = [office]
    try:
        from hai_contract.reference import load_reference

        ref = load_reference()
        by_code = {o["code"]: o for o in ref.get("offices", [])}
        parent = office.get("parent_code")
        while parent and parent in by_code and parent != "PUSAT":
            chain.insert(0, by_code[parent])
            parent = by_code[parent].get("parent_code")
    except (OSError, ValueError, KeyError):
        pass
    keys = ("code", "name", "kind", "parent_code")
    return [{k: o.get(k) for k in keys if o.get(k) is not None} for o in chain]


def seed_hub(url: str, data: dict[str, Any]) -> SeedReport:
    """Load the demo data into a fresh hub through its API. Idempotent (fixed ids)."""
    demo = data["demo"]
    report = SeedReport()
    admin = _Api(url)
    admin.login(demo["bootstrap_admin"]["email"], demo["bootstrap_admin"]["password"])
    for office in _office_payloads(demo["office"]):
        admin.call("POST", "/admin/offices", office, ok=(200, 201, 409))
    for role in ("cso", "agent", "broadcaster", "supervisor"):
        account = demo.get(role)
        if account:
            body = {k: account[k] for k in ("email", "name", "password", "role", "office_code")}
            admin.call("POST", "/admin/users", body, ok=(200, 201, 409))
    admin.close()

    agent = _Api(url)
    agent.login(demo["agent"]["email"], demo["agent"]["password"])
    for entry in data["kb"]:
        body = {k: v for k, v in entry.items() if k not in ("rev", "deleted")}
        agent.call("POST", "/kb", body, ok=(200, 201))
        report.kb_entries += 1

    cso = _Api(url)
    cso.login(demo["cso"]["email"], demo["cso"]["password"])
    items = data["inquiries"]
    for start in range(0, len(items), 500):
        resp = cso.call("POST", "/inquiries/batch", {"items": items[start : start + 500]})
        report.inquiries += sum(
            1 for r in resp.json().get("results", []) if r.get("status") != "rejected"
        )

    if demo.get("broadcaster") and demo.get("broadcasts"):
        caster = _Api(url)
        try:
            caster.login(demo["broadcaster"]["email"], demo["broadcaster"]["password"])
            for broadcast in demo["broadcasts"]:
                try:
                    caster.call("POST", "/broadcasts", _dated(broadcast), ok=(200, 201))
                    report.broadcasts += 1
                except DemoError as exc:
                    # One refused notice must not hide the others from the demo.
                    report.skipped.append(f"broadcast {broadcast.get('kind')}: {exc}")
        except DemoError as exc:
            report.skipped.append(f"broadcasts: {exc}")
        finally:
            caster.close()

    for bundle in demo.get("tickets") or []:
        try:
            ticket = bundle["ticket"]
            cso.call("POST", "/tickets", ticket, ok=(200, 201))
            for message in bundle.get("agent_messages") or []:
                agent.call("POST", f"/tickets/{ticket['id']}/messages", message, ok=(200, 201))
            if bundle.get("agent_patch"):
                agent.call("PATCH", f"/tickets/{ticket['id']}", bundle["agent_patch"])
            report.tickets += 1
        except DemoError as exc:
            report.skipped.append(f"ticket: {exc}")
    agent.close()
    cso.close()
    return report


# --------------------------------------------------------------------------- the session


@dataclass
class DemoSession:
    """A prepared demo: the hub running, the desk profile signed in and synced."""

    root: Path
    hub: DemoHub
    paths: ProfilePaths
    seed: SeedReport
    sync_report: Any = None
    kb_entries_local: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    keep_files: bool = False

    def close(self) -> None:
        """Stop the hub and remove the temporary folder (unless asked to keep it)."""
        self.hub.stop()
        if not self.keep_files:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> DemoSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def prepare_desk(paths: ProfilePaths, hub_url: str, demo: dict[str, Any]) -> tuple[Any, int]:
    """Create the demo CSO's desk profile, sign in, run one sync. Returns (report, kb count).

    Leaves the desk database closed (the GUI opens it again).
    """
    from hai_desktop.core import kb, profile_store, reference
    from hai_desktop.core.db.database import open_database
    from hai_desktop.core.sync import account, engine

    paths.ensure()
    db = open_database(paths.database)
    try:
        reference.seed_reference_if_empty()
        cso = demo["cso"]
        profile_store.set_profile(cso["name"], cso["email"], cso["office_code"])
        account.sign_in(paths, hub_url, cso["email"], cso["password"])
        report = engine.SyncEngine(paths).run_once(force=True)
        return report, kb.count_entries()
    finally:
        db.close()


DEMO_PREFIX = "hai-demo-"
OWNER_FILE = "owner.pid"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # POSIX only: on Windows signal 0 would terminate the process
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def remove_stale_demo_folders(tmp_dir: Path | None = None) -> list[Path]:
    """Remove the temporary folders of earlier demos whose desk process is gone.

    A demo closed normally removes its own folder; one killed (``kill -9``, a power cut)
    cannot, so the next demo start tidies up. POSIX only; elsewhere nothing is removed.
    """
    if os.name != "posix":
        return []
    removed = []
    for folder in Path(tmp_dir or tempfile.gettempdir()).glob(DEMO_PREFIX + "*"):
        try:
            pid = int((folder / OWNER_FILE).read_text().strip())
        except (OSError, ValueError):
            continue  # not ours, or still being created: leave it
        if not _pid_alive(pid):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def prepare_demo(root: Path | str | None = None, keep_files: bool = False) -> DemoSession:
    """Start the demo hub, load the demo data, prepare a signed-in, synced desk profile.

    ``root`` is the folder for the hub's and the desk's files (default: a new temporary
    folder). On failure the hub is stopped and the folder removed before raising.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    data = load_demo_data()
    demo = data["demo"]
    if root:
        root = Path(root)
    else:
        remove_stale_demo_folders()
        root = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
        (root / OWNER_FILE).write_text(str(os.getpid()))
    hub = DemoHub(
        root / "hub", demo["bootstrap_admin"]["email"], demo["bootstrap_admin"]["password"]
    )
    try:
        hub.start()
        timings["hub_start_s"] = time.perf_counter() - started
        mark = time.perf_counter()
        seed = seed_hub(hub.url, data)
        timings["seed_s"] = time.perf_counter() - mark
        mark = time.perf_counter()
        paths = ProfilePaths.for_dir(root / "desk")
        report, local = prepare_desk(paths, hub.url, demo)
        timings["desk_sync_s"] = time.perf_counter() - mark
    except BaseException:
        hub.stop()
        if not keep_files:
            shutil.rmtree(root, ignore_errors=True)
        raise
    timings["total_s"] = time.perf_counter() - started
    log.info("demo ready in %.1f s (%s)", timings["total_s"], timings)
    return DemoSession(root, hub, paths, seed, report, local, timings, keep_files)


def _dated(broadcast: dict) -> dict:
    """The broadcast with ``reply_due_in_days`` turned into a ``reply_due`` that lies ahead:
    the hub refuses a due date in the past, and the demo data is read on any later day."""
    item = dict(broadcast)
    days = item.pop("reply_due_in_days", None)
    if days is not None:
        from datetime import UTC, datetime, timedelta

        item["reply_due"] = (datetime.now(UTC) + timedelta(days=days)).isoformat()
    return item

