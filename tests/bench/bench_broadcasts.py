"""Benchmark: the desk's broadcast inbox at 10,000 broadcasts (storage side of issue 10).

Run by hand (not collected by pytest):

    .venv/bin/python tests/bench/bench_broadcasts.py [--count 10000] [--rounds 10]

1. Signs N broadcasts with a fresh Ed25519 key (varied kinds, urgency, outage threads) and
   stores them as a sync does: ``broadcasts.apply_feed`` in pages of 500, one transaction
   each, every signature checked on arrival → broadcasts/s.
2. "Inbox open": what the screen queries when it opens (first 200 rows, the total, the
   unread/urgent counts, the active outages) → p50/p95 ms.
3. Search: ``list_inbox`` with a text (FTS5) over realistic queries, and a naive
   ``LIKE '%term%'`` scan over the same queries in the same run (the baseline) → p50/p95.

Targets (issue 10): screen opens ≤ 200 ms (this is its data part), search p95 ≤ 30 ms.
The screen itself (Qt) and publish → notification: bench_broadcast_latency.py.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hai_desktop.core import broadcasts, reference  # noqa: E402
from hai_desktop.core.db.database import open_database  # noqa: E402
from tests.desktop.core.broadcast_fixtures import Signer, sign_in_as_cso  # noqa: E402

WORDS = (
    "jadwal pengajuan SPM akhir tahun anggaran gangguan SPAN SAKTI pemeliharaan server "
    "permintaan data realisasi belanja pagu DIPA revisi rekonsiliasi laporan keuangan "
    "tunjangan kinerja pencairan dana batas waktu aplikasi login jaringan pusat"
).split()
QUERIES = ["gangguan span", "jadwal spm", "rekonsiliasi", "pencairan dana", "revisi dipa", "sak"]


def _p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--page", type=int, default=500)
    args = parser.parse_args()
    rng = random.Random(20261202)
    signer = Signer()
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.sqlite3")
        reference.seed_reference_if_empty()
        sign_in_as_cso(signer)
        items = []
        for n in range(args.count):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 120)))
            kind = rng.choice(["info", "info", "service_change", "data_request", "other"])
            items.append(
                signer.item(
                    kind=kind,
                    title=" ".join(rng.choice(WORDS) for _ in range(6)).capitalize(),
                    body=text,
                    urgency="urgent" if n % 50 == 0 else "normal",
                )
            )
        t0 = time.perf_counter()
        for start in range(0, len(items), args.page):
            with db.atomic():
                broadcasts.apply_feed(items[start : start + args.page])
        store_s = time.perf_counter() - t0
        print(f"broadcasts stored: {broadcasts.count_inbox()}")
        print(f"apply_feed: {len(items)} in {store_s:.2f} s = {len(items) / store_s:,.0f}/s")

        def open_inbox() -> None:
            broadcasts.list_inbox(limit=200)
            broadcasts.count_inbox()
            broadcasts.counts()
            broadcasts.active_outages()

        def timed(fn, *a) -> float:
            t = time.perf_counter()
            fn(*a)
            return (time.perf_counter() - t) * 1000

        open_inbox()  # warm
        opens = [timed(open_inbox) for _ in range(args.rounds * 3)]
        fts = [
            timed(lambda q: broadcasts.list_inbox(broadcasts.InboxFilter(text=q), limit=200), q)
            for _ in range(args.rounds)
            for q in QUERIES
        ]

        def like(q: str) -> None:
            term = f"%{q.split()[0]}%"
            db.execute_sql(
                "SELECT id FROM broadcast WHERE problem IS NULL AND (title LIKE ? OR body LIKE ?)"
                " ORDER BY published_at DESC LIMIT 200",
                (term, term),
            ).fetchall()

        likes = [timed(like, q) for _ in range(max(1, args.rounds // 3)) for q in QUERIES]
        print(f"inbox open (data): p50 {_p(opens, 50):.1f} ms  p95 {_p(opens, 95):.1f} ms")
        print(f"search FTS:        p50 {_p(fts, 50):.1f} ms  p95 {_p(fts, 95):.1f} ms")
        print(f"baseline LIKE:     p50 {_p(likes, 50):.1f} ms  p95 {_p(likes, 95):.1f} ms")
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
