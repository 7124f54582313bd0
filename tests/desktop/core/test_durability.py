"""A save is atomic (row + outbox row, or neither) and durable (survives kill -9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from hai_desktop.core import inquiries, outbox
from hai_desktop.core.db.database import open_database, quick_check
from hai_desktop.core.db.models import Inquiry, OutboxRow
from hai_desktop.core.inquiries_form import InquiryInput


def _form(**kw) -> InquiryInput:
    base = dict(
        channel="telepon",
        department="PKN",
        visitor_name="Ani",
        question="Kapan SP2D terbit?",
        answer="Setelah SPM diproses.",
        outcome="answered",
    )
    base.update(kw)
    return InquiryInput(**base)


def test_failure_mid_transaction_leaves_neither_row(db, monkeypatch):
    def broken(record_type, record_id):
        raise OSError("disk full")

    monkeypatch.setattr(outbox, "enqueue", broken)
    with pytest.raises(OSError):
        inquiries.save_inquiry(_form())
    assert Inquiry.select().count() == 0
    assert OutboxRow.select().count() == 0
    assert db.execute_sql("SELECT count(*) FROM inquiry_fts").fetchone()[0] == 0


def test_failed_edit_keeps_previous_version(db, monkeypatch):
    saved = inquiries.save_inquiry(_form())
    outbox.ack([r.id for r in outbox.pending()])
    monkeypatch.setattr(outbox, "enqueue", lambda *a: (_ for _ in ()).throw(OSError("io")))
    form = inquiries.to_input(saved)
    form.question = "berubah"
    with pytest.raises(OSError):
        inquiries.save_inquiry(form)
    stored = inquiries.get_inquiry(saved.id)
    assert (stored.question, stored.version, stored.sync_status) == (
        "Kapan SP2D terbit?",
        1,
        "synced",
    )
    assert outbox.depth() == 0


WRITER = textwrap.dedent(
    """
    import sys
    from hai_desktop.core import inquiries, reference
    from hai_desktop.core.db.database import open_database
    from hai_desktop.core.inquiries_form import InquiryInput

    open_database(sys.argv[1])
    reference.seed_reference_if_empty()
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        saved = inquiries.save_inquiry(InquiryInput(
            channel="telepon", department="PA", visitor_name="Pengunjung",
            question=f"pertanyaan nomor {n}", answer="jawaban " * 200, outcome="answered"))
        print(saved.id, flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_9_loses_no_committed_save(tmp_path):
    path = tmp_path / "crash.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        bufsize=1,
    )
    printed: list[str] = []
    try:
        assert proc.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        while len(printed) < 40 and time.monotonic() < deadline:
            line = proc.stdout.readline().strip()
            if line:
                printed.append(line)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        # Lines already in the pipe were committed too.
        printed += [x for x in proc.stdout.read().split() if x]
    finally:
        if proc.poll() is None:
            proc.kill()
    assert len(printed) >= 40
    db = open_database(path)
    try:
        assert quick_check(db) == []
        stored = {r.id for r in Inquiry.select(Inquiry.id)}
        queued = {r.record_id for r in OutboxRow.select(OutboxRow.record_id)}
        missing = [i for i in printed if i not in stored]
        assert missing == []
        assert set(printed) <= queued
        assert stored == queued  # no row without its outbox row, nor the other way
        db.execute_sql("INSERT INTO inquiry_fts(inquiry_fts) VALUES ('integrity-check')")
    finally:
        db.close()
