"""A ticket survives ``kill -9`` of the desk: the real hub on loopback, a real desk process
(``hai-desktop ticket new`` / ``hai-desktop sync``) killed with SIGKILL, a real proxy that
slows the link and counts the bytes that cross it.

- (a) killed after the attachment's upload was answered and before the ticket was sent;
- (b) killed in the middle of a large upload (the link throttled so the moment is
  controllable).

After a restart and a sync the hub holds exactly one ticket with its attachments
byte-identical (SHA-256 checked), and the upload went on from where the hub stood: the bytes
sent after the restart are what was missing, not the whole file.
"""

from __future__ import annotations

import hashlib
import os
import signal
import time

import pytest

from hai_desktop.core import attachments, inquiries, outbox
from tests.integration.hub_harness import make_desk, reopen
from tests.integration.test_sync_reliability import desk_cli
from tests.integration.test_tickets_sync import escalated_inquiry
from tests.integration.ticket_checks import (
    MB,
    assert_one_ticket_byte_identical,
    hub_offset,
    hub_tickets,
    pdf_bytes,
    queue_ticket,
)


def wait_for(predicate, proc, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"the desk ended early ({proc.returncode}): {out}{err}")
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def kill9(proc) -> None:
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(10)
    assert proc.returncode == -signal.SIGKILL


def sync_ok(paths) -> None:
    proc = desk_cli(paths, "sync")
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, out + err


def test_kill9_between_attachment_upload_and_ticket(hub, account, proxy, tmp_path):
    paths = make_desk(tmp_path / "desk", proxy.url, account)
    inquiry_id = escalated_inquiry()
    files = {}
    args = []
    for i, size in enumerate((600 * 1024, 40 * 1024)):
        data = pdf_bytes(size)
        src = tmp_path / f"lampiran-{i}.pdf"
        src.write_bytes(data)
        files[hashlib.sha256(data).hexdigest()] = data
        args += ["--attach", str(src)]
    made = desk_cli(paths, "ticket", "new", "--inquiry", inquiry_id, *args)
    out, err = made.communicate(timeout=60)
    assert made.returncode == 0, out + err
    ticket_id = out.split(": ", 1)[1].split()[0]

    marker = tmp_path / "pushed"
    proc = desk_cli(paths, "sync", env_extra={"HAI_TEST_CRASH_AFTER_PUSH": f"pause:{marker}"})
    wait_for(marker.exists, proc)
    # The hub answered the uploads (the first push batch); the desk has not stored that
    # and has not sent the ticket. Pull the plug.
    kill9(proc)
    reopen(paths)
    assert sorted(outbox.waiting_on("ticket", ticket_id)) == sorted(
        ("attachment", sha) for sha in files
    )
    assert all(hub_offset(hub, account, sha) is None for sha in files)  # whole files there
    assert hub_tickets(hub, account) == []

    before = proxy.body_bytes_by_method.get("PATCH", 0)
    sync_ok(paths)
    reopen(paths)
    # The restart asked the hub (HEAD) and sent no file bytes again.
    assert proxy.body_bytes_by_method.get("PATCH", 0) == before
    assert_one_ticket_byte_identical(hub, account, ticket_id, files)
    assert inquiries.get_inquiry(inquiry_id).ticket_id == ticket_id


def test_kill9_during_a_large_upload_resumes(hub, account, proxy, tmp_path):
    paths = make_desk(tmp_path / "desk", proxy.url, account)
    size = 4 * MB
    data = pdf_bytes(size)
    sha = hashlib.sha256(data).hexdigest()
    ticket, _ = queue_ticket(tmp_path, data)
    assert attachments.path_for(sha).read_bytes() == data

    proxy.throttle_bps = 1.0 * MB  # an office link: ~4 s for the whole file
    proc = desk_cli(paths, "sync")
    wait_for(lambda: proxy.body_bytes_by_method.get("PATCH", 0) >= 1.6 * MB, proc)
    kill9(proc)
    proxy.throttle_bps = None
    time.sleep(0.3)  # the proxy forwards the chunk it had completely, drops the torn one
    held = hub_offset(hub, account, sha)
    assert held is not None and 1 * MB <= held < size, held
    assert hub_tickets(hub, account) == []

    before = proxy.body_bytes_by_method.get("PATCH", 0)
    sync_ok(paths)
    reopen(paths)
    sent_after_restart = proxy.body_bytes_by_method.get("PATCH", 0) - before
    assert sent_after_restart == size - held  # resumed at the hub's offset, not from 0
    assert sent_after_restart < size
    assert_one_ticket_byte_identical(hub, account, ticket.id, {sha: data})
