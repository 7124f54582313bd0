"""``hai-desktop login`` and ``hai-desktop sync`` headless, against the real hub."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from hai_desktop.core import credentials, outbox, settings
from tests.integration.hub_harness import hub_inquiry_ids, reopen
from tests.integration.test_sync_reliability import save_many

REPO = Path(__file__).resolve().parents[2]


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return subprocess.run(
        [sys.executable, "-m", "hai_desktop", *args],
        input=stdin,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_login_then_sync_then_offline_sync_fails_with_reason(hub, tmp_path):
    account = hub.create_office_with_cso()
    data_dir = str(tmp_path / "desk")

    bad = run_cli(
        "login", "--hub", hub.url, "--email", account.email, "--data-dir", data_dir, stdin="salah\n"
    )
    assert bad.returncode == 1 and "salah" in bad.stderr

    ok = run_cli(
        "login",
        "--hub",
        hub.url,
        "--email",
        account.email,
        "--data-dir",
        data_dir,
        stdin=account.password + "\n",
    )
    assert ok.returncode == 0, ok.stderr
    assert "Profil desk dibuat" in ok.stdout  # a fresh PC gets its profile from the hub
    paths = reopen_paths(data_dir)
    assert credentials.load_token(paths)
    # The password is nowhere in the profile.
    for file in Path(data_dir).rglob("*"):
        if file.is_file():
            assert account.password.encode() not in file.read_bytes()
    saved = save_many(5)

    result = run_cli("sync", "--data-dir", data_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Terkirim ke HAI Hub: 5" in result.stdout
    assert set(hub_inquiry_ids(hub.url, account)) == set(saved)

    # The hub becomes unreachable: the queued record is kept and the exit code says so.
    save_many(1, "Menunggu")
    s = settings.Settings.load(Path(data_dir) / "settings.json")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    s.hub_url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()
    s.save(Path(data_dir) / "settings.json")
    result = run_cli("sync", "--data-dir", data_dir)
    assert result.returncode == 1
    from hai_desktop.cli_texts import SYNC_TEXTS
    from hai_desktop.core.sync import codes

    # Nothing listens on that port on a working network: "the hub is not answering".
    assert "Alasan:" in result.stderr and SYNC_TEXTS[codes.HUB_NOT_ANSWERING] in result.stderr
    reopen(paths)
    assert outbox.depth() == 1


def reopen_paths(data_dir: str):
    from hai_desktop.core.paths import ProfilePaths

    paths = ProfilePaths.for_dir(data_dir)
    reopen(paths)
    return paths
