"""Desk ↔ real hub on loopback: crashes and network faults lose nothing and duplicate nothing.

- the desk killed (SIGKILL) after the push request left and before the ack was stored;
- the hub killed (SIGKILL) and restarted in the middle of a sync;
- faults through a real misbehaving proxy: connection reset, 502, a 200 with an HTML page,
  an answer slower than the timeout, 429 with Retry-After, and a real 401 (revoked token).

Each ends with a clean sync after which the hub holds every inquiry exactly once (checked
through its changes feed) and the desk's outbox is empty.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from hai_desktop.core import (
    credentials,
    inquiries,
    inquiries_form,
    inquiries_view,
    outbox,
    settings,
)
from hai_desktop.core.sync import account as sync_account
from hai_desktop.core.sync import codes, state
from hai_desktop.core.sync.client import HubClient
from hai_desktop.core.sync.engine import SyncEngine
from hai_desktop.core.sync.protocol import ErrorKind
from hai_desktop.core.sync.status import STATE_ATTENTION, STATE_OFFLINE, STATE_ONLINE
from tests.integration.hub_harness import API, hub_inquiry_ids, make_desk, reopen

REPO = Path(__file__).resolve().parents[2]


def save_many(n: int, prefix: str = "Pertanyaan") -> list[str]:
    ids = []
    for i in range(n):
        inq = inquiries.save_inquiry(
            inquiries_form.InquiryInput(
                channel="tatap_muka",
                department="PA",
                visitor_name="Pengunjung Uji",
                question=f"{prefix} {i}: bagaimana revisi DIPA?",
                answer="Ajukan revisi melalui aplikasi SAKTI.",
                outcome="answered",
            )
        )
        ids.append(inq.id)
    return ids


def assert_exactly_once(hub_url: str, account, saved: list[str]) -> None:
    held = hub_inquiry_ids(hub_url, account)
    assert len(held) == len(set(held)), "the hub holds an inquiry twice"
    assert set(held) == set(saved)
    assert outbox.depth() == 0
    assert all(inquiries.get_inquiry(i).sync_status == "synced" for i in saved)


def set_timeout(paths, seconds: float) -> None:
    s = settings.Settings.load(paths.settings)
    s.hub_timeout_s = seconds
    s.save(paths.settings)


def desk_cli(paths, *args: str, env_extra: dict | None = None) -> subprocess.Popen:
    env = dict(os.environ)
    env.update(env_extra or {})
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    return subprocess.Popen(
        [sys.executable, "-m", "hai_desktop", *args, "--data-dir", str(paths.data_dir)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# ------------------------------------------------------------------------------- crashes


def test_kill9_after_push_before_ack(hub, account, tmp_path):
    paths = make_desk(tmp_path / "desk", hub.url, account)
    saved = save_many(700)  # two batches: the first is answered, then the desk dies
    marker = tmp_path / "pushed"
    proc = desk_cli(paths, "sync", env_extra={"HAI_TEST_CRASH_AFTER_PUSH": f"pause:{marker}"})
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    # The hub answered the first batch; the desk has not stored the ack. Pull the plug.
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL

    reopen(paths)
    assert outbox.depth() == 700  # nothing was acknowledged locally
    held = hub_inquiry_ids(hub.url, account)
    assert len(held) == 500  # ...but the hub stored the first batch

    # Restart the desk and sync: the first batch is resent (unchanged), the rest created.
    proc = desk_cli(paths, "sync")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, out + err
    reopen(paths)
    assert_exactly_once(hub.url, account, saved)


def test_kill9_desk_exit_hook_then_resync(hub, account, tmp_path):
    """The same with the immediate-exit hook (os._exit right after the response)."""
    paths = make_desk(tmp_path / "desk", hub.url, account)
    saved = save_many(30)
    proc = desk_cli(paths, "sync", env_extra={"HAI_TEST_CRASH_AFTER_PUSH": "1"})
    proc.communicate(timeout=120)
    assert proc.returncode == 137
    reopen(paths)
    assert outbox.depth() == 30
    report = SyncEngine(paths).run_once(force=True)
    assert report.ok and report.unchanged == 30
    assert_exactly_once(hub.url, account, saved)


def test_hub_kill9_mid_sync_then_restart(hub, account, tmp_path):
    paths = make_desk(tmp_path / "desk", hub.url, account)
    saved = save_many(1600)
    killed = threading.Event()

    def kill_soon(phase, done, total):
        # After the first acknowledged batch, kill the hub while the next one is in flight.
        if phase == "push" and not killed.is_set():
            killed.set()
            threading.Timer(0.03, hub.kill9).start()

    report = SyncEngine(paths, progress=kill_soon).run_once(force=True)
    assert killed.is_set()
    time.sleep(0.5)
    assert not report.ok and report.error.kind is ErrorKind.OFFLINE
    assert report.status.state == STATE_OFFLINE
    assert report.status.code in (codes.HUB_NOT_ANSWERING, codes.CONNECTION_LOST, codes.TIMEOUT)
    assert 0 < outbox.depth() < 1600

    hub.restart()
    report = SyncEngine(paths).run_once(force=True)
    assert report.ok, report.error
    assert report.status.state == STATE_ONLINE
    assert_exactly_once(hub.url, account, saved)


# -------------------------------------------------------------------------------- faults


@pytest.mark.parametrize(
    ("fault", "kind", "code"),
    [
        ("reset", ErrorKind.OFFLINE, codes.CONNECTION_LOST),
        ("reset_after_forward", ErrorKind.OFFLINE, codes.CONNECTION_LOST),
        ("502", ErrorKind.HUB_FAULT, codes.HUB_FAULT),
        ("html", ErrorKind.HUB_FAULT, codes.NOT_THE_HUB),
        ("slow", ErrorKind.OFFLINE, codes.TIMEOUT),
    ],
    ids=[
        "test_fault_connection_reset",
        "test_fault_reset_after_hub_stored",
        "test_fault_502_bad_gateway",
        "test_fault_200_html_captive_portal",
        "test_fault_response_slower_than_timeout",
    ],
)
def test_fault_then_clean_sync(hub, account, proxy, tmp_path, fault, kind, code):
    paths = make_desk(tmp_path / "desk", proxy.url, account)
    set_timeout(paths, 1.0)
    saved = save_many(25)
    proxy.set_fault(fault, path_contains="/inquiries/batch", slow_s=2.0)
    report = SyncEngine(paths).run_once(force=True)
    assert not report.ok
    assert report.error.kind is kind
    assert report.status.code == code
    assert report.status.state == STATE_OFFLINE
    assert report.status.waiting == 25 and outbox.depth() == 25  # nothing lost
    engine = SyncEngine(paths)
    assert not engine.due()  # backoff: the timer will not hammer a failing hub
    proxy.clear()
    report = engine.run_once(force=True)
    assert report.ok, report.error
    assert report.status.state == STATE_ONLINE and report.status.waiting == 0
    assert_exactly_once(hub.url, account, saved)


def test_fault_html_on_a_pull_is_not_success(hub, account, proxy, tmp_path):
    from tests.integration.test_tickets_sync import agent_session

    # Something new in the KB, so that the heartbeat sends the desk to pull it.
    entry = {"id": str(uuid.uuid4()), "title": "Jam layanan", "question": "Kapan buka?",
             "answer": "Senin-Jumat.", "department": "PA"}  # fmt: skip
    assert agent_session(hub).post(hub.url + API + "/kb", json=entry, timeout=30).ok
    paths = make_desk(tmp_path / "desk", proxy.url, account)
    proxy.set_fault("html", path_contains="/kb/changes")
    cursor_before = state.get_cursor("kb")
    report = SyncEngine(paths).run_once(force=True)
    assert report.error.kind is ErrorKind.HUB_FAULT
    assert state.get_cursor("kb") == cursor_before  # the cursor never moves on junk
    proxy.clear()
    assert SyncEngine(paths).run_once(force=True).ok


def test_fault_429_retry_after_is_honoured(hub, account, proxy, tmp_path):
    paths = make_desk(tmp_path / "desk", proxy.url, account)
    saved = save_many(10)
    proxy.set_fault("429", times=1, retry_after=2, path_contains="/inquiries/batch")
    engine = SyncEngine(paths)
    report = engine.run_once(force=True)
    assert report.error.kind is ErrorKind.THROTTLED and report.error.retry_after == 2
    assert report.status.code == codes.THROTTLED and report.status.params == {"seconds": 2}
    assert engine.run_once(force=True).skipped  # even the button waits for Retry-After
    time.sleep(2.1)
    report = engine.run_once()
    assert report.ok, report.error
    assert_exactly_once(hub.url, account, saved)


def test_fault_401_expired_token_then_sign_in_again(hub, account, tmp_path):
    paths = make_desk(tmp_path / "desk", hub.url, account)
    saved = save_many(12)
    # The hub revokes the desk's token (as expiry or an admin would): a real 401.
    HubClient(hub.url, token=credentials.load_token(paths)).logout()
    report = SyncEngine(paths).run_once(force=True)
    assert report.error.kind is ErrorKind.AUTH
    assert report.status.state == STATE_ATTENTION and report.status.needs_signin
    assert report.status.code == codes.SESSION_ENDED
    assert credentials.load_token(paths) is None
    assert outbox.depth() == 12  # everything stays queued
    sync_account.sign_in(paths, hub.url, account.email, account.password)
    report = SyncEngine(paths).run_once(force=True)
    assert report.ok, report.error
    assert_exactly_once(hub.url, account, saved)


def test_rejected_item_marked_with_hub_message(hub, account, tmp_path):
    """An inquiry the hub refuses (another office's id) is marked; the rest go through."""
    other = hub.create_office_with_cso()
    other_paths = make_desk(tmp_path / "other", hub.url, other)
    taken = save_many(1, "Kantor lain")[0]
    assert SyncEngine(other_paths).run_once(force=True).ok

    paths = make_desk(tmp_path / "desk", hub.url, account)
    saved = save_many(3)
    # Same UUID as the other office's record: the hub must refuse it for this office.
    inquiries.save_inquiry(
        inquiries_form.InquiryInput(
            id=None,
            channel="tatap_muka",
            department="PA",
            visitor_name="Pengunjung Uji",
            question="Pertanyaan dengan id bentrok",
            outcome="answered",
            answer="-",
        )
    )
    clash = inquiries_view.list_inquiries(None, limit=10)[0].id
    paths_db = reopen(paths)
    paths_db.execute_sql("UPDATE outbox SET record_id = ? WHERE record_id = ?", (taken, clash))
    paths_db.execute_sql("UPDATE inquiry SET id = ? WHERE id = ?", (taken, clash))
    report = SyncEngine(paths).run_once(force=True)
    assert report.ok
    assert [r[1] for r in report.rejected] == [taken]
    row = inquiries.get_inquiry(taken)
    assert row.sync_status == "rejected" and row.sync_error
    assert report.status.state == STATE_ATTENTION
    assert set(saved) <= set(hub_inquiry_ids(hub.url, account))
