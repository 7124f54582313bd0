"""Real storage faults for tests: a second process holding the database exclusively, a small
tmpfs that fills up, a read-only mount, a process without root's permission bypass.

Mounting needs root (CI runs as root). Where a mount is refused the test is skipped with
the reason (shown by pytest's ``-ra`` summary), never silently.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

HOLDER = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("COMMIT")  # exclusive mode keeps the lock after the first write transaction
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
print("holding", flush=True)
sys.stdin.readline()
conn.close()
"""


@contextlib.contextmanager
def exclusive_holder(db_path: Path) -> Iterator[subprocess.Popen]:
    """Another process that holds ``db_path`` with ``locking_mode=EXCLUSIVE`` until exit."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout.readline().strip() == "holding"
        yield proc
    finally:
        with contextlib.suppress(OSError):
            proc.stdin.write("\n")
            proc.stdin.flush()
        proc.wait(10)


def _run(*cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True)


@contextlib.contextmanager
def small_tmpfs(size: str = "4m") -> Iterator[Path]:
    """A fresh tmpfs of ``size`` (skipped with the reason when mounting is refused)."""
    point = Path(tempfile.mkdtemp(prefix="hai-tmpfs-"))
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(point))
    if done.returncode != 0:
        point.rmdir()
        reason = f"cannot mount a tmpfs (needs root, as CI has): {done.stderr.strip()}"
        print(reason)
        pytest.skip(reason)
    try:
        yield point
    finally:
        _run("umount", "-l", str(point))
        with contextlib.suppress(OSError):
            point.rmdir()


def fill(folder: Path, leave_bytes: int = 0) -> Path:
    """Fill the filesystem of ``folder`` up to ``leave_bytes`` free; returns the filler."""
    filler = folder / "filler.bin"
    with open(filler, "ab") as fh:
        chunk = b"\xff" * 65536
        while True:
            free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
            if free <= leave_bytes:
                break
            try:
                fh.write(chunk[: max(1, min(len(chunk), free - leave_bytes))])
                fh.flush()
            except OSError:
                break
    return filler


@contextlib.contextmanager
def read_only_mount(folder: Path) -> Iterator[Path]:
    """``folder`` re-mounted read-only in place (a bind mount), for the test's duration."""
    done = _run("mount", "--bind", str(folder), str(folder))
    if done.returncode == 0:
        done = _run("mount", "-o", "remount,ro,bind", str(folder))
        if done.returncode != 0:
            _run("umount", "-l", str(folder))
    if done.returncode != 0:
        reason = f"cannot make a read-only bind mount (needs root, as CI has): {done.stderr}"
        print(reason)
        pytest.skip(reason)
    try:
        yield folder
    finally:
        _run("umount", "-l", str(folder))


def run_as_nobody(code: str, *args: str) -> subprocess.CompletedProcess:
    """Run Python ``code`` as user ``nobody`` (root bypasses file permissions)."""
    if os.geteuid() != 0:
        reason = "dropping privileges needs root (as CI has)"
        print(reason)
        pytest.skip(reason)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))

    def demote() -> None:
        os.setgid(65534)
        os.setuid(65534)

    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        preexec_fn=demote,
        env=env,
        timeout=60,
    )


def save_answered(question: str = "Bagaimana pencairan dana?"):
    """Save one answered inquiry through the real store (the record a storage test guards)."""
    from hai_desktop.core import inquiries
    from hai_desktop.core.inquiries_form import InquiryInput

    return inquiries.save_inquiry(
        InquiryInput(
            channel="telepon",
            department="PA",
            visitor_name="Ani",
            question=question,
            answer="Dijawab.",
            outcome="answered",
        )
    )
