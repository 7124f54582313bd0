"""Benchmark: desk ↔ real hub on loopback (run by hand, not collected by pytest).

    .venv/bin/python tests/bench/bench_sync.py [--records 10000] [--naive 10000]
                                               [--kb 50000] [--no-gui]
                                               [--only kb] [--work DIR] [--profile FILE]

``--only kb`` runs the KB pull (3) and the GUI stall (4) alone. ``--work DIR`` keeps the
hub's data (with its KB) in DIR and reuses it on the next run with the same ``--kb``: the
import takes ~45 s for 50,000 entries. ``--profile FILE`` writes a cProfile of the pull (3).

1. Push N queued inquiries (batches of 500, the engine's push) → seconds (target ≤ 20 s);
   then the same kind of push done one request per record (the naive way, its own desk and
   office) → seconds and the ratio (per record, when ``--naive`` is smaller than N).
2. A sync with nothing to do: HTTP requests and time (median and worst of 7; targets ≤ 6
   requests, ≤ 100 ms).
3. Pull K KB entries into an empty desk (the whole sync pass: HTTP pages, JSON, stemming,
   FTS5) → seconds (target ≤ 30 s).
4. The GUI's longest event-loop stall while the SyncController pulls the same K entries
   into another empty desk (a 5 ms QTimer on the GUI thread, Qt offscreen).

The hub runs as a subprocess (``python -m hai_central serve``, SQLite in a temporary dir),
its KB loaded with ``hai-central admin kb import`` (setup, not timed).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")

from hai_desktop.core import credentials, inquiries, inquiries_form, inquiries_hub, kb, outbox  # noqa: E402
from hai_desktop.core.db.models import database_proxy  # noqa: E402
from hai_desktop.core.sync.client import HubClient  # noqa: E402
from hai_desktop.core.sync.engine import SyncEngine  # noqa: E402
from hai_desktop.core.sync.status import SyncReport  # noqa: E402
from tests.integration.hub_harness import Hub, make_desk  # noqa: E402


def save_inquiries(n: int, tag: str) -> None:
    db = database_proxy.obj
    with db.atomic():
        for i in range(n):
            inquiries.save_inquiry(
                inquiries_form.InquiryInput(
                    channel=random.choice(["tatap_muka", "telepon", "email", "whatsapp"]),
                    department=random.choice(["PA", "PKN", "SMI", "APK"]),
                    visitor_name=f"Pengunjung {tag} {i}",
                    satker_code=f"{random.randint(0, 999999):06d}",
                    institution="Satker Contoh",
                    question=f"Pertanyaan {tag} {i}: bagaimana pengajuan revisi DIPA dan "
                    "pencairan dana untuk belanja modal di akhir tahun anggaran?",
                    answer="Ajukan revisi melalui aplikasi SAKTI, lalu SPM ke KPPN mitra "
                    "sesuai PMK yang berlaku. " * 2,
                    outcome="answered",
                    basis_regulations=["PMK 62 Tahun 2023"],
                )
            )


def bench_push(hub: Hub, work: Path, records: int, naive: int) -> dict:
    out: dict = {}
    # -- batched push (the engine) -------------------------------------------------------
    acc = hub.create_office_with_cso()
    paths = make_desk(work / "push", hub.url, acc)
    t = time.perf_counter()
    save_inquiries(records, "A")
    out["save_s"] = time.perf_counter() - t
    engine = SyncEngine(paths)
    client = engine.client_factory()
    report = SyncReport()
    t = time.perf_counter()
    engine._push(client, report)  # the push phase alone, comparable to the naive loop
    out["push_s"] = time.perf_counter() - t
    out["push_requests"] = client.request_count
    assert report.accepted == records and outbox.depth() == 0, report
    client.close()
    t = time.perf_counter()
    full = engine.run_once(force=True)  # pulls the office's records back, reference…
    out["pull_back_s"] = time.perf_counter() - t
    assert full.ok, full.error
    out["push_paths"] = paths

    # -- naive: one request (and one ack transaction) per record -------------------------
    acc_b = hub.create_office_with_cso()
    paths_b = make_desk(work / "naive", hub.url, acc_b)
    save_inquiries(naive, "B")
    client = HubClient(hub.url, token=credentials.load_token(paths_b), timeout=30)
    rows = outbox.pending(naive + 1, record_type="inquiry")
    t = time.perf_counter()
    for row in rows:
        wire = inquiries_hub.to_wire(inquiries.get_inquiry(row.record_id))
        result = client.push_inquiries([wire])[0]
        assert result["status"] == "created", result
        outbox.ack([row.id])
    out["naive_s"] = time.perf_counter() - t
    out["naive_requests"] = client.request_count
    client.close()
    per_batched = out["push_s"] / records
    per_naive = out["naive_s"] / naive
    out["naive_extrapolated_s"] = per_naive * records
    out["ratio"] = per_naive / per_batched
    return out


def bench_noop(paths) -> dict:
    from hai_desktop.core.db.database import open_database

    database_proxy.obj.close()
    open_database(paths.database)
    engine = SyncEngine(paths)
    first = engine.run_once(force=True)  # takes the KB loaded since
    assert first.ok, first.error
    times, requests = [], []
    for _ in range(7):
        t = time.perf_counter()
        report = engine.run_once(force=True)
        times.append(time.perf_counter() - t)
        requests.append(report.requests)
        assert report.ok and sum(report.pulled.values()) == 0, report
    return {
        "noop_ms_median": statistics.median(times) * 1000,
        "noop_ms_max": max(times) * 1000,
        "noop_requests": max(requests),
    }


def load_kb(hub: Hub, work: Path, n: int) -> float:
    marker = hub.data_dir / f"kb-{n}.loaded"
    if marker.exists():  # --work: the hub kept the KB of an earlier run
        return 0.0
    from tests.bench.bench_kb_search import generate, load_seeds

    items = generate(n, load_seeds(), random.Random(7))
    for item in items:
        item.pop("rev", None)
    path = work / "kb.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ)
    env.update(hub._hub.environment())
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "hai_central", "admin", "kb", "import", str(path)],
        env=env,
        check=True,
        cwd=str(hub.data_dir),
        stdout=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - t
    marker.write_text("", encoding="utf-8")
    path.unlink()
    return elapsed


def bench_kb_pull(hub: Hub, work: Path, n: int, profile: str | None = None) -> dict:
    acc = hub.create_office_with_cso()
    paths = make_desk(work / "kbpull", hub.url, acc)
    engine = SyncEngine(paths)
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    t = time.perf_counter()
    report = engine.run_once(force=True)
    elapsed = time.perf_counter() - t
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(profile)
    assert report.ok, report.error
    assert kb.count_entries() >= n, kb.count_entries()
    return {
        "kb_pull_s": elapsed,
        "kb_pull_requests": report.requests,
        "kb_local": kb.count_entries(),
    }


def bench_gui_stall(hub: Hub, work: Path, n: int) -> dict:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from hai_desktop.gui.app import freeze_startup_objects
    from hai_desktop.gui.sync_controller import SyncController

    app = QApplication.instance() or QApplication([])
    acc = hub.create_office_with_cso()
    paths = make_desk(work / "gui", hub.url, acc)
    controller = SyncController(paths)
    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(5)
    ticker.timeout.connect(tick)
    done: list[SyncReport] = []
    controller.sync_finished.connect(lambda r: (done.append(r), app.quit()))
    controller.start(first_sync_delay_ms=-1)
    freeze_startup_objects()  # as run_gui does once the desk is ready
    clock.start()
    ticker.start()
    t = time.perf_counter()
    QTimer.singleShot(0, controller.sync_now)
    app.exec()
    elapsed = time.perf_counter() - t
    ticker.stop()
    controller.stop()
    assert done and done[0].ok, done and done[0].error
    gaps = gaps[1:] or [0]
    return {
        "gui_sync_s": elapsed,
        "gui_stall_max_ms": max(gaps),
        "gui_stall_p99_ms": sorted(gaps)[int(len(gaps) * 0.99) - 1] if len(gaps) > 1 else 0,
        "gui_ticks": len(gaps),
        "gui_stalls_over_50ms": sum(1 for g in gaps if g > 50),
        "gui_kb_local": kb.count_entries(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10000)
    parser.add_argument("--naive", type=int, default=10000)
    parser.add_argument("--kb", type=int, default=50000)
    parser.add_argument("--no-gui", action="store_true")
    parser.add_argument("--only", choices=("kb",), help="run only the KB pull and GUI stall")
    parser.add_argument("--work", type=Path, help="keep the hub (and its KB) here for reuse")
    parser.add_argument("--profile", help="write a cProfile of the KB pull to this file")
    args = parser.parse_args()

    if args.work:
        args.work.mkdir(parents=True, exist_ok=True)
        hub_dir = args.work / "hub"
        work = Path(tempfile.mkdtemp(prefix="run-", dir=args.work))  # this run's desks
    else:
        work = Path(tempfile.mkdtemp(prefix="hai-bench-sync-"))
        hub_dir = work / "hub"
    hub = Hub(hub_dir).start()
    results: dict = {}
    try:
        if args.only == "kb":
            return _kb_only(hub, work, args, results)
        push = bench_push(hub, work, args.records, args.naive)
        push_paths = push.pop("push_paths")
        results.update(push)
        print(
            f"push {args.records} inquiries (batches of 500): {push['push_s']:.2f} s, "
            f"{push['push_requests']} requests (target ≤ 20 s); first full sync after it "
            f"(pulls them back): {push['pull_back_s']:.2f} s"
        )
        print(
            f"naive push, one request per record: {args.naive} in {push['naive_s']:.2f} s "
            f"({push['naive_requests']} requests) → {push['naive_extrapolated_s']:.1f} s for "
            f"{args.records}; batched is {push['ratio']:.1f}× faster"
        )
        results["kb_import_s"] = load_kb(hub, work, args.kb)
        pull = bench_kb_pull(hub, work, args.kb, args.profile)
        results.update(pull)
        print(
            f"pull {args.kb} KB entries into an empty desk: {pull['kb_pull_s']:.2f} s, "
            f"{pull['kb_pull_requests']} requests (target ≤ 30 s)"
        )
        noop = bench_noop(push_paths)
        results.update(noop)
        print(
            f"no-op sync: median {noop['noop_ms_median']:.1f} ms, worst "
            f"{noop['noop_ms_max']:.1f} ms, {noop['noop_requests']} requests "
            "(targets ≤ 100 ms, ≤ 6 requests)"
        )
        if not args.no_gui:
            _gui(hub, work, args, results)
    finally:
        hub.stop()
        shutil.rmtree(work, ignore_errors=True)  # desks (and without --work: hub, KB file)
    _print_results(results)
    return 0


def _print_results(results: dict) -> None:
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in results.items()}))


def _gui(hub: Hub, work: Path, args, results: dict) -> None:
    gui = bench_gui_stall(hub, work, args.kb)
    results.update(gui)
    print(
        f"GUI during a {args.kb}-entry KB pull via SyncController: longest event-loop "
        f"stall {gui['gui_stall_max_ms']} ms (p99 {gui['gui_stall_p99_ms']} ms, "
        f"5 ms timer, {gui['gui_ticks']} ticks, {gui['gui_stalls_over_50ms']} over 50 ms), "
        f"pass {gui['gui_sync_s']:.1f} s"
    )


def _kb_only(hub: Hub, work: Path, args, results: dict) -> int:
    results["kb_import_s"] = load_kb(hub, work, args.kb)
    pull = bench_kb_pull(hub, work, args.kb, args.profile)
    results.update(pull)
    print(
        f"pull {args.kb} KB entries into an empty desk: {pull['kb_pull_s']:.2f} s, "
        f"{pull['kb_pull_requests']} requests (target ≤ 30 s)"
    )
    if not args.no_gui:
        _gui(hub, work, args, results)
    _print_results(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
