"""The demo's embedded hub: ``hai_central`` on loopback with its own temporary data dir.

Started as a subprocess (``python -m hai_central serve``) on 127.0.0.1 and a free port, a
SQLite database and the demo admin bootstrapped from the environment. Needs the ``hub``
extra (``missing_hub_modules``); the desk-only install never imports this module's hub.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

from hai_desktop.core.errors import HaiError

API = "/api/v1"
HUB_START_TIMEOUT_S = 30.0


class DemoError(HaiError):
    """The demo could not be prepared (the message says which step failed)."""


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
            env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
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
