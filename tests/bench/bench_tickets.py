"""Benchmark: tickets and attachments, desk ↔ real hub on loopback (run by hand, not by pytest).

    .venv/bin/python tests/bench/bench_tickets.py [--tickets 30] [--size-mb 15]
                                                  [--link-mbit 1] [--quick] [--no-gui]
                                                  [--idle-s 30]

1. Send → number: N tickets, each saved (``create_ticket``, one 100 KB PDF attached to every
   other one) and sent by a sync pass until the hub's number is stored on the desk → p50/p95
   ms. Baseline in the same run: a bare ``POST /tickets`` of the same JSON with ``requests``
   (the hub's own share of the time).
2. Upload throughput: one file of ``--size-mb`` MB through the engine's resumable upload
   (512 KB ``PATCH`` chunks, ``HEAD`` first) → MB/s; baseline: one ``PUT`` of the whole file.
3. A slow office link: the same size through the fault proxy (in its own process, as a
   link is) throttled to ``--link-mbit`` Mbit/s that drops the connection twice (at about 1/3 and 2/3 of the file, mid-chunk).
   Passes are repeated until the ticket has its number (as the desk's timer would, without
   its backoff pause) → seconds, passes, the bytes that crossed the link vs the file size
   (resume efficiency). With Qt (unless ``--no-gui``) the passes run in the GUI's
   ``SyncController`` (task manager's sync lane) in an offscreen ``QApplication`` and a 5 ms
   ``QTimer`` on the GUI thread records the longest event-loop stall (target ≤ 50 ms).
   Baseline in the same run, first: the same timer with nothing running for ``--idle-s``
   seconds (on a shared, loaded machine an idle Qt process stalls too; compare the two).
   ``--quick``: an 8 Mbit/s link (≈ 16 s for 15 MB instead of ≈ 2 min).

The hub runs as a subprocess (``python -m hai_central serve``, SQLite in a temporary dir).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

import requests  # noqa: E402

from hai_desktop.core import credentials, tickets, tickets_hub, tickets_sync  # noqa: E402
from hai_desktop.core.db.models import Ticket  # noqa: E402
from hai_desktop.core.sync.engine import SyncEngine  # noqa: E402
from tests.integration.fault_proxy import FaultProxy  # noqa: E402
from tests.integration.hub_harness import API, Hub, make_desk  # noqa: E402

MB = 1024 * 1024


def _p(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1] if len(values) > 1 else values[0]


def pdf(size: int) -> bytes:
    return (b"%PDF-1.4\n" + os.urandom(size))[:size]


def form(subject: str, paths: list[str]) -> tickets.TicketInput:
    return tickets.TicketInput(
        department="PA",
        subject=subject,
        message=f"{subject}: mohon penjelasan dari HAI-DJPBN.",
        requester_name="Pemohon Uji",
        requester_email="pemohon@kemenkeu.go.id",
        attachment_paths=paths,
    )


def queue_ticket(work: Path, subject: str, data: bytes | None) -> Ticket:
    paths = []
    if data is not None:
        src = work / f"{uuid.uuid4().hex[:8]}.pdf"
        src.write_bytes(data)
        paths.append(str(src))
    return tickets.create_ticket(form(subject, paths))


def bench_send_to_number(hub: Hub, work: Path, n: int) -> dict:
    acc = hub.create_office_with_cso()
    paths = make_desk(work / "numbers", hub.url, acc)
    engine = SyncEngine(paths)
    assert engine.run_once(force=True).ok  # first pass: reference, feeds (not timed)
    times, with_file = [], []
    for i in range(n):
        t = time.perf_counter()
        ticket = queue_ticket(work, f"Tiket uji {i}", pdf(100_000) if i % 2 else None)
        report = engine.run_once(force=True)
        number = Ticket.get_by_id(ticket.id).number
        ms = (time.perf_counter() - t) * 1000
        assert report.ok and number, report.summary_lines()
        (with_file if i % 2 else times).append(ms)
    token = credentials.load_token(paths)
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    bare = []
    template = tickets_hub.ticket_wire(Ticket.get_by_id(ticket.id))
    for _ in range(n):
        body = dict(template, id=str(uuid.uuid4()), attachments=[])
        t = time.perf_counter()
        r = session.post(hub.url + API + "/tickets", json=body, timeout=30)
        bare.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 201, r.text
    return {
        "number_ms_p50": _p(times, 50),
        "number_ms_p95": _p(times, 95),
        "number_file_ms_p50": _p(with_file, 50),
        "number_file_ms_p95": _p(with_file, 95),
        "bare_post_ms_p50": _p(bare, 50),
        "bare_post_ms_p95": _p(bare, 95),
        "sync_requests_per_pass": report.requests,
    }


def bench_throughput(hub: Hub, work: Path, size: int) -> dict:
    acc = hub.create_office_with_cso()
    paths = make_desk(work / "throughput", hub.url, acc)
    engine = SyncEngine(paths)
    assert engine.run_once(force=True).ok
    data = pdf(size)
    ticket = queue_ticket(work, "Lampiran besar", data)
    sent_before = tickets_sync.STATS.bytes_sent
    last_chunk = [0.0]

    def on_progress(sha: str, offset: int, total: int) -> None:
        last_chunk[0] = time.perf_counter()

    tickets_sync.progress_listeners.append(on_progress)
    t_pass = time.perf_counter()
    report = engine.run_once(force=True)
    elapsed = time.perf_counter() - t_pass
    tickets_sync.progress_listeners.remove(on_progress)
    assert report.ok and Ticket.get_by_id(ticket.id).number, report.summary_lines()
    sent = tickets_sync.STATS.bytes_sent - sent_before
    # Baseline: the same bytes (new ones, so the hub does not already hold them) in one PUT.
    other = pdf(size)
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {credentials.load_token(paths)}"
    t = time.perf_counter()
    r = session.put(
        f"{hub.url}{API}/attachments/{hashlib.sha256(other).hexdigest()}",
        data=other,
        headers={"Content-Type": "application/pdf", "X-Filename": "dasar.pdf"},
        timeout=120,
    )
    put_s = time.perf_counter() - t
    assert r.status_code == 201, r.text
    return {
        "upload_s": elapsed,
        "upload_mb_s": size / MB / elapsed,
        # From the pass's start to the last chunk's answer (the pass also pulls the feeds).
        "upload_only_mb_s": size / MB / (last_chunk[0] - t_pass),
        "upload_bytes_sent": sent,
        "put_mb_s": size / MB / put_s,
    }


def _proxy_process_main(upstream: str, conn) -> None:
    """The fault proxy's own process: runs commands from the bench until told to stop."""
    proxy = FaultProxy(upstream).start()
    conn.send(proxy.url)
    while True:
        command, args, kwargs = conn.recv()
        if command == "get":
            conn.send(getattr(proxy, args[0]))
        elif command == "set":
            setattr(proxy, *args)
            conn.send(None)
        else:
            conn.send(getattr(proxy, command)(*args, **kwargs))
            if command == "stop":
                return


class ProxyProcess:
    """The fault proxy in a process of its own: in an office the link is not in the desk's
    process, so its threads must not take the desk's GIL (the GUI stall is the desk's)."""

    def __init__(self, upstream: str) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._conn, child = ctx.Pipe()
        self._process = ctx.Process(target=_proxy_process_main, args=(upstream, child))
        self._process.daemon = True
        self._process.start()
        self.url = self._conn.recv()
        self._lock = threading.Lock()

    def _call(self, command: str, *args, **kwargs):
        with self._lock:
            self._conn.send((command, args, kwargs))
            return self._conn.recv()

    def get(self, name: str):
        return self._call("get", name)

    def set(self, name: str, value) -> None:
        self._call("set", name, value)

    def set_fault(self, fault: str, **kwargs) -> None:
        self._call("set_fault", fault, **kwargs)

    @property
    def body_bytes(self) -> int:
        return self.get("body_bytes")

    def stop(self) -> None:
        self._call("stop")
        self._process.join(10)


class LinkDropper:
    """Drops the throttled link (mid-chunk) once the bytes through it pass each mark."""

    def __init__(self, proxy: ProxyProcess, marks: list[int]) -> None:
        self.proxy = proxy
        self.marks = sorted(marks)
        self.dropped = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def start(self) -> LinkDropper:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)

    def _watch(self) -> None:
        while self.marks and not self._stop.wait(0.05):
            if self.proxy.body_bytes >= self.marks[0]:
                self.marks.pop(0)
                self.proxy.set_fault(
                    "cut",
                    times=1,
                    method="PATCH",
                    path_contains="/attachments/",
                    cut_after=tickets_sync.CHUNK_BYTES // 3,
                )
                self.dropped += 1


def _passes_plain(paths, ticket_id: str) -> dict:
    engine = SyncEngine(paths)
    passes = 0
    while True:
        passes += 1
        report = engine.run_once(force=True)
        if report.ok and Ticket.get_by_id(ticket_id).number:
            return {"passes": passes}
        assert passes < 20, report.summary_lines()


def _passes_in_gui(paths, ticket_id: str, idle_s: float) -> dict:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from hai_desktop.gui.sync_controller import SyncController

    app = QApplication.instance() or QApplication([])
    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]
    passes = [0]
    progress = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    def finished(report) -> None:
        # Nothing on the GUI thread touches the database (as in the app): the report says it.
        passes[0] += 1
        if report.ok:
            app.quit()
        elif passes[0] >= 20:
            app.quit()
        else:
            QTimer.singleShot(0, controller.sync_now)  # the link is back: try again

    # What a ticket view listens to (called on the sync lane: it must stay cheap).
    def on_progress(sha: str, offset: int, size: int) -> None:
        progress[0] += 1

    tickets_sync.progress_listeners.append(on_progress)
    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    # Baseline in the same run: the same timer with nothing to do (the machine's own noise).
    clock.start()
    ticker.start()
    QTimer.singleShot(int(idle_s * 1000), app.quit)
    app.exec()
    ticker.stop()
    idle = gaps[1:] or [0]
    gaps.clear()
    last[0] = 0
    # Made after the baseline: the app's aboutToQuit stops a controller.
    controller = SyncController(paths)
    controller.sync_finished.connect(finished)
    controller.start(first_sync_delay_ms=-1)
    clock.start()
    ticker.start()
    QTimer.singleShot(0, controller.sync_now)
    app.exec()
    ticker.stop()
    controller.stop()
    tickets_sync.progress_listeners.remove(on_progress)
    gaps = gaps[1:] or [0]
    assert Ticket.get_by_id(ticket_id).number, "the ticket did not get through"
    return {
        "passes": passes[0],
        "gui_stall_max_ms": max(gaps),
        "gui_stall_p99_ms": sorted(gaps)[int(len(gaps) * 0.99) - 1] if len(gaps) > 1 else 0,
        "gui_ticks": len(gaps),
        "gui_stalls_over_50ms": sum(g > 50 for g in gaps),
        "gui_idle_stall_max_ms": max(idle),
        "gui_idle_stall_p99_ms": sorted(idle)[int(len(idle) * 0.99) - 1] if len(idle) > 1 else 0,
        "gui_idle_stalls_over_50ms": sum(g > 50 for g in idle),
        "gui_idle_ticks": len(idle),
        "progress_events": progress[0],
    }


def bench_slow_link(
    hub: Hub, work: Path, size: int, mbit: float, gui: bool, idle_s: float = 30.0
) -> dict:
    proxy = ProxyProcess(hub.url)
    try:
        acc = hub.create_office_with_cso()
        paths = make_desk(work / "slowlink", proxy.url, acc)
        assert SyncEngine(paths).run_once(force=True).ok
        data = pdf(size)
        ticket = queue_ticket(work, "Lampiran lewat jalur lambat", data)
        proxy.set("throttle_bps", mbit * 1_000_000 / 8)
        before = proxy.body_bytes
        patch_before = proxy.get("body_bytes_by_method").get("PATCH", 0)
        dropper = LinkDropper(proxy, [before + size // 3, before + 2 * size // 3]).start()
        t = time.perf_counter()
        run = _passes_in_gui(paths, ticket.id, idle_s) if gui else _passes_plain(paths, ticket.id)
        elapsed = time.perf_counter() - t
        dropper.stop()
        over_link = proxy.body_bytes - before
        patched = proxy.get("body_bytes_by_method").get("PATCH", 0) - patch_before
        cuts = sum(1 for _, _, fault in proxy.get("log") if fault == "cut")
    finally:
        proxy.stop()
    return {
        "slow_s": elapsed,
        "slow_link_mbit": mbit,
        "slow_drops": cuts,
        "slow_bytes_over_link": over_link,
        "slow_patch_bytes": patched,
        "slow_file_bytes": size,
        "slow_efficiency": size / over_link,
        **{f"slow_{k}": v for k, v in run.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=30)
    parser.add_argument("--size-mb", type=float, default=15.0)
    parser.add_argument("--link-mbit", type=float, default=1.0)
    parser.add_argument("--quick", action="store_true", help="an 8 Mbit/s link")
    parser.add_argument("--no-gui", action="store_true")
    parser.add_argument("--idle-s", type=float, default=30.0, help="the GUI baseline's length")
    args = parser.parse_args()
    size = int(args.size_mb * MB)
    mbit = 8.0 if args.quick else args.link_mbit

    work = Path(tempfile.mkdtemp(prefix="hai-bench-tickets-"))
    hub = Hub(work / "hub").start()
    results: dict = {}
    try:
        r = bench_send_to_number(hub, work, args.tickets)
        results.update(r)
        print(
            f"send → number, {args.tickets} tickets (save + sync pass): no file p50 "
            f"{r['number_ms_p50']:.0f} ms p95 {r['number_ms_p95']:.0f} ms; with a 100 KB PDF "
            f"p50 {r['number_file_ms_p50']:.0f} ms p95 {r['number_file_ms_p95']:.0f} ms "
            f"({r['sync_requests_per_pass']} requests per pass); baseline bare POST /tickets "
            f"p50 {r['bare_post_ms_p50']:.1f} ms p95 {r['bare_post_ms_p95']:.1f} ms"
        )
        r = bench_throughput(hub, work, size)
        results.update(r)
        print(
            f"upload {args.size_mb:g} MB on loopback (512 KB PATCH chunks): "
            f"{r['upload_only_mb_s']:.1f} MB/s to the last chunk, {r['upload_mb_s']:.1f} MB/s "
            f"for the whole pass ({r['upload_s']:.2f} s, the ticket and the feeds included); "
            f"baseline one PUT: {r['put_mb_s']:.1f} MB/s"
        )
        r = bench_slow_link(hub, work, size, mbit, gui=not args.no_gui, idle_s=args.idle_s)
        results.update(r)
        line = (
            f"{args.size_mb:g} MB through a {mbit:g} Mbit/s link dropped "
            f"{r['slow_drops']}×: done in {r['slow_s']:.1f} s, {r['slow_passes']} passes, "
            f"{r['slow_bytes_over_link']:,} request-body bytes over the link for a file of "
            f"{size:,} ({r['slow_bytes_over_link'] / size * 100:.1f} %; of them in PATCH "
            f"chunks {r['slow_patch_bytes']:,})"
        )
        if "slow_gui_stall_max_ms" in r:
            line += (
                f"; GUI longest event-loop stall {r['slow_gui_stall_max_ms']} ms "
                f"(p99 {r['slow_gui_stall_p99_ms']} ms, {r['slow_gui_stalls_over_50ms']} gaps "
                f"> 50 ms in {r['slow_gui_ticks']} ticks of a 5 ms timer; target ≤ 50 ms); "
                f"baseline, the same timer with nothing running for {args.idle_s:g} s: "
                f"{r['slow_gui_idle_stall_max_ms']} ms (p99 {r['slow_gui_idle_stall_p99_ms']} ms, "
                f"{r['slow_gui_idle_stalls_over_50ms']} gaps > 50 ms in "
                f"{r['slow_gui_idle_ticks']} ticks)"
            )
        print(line)
    finally:
        hub.stop()
        shutil.rmtree(work, ignore_errors=True)
    # Shared machines: the figures mean little without the load they were taken under.
    results["loadavg_1m_at_end"] = os.getloadavg()[0]
    print(
        f"load average (1 min) at the end: {results['loadavg_1m_at_end']:.1f}, {os.cpu_count()} CPUs"
    )
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in results.items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
