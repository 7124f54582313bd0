"""Benchmark: local KB search at 50,000 entries, and storing a 50,000-entry pull.

Run by hand (not collected by pytest):

    .venv/bin/python tests/bench/bench_kb_search.py [--entries 50000] [--rounds 15]

1. Generates N entries by varying the demo KB texts (``hai_desktop/resources/demo/kb_entries.json``,
   else the ``kb_source_*.txt`` sources, else a small built-in set): each entry takes a
   demo entry and adds 2-5 sentences from other entries of the same department, varies the
   title, question, department, application and numbers, so the vocabulary and the text
   lengths look like a real KB rather than N copies.
2. Stores them the way a sync does: pages of 500 through ``kb.apply_kb_changes`` in one
   transaction each (stemming included) → entries/s.
3. Times ``kb_search.search`` (FTS5 + stemming + bm25, limit 20) over a set of realistic queries
   (short, partial words as typed, a whole question as the suggestions panel sends it) and a
   naive ``LIKE '%term%'`` scan over the same queries in the same run → p50/p95, ratio.

Targets (issue 4): p95 ≤ 30 ms at 50,000 entries; ≥ 20× faster than LIKE; a 50,000-entry
pull ≤ 30 s in total (this measures the desk's storing part of it).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hai_desktop.core import kb, kb_search, stemming  # noqa: E402
from hai_desktop.core.db.database import open_database  # noqa: E402

QUERIES = [
    "pencairan dana",
    "dicairkan",
    "revisi dipa",
    "uang persediaan",
    "sp2d gaji",
    "retur sp2d",
    "tunjangan kinerja",
    "rekening bendahara",
    "spm ls",
    "pajak",
    "blokir",
    "pencai",  # typed so far
    "pe",  # typed so far
    "revisi d",  # typed so far
    "sp2",  # typed so far
    "revisi anggaran sak",  # typed so far
    "penihilan up",
    "kartu kredit pemerintah",
    "Bagaimana cara mengajukan pencairan dana untuk belanja pegawai bulan ini?",
    "saldo rekening tidak sesuai laporan keuangan",
    "user SAKTI terkunci",
    "PMK 62 Tahun 2023",
    "'\"AND OR NEAR( *",
]

BUILTIN = [
    {
        "title": "Pencairan dana melalui SP2D",
        "question": "Bagaimana proses pencairan dana untuk belanja satker?",
        "answer": "Dana dicairkan oleh KPPN setelah SPM diuji dan SP2D diterbitkan ke rekening "
        "penerima. Pastikan data supplier dan rekening sudah benar di SAKTI.",
        "department": "PKN",
        "application": "SAKTI",
        "regulations": ["PMK 190/PMK.05/2012"],
        "tags": ["sp2d", "pencairan"],
    },
    {
        "title": "Revisi DIPA di SAKTI",
        "question": "Bagaimana mengajukan revisi DIPA?",
        "answer": "Revisi anggaran diajukan melalui modul penganggaran SAKTI oleh operator "
        "satker, lalu disetujui sesuai kewenangan Kanwil DJPb atau DJA.",
        "department": "PA",
        "application": "SAKTI",
        "regulations": ["PMK 62 Tahun 2023"],
        "tags": ["revisi", "dipa"],
    },
]


def load_seeds() -> list[dict]:
    demo = ROOT / "hai_desktop" / "resources" / "demo"
    path = demo / "kb_entries.json"
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data["items"] if isinstance(data, dict) else data
        if items:
            return items
    seeds: list[dict] = []
    for source in sorted(demo.glob("kb_source_*.txt")):
        current: dict = {}
        for line in source.read_text(encoding="utf-8").splitlines() + [""]:
            m = re.match(r"^([TQADPRGV]): (.*)$", line)
            if m:
                current[m.group(1)] = m.group(2)
            elif not line.strip():
                if {"T", "Q", "A"} <= current.keys():
                    seeds.append(
                        {
                            "title": current["T"],
                            "question": current["Q"],
                            "answer": current["A"],
                            "department": current.get("D", "PA"),
                            "application": current.get("P"),
                            "regulations": [r for r in current.get("R", "").split("|") if r],
                            "tags": [t for t in current.get("G", "").split(",") if t],
                        }
                    )
                current = {}
            elif current and not line.startswith(("#", "===")):
                last = list(current)[-1]
                current[last] += " " + line.strip()
    return seeds or BUILTIN


def generate(n: int, seeds: list[dict], rng: random.Random) -> list[dict]:
    """N entries that vary the seeds: mixed sentences, varied titles, numbers and years."""
    # Entries stay on their topic: the extra sentences come from entries of the same
    # department (a KB entry on cash management does not talk about accounting rules).
    sentences: dict[str, list[str]] = {}
    for seed in seeds:
        pool = sentences.setdefault(seed.get("department") or "", [])
        pool += [
            s.strip() for s in re.split(r"(?<=[.?!])\s+", seed["answer"]) if len(s.strip()) > 20
        ]
    departments = ["PA", "PKN", "SMI", "PPKBLU", "APK", "SP", "SITP"]
    applications = ["SAKTI", "SPAN", "OMSPAN", "GPP", "MPN", None]
    qualifiers = [
        "untuk satker baru",
        "di akhir tahun anggaran",
        "pada satker BLU",
        "bagi KPPN mitra",
        "setelah perubahan pejabat",
        "melalui aplikasi",
        "secara manual",
        "tahun berjalan",
        "untuk belanja modal",
        "untuk belanja pegawai",
        "pada awal tahun",
        "dengan SPM LS",
    ]
    items = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        k = rng.randint(2, 5)
        pool = sentences[seed.get("department") or ""]
        answer = " ".join([seed["answer"], *rng.sample(pool, min(k, len(pool)))])
        answer += f" Rujukan internal nomor {rng.randint(1, 999)}/{rng.randint(2015, 2026)}."
        items.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "rev": i + 1,
                "title": f"{seed['title']} {rng.choice(qualifiers)}",
                "question": f"{seed['question']} ({rng.choice(qualifiers)})",
                "answer": answer,
                "department": rng.choice([seed.get("department")] * 3 + departments),
                "application": rng.choice([seed.get("application")] * 3 + applications),
                "regulations": seed.get("regulations") or [],
                "tags": seed.get("tags") or [],
                "source_inquiry_ids": [],
                # KbEntry times as the hub takes them (RFC 3339): the last second of the day in WIB.
                "valid_until": rng.choice(
                    [None] * 5 + ["2025-12-31T16:59:59Z", "2027-06-30T16:59:59Z"]
                ),
                "updated_at": "2026-11-01T08:00:00Z",
                "deleted": False,
            }
        )
    return items


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=15, help="FTS rounds over all queries")
    parser.add_argument("--like-rounds", type=int, default=3)
    parser.add_argument("--page", type=int, default=500)
    args = parser.parse_args()

    rng = random.Random(20261126)
    seeds = load_seeds()
    items = generate(args.entries, seeds, rng)
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "bench.sqlite3")
        stemming._cache.clear()
        t0 = time.perf_counter()
        for start in range(0, len(items), args.page):
            with db.atomic():  # as the sync engine does: one page (+ its cursor) per txn
                kb.apply_kb_changes(items[start : start + args.page])
        store_s = time.perf_counter() - t0
        size_mb = (Path(tmp) / "bench.sqlite3").stat().st_size / 1e6
        print(f"seeds: {len(seeds)}  entries: {kb.count_entries()}  db: {size_mb:.1f} MB")
        print(
            f"apply_kb_changes: {len(items)} entries in {store_s:.2f} s "
            f"= {len(items) / store_s:,.0f} entries/s (page {args.page}, stem cache "
            f"{len(stemming._cache)} words)"
        )

        # Warm up (page cache, stemmer) — a desk that has been open a minute is warm.
        for q in QUERIES:
            kb_search.search(q)
        fts: list[float] = []
        per_query: dict[str, list[float]] = {q: [] for q in QUERIES}
        for _ in range(args.rounds):
            for q in QUERIES:
                t = time.perf_counter()
                kb_search.search(q, limit=20)
                ms = (time.perf_counter() - t) * 1000
                fts.append(ms)
                per_query[q].append(ms)
        filtered: list[float] = []
        for _ in range(max(1, args.rounds // 3)):
            for q in QUERIES:
                t = time.perf_counter()
                kb_search.search(q, department="PKN", limit=20)
                filtered.append((time.perf_counter() - t) * 1000)
        like: list[float] = []
        for _ in range(args.like_rounds):
            for q in QUERIES:
                t = time.perf_counter()
                kb_search.like_search(q, limit=20)
                like.append((time.perf_counter() - t) * 1000)
        db.close()

    def line(name: str, values: list[float]) -> str:
        return (
            f"{name:<28} n={len(values):<4} p50={percentile(values, 50):7.2f} ms  "
            f"p95={percentile(values, 95):7.2f} ms  max={max(values):7.2f} ms"
        )

    print(line("FTS search (kb_search.search)", fts))
    print(line("FTS search + department", filtered))
    print(line("LIKE '%term%' scan", like))
    print(
        f"ratio LIKE/FTS: p50 {percentile(like, 50) / percentile(fts, 50):.0f}x, "
        f"p95 {percentile(like, 95) / percentile(fts, 95):.0f}x, "
        f"mean {statistics.mean(like) / statistics.mean(fts):.0f}x"
    )
    slowest = sorted(per_query.items(), key=lambda kv: -percentile(kv[1], 95))[:5]
    print("slowest queries (p95):")
    for q, values in slowest:
        print(f"  {percentile(values, 95):7.2f} ms  {q!r}")
    ok = percentile(fts, 95) <= 30 and percentile(like, 50) / percentile(fts, 50) >= 20
    print("targets met" if ok else "TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
