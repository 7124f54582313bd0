"""Desk database size, prefix search and backups, before and after m0009-m0010 (issue 7,
item 5).
Run by hand, not collected by pytest:

    .venv/bin/python tests/bench/bench_db_size.py [--rows 500000] [--work /tmp/hai-dbsize]

BEFORE is the schema of m0008 (FTS with ``prefix='2 3'``, every secondary index), AFTER the
same file migrated to the latest schema. The generated data is bench_desk_core's (Indonesian
treasury vocabulary, Zipf-like word frequencies); the databases are cached under ``--work``
(delete them to regenerate). Both are queried by the current code: BEFORE's sorted pages
are slow because today's ``(column, seq)`` order does not match its ``(column, created_at)``
indexes. For each schema it reports:
- the file size and the bytes per table/index (``dbstat``);
- history search latency for 2-3 letter and word prefixes (list first page, and list +
  count = the first rows of the history view; target issue 2: first rows <= 300 ms);
- the history's plain pages sorted by each sortable column (indexes still used);
- one compressed backup (size, time) and saves made while it runs (target: median <= 10 ms).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_desk_core import generate, ms, pct  # noqa: E402

from hai_desktop.core import backups, inquiries, inquiries_view  # noqa: E402
from hai_desktop.core.db import database  # noqa: E402
from hai_desktop.core.inquiries_form import InquiryInput  # noqa: E402
from hai_desktop.core.inquiries_view import InquiryFilter  # noqa: E402

BEFORE_SCHEMA = 8
PREFIXES_2 = ["pe", "sa", "ko", "ba", "re", "ta", "an", "01"]
PREFIXES_3 = ["pen", "sat", "kod", "rek", "tan", "bud", "sis", "ang"]
WORD_PREFIXES = ["pencai", "rekonsil", "sertif", "santo", "budi sant", "dana penc", "gaji peg"]


def mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB"


def build(work: Path, rows: int) -> tuple[Path, Path]:
    """The cached BEFORE database and a fresh AFTER copy migrated from it."""
    work.mkdir(parents=True, exist_ok=True)
    before = work / f"before-{rows}.sqlite3"
    if not before.exists():
        partial = work / f"before-{rows}.partial.sqlite3"
        for s in ("", "-wal", "-shm"):
            Path(f"{partial}{s}").unlink(missing_ok=True)
        print(f"generating {rows:,} rows at schema {BEFORE_SCHEMA} ...", flush=True)
        generate(partial, rows, schema=BEFORE_SCHEMA)
        partial.rename(before)
    after = work / f"after-{rows}.sqlite3"
    for s in ("", "-wal", "-shm"):
        Path(f"{after}{s}").unlink(missing_ok=True)
    shutil.copyfile(before, after)
    db = database.connect(after, bind=False)
    t = time.perf_counter()
    database.migrate(db)
    print(
        f"migrating a copy to schema {database.schema_version(db)}: {time.perf_counter() - t:.1f} s"
    )
    db.close()
    return before, after


def sizes(path: Path) -> None:
    db = database.connect(path, bind=False)
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    rows = db.execute_sql(
        "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
    ).fetchall()
    free = db.execute_sql("PRAGMA freelist_count").fetchone()[0]
    page = db.execute_sql("PRAGMA page_size").fetchone()[0]
    db.close()
    print(f"  file {mb(path.stat().st_size)} (free pages {mb(free * page)})")
    for name, size in rows:
        if size >= 1e6:
            print(f"    {name:<34} {mb(size):>12}")


def search(path: Path) -> None:
    db = database.connect(path)
    groups = {"2 letters": PREFIXES_2, "3 letters": PREFIXES_3, "word prefixes": WORD_PREFIXES}
    for label, texts in groups.items():
        first, both = [], []
        for rep in range(4):
            for text in texts:
                f = InquiryFilter(text=text)
                t = time.perf_counter()
                inquiries_view.list_inquiries(f, limit=200)
                t1 = time.perf_counter()
                inquiries_view.count_inquiries(f)
                t2 = time.perf_counter()
                if rep:
                    first.append(t1 - t)
                    both.append(t2 - t)
        print(
            f"  {label:<14} list p50 {ms(statistics.median(first)):>9} p95 {ms(pct(first, 0.95)):>9}"
            f" | list+count p50 {ms(statistics.median(both)):>9} p95 {ms(pct(both, 0.95)):>9}"
            f"  (target first rows <= 300 ms)"
        )
    worst = 0.0
    for sort in inquiries_view.SORT_COLUMNS:
        times = []
        for _ in range(3):
            t = time.perf_counter()
            inquiries_view.list_inquiries(InquiryFilter(), sort, sort == "created_at", limit=200)
            inquiries_view.count_inquiries(InquiryFilter())
            times.append(time.perf_counter() - t)
        worst = max(worst, max(times))
    print(f"  plain history sorted by each column, list+count worst: {ms(worst)}")
    db.close()


def _form(i: int) -> InquiryInput:
    return InquiryInput(
        channel="telepon",
        department="PKN",
        visitor_name="Pengunjung Uji",
        satker_code="012345",
        question=f"Pertanyaan uji nomor {i} tentang pencairan dana SP2D",
        answer="Jawaban uji " * 40,
        outcome="answered",
    )


def backup_and_save(path: Path, work: Path) -> None:
    folder = work / f"backups-{path.stem}"
    shutil.rmtree(folder, ignore_errors=True)
    db = database.connect(path)
    done: dict[str, float] = {}

    def run() -> None:
        t = time.perf_counter()
        done["path"] = backups.make_backup(path, folder)  # type: ignore[assignment]
        done["s"] = time.perf_counter() - t

    # The same saves without a backup first: this machine's own figure to compare with.
    alone = []
    for i in range(100):
        t = time.perf_counter()
        inquiries.save_inquiry(_form(i))
        alone.append(time.perf_counter() - t)
        time.sleep(0.05)
    print(
        f"  100 saves, no backup running: median {ms(statistics.median(alone))},"
        f" p95 {ms(pct(alone, 0.95))}, max {ms(max(alone))}"
    )
    worker = threading.Thread(target=run)
    worker.start()
    saves, errors = [], 0
    while worker.is_alive():
        t = time.perf_counter()
        try:
            inquiries.save_inquiry(_form(len(saves)))
        except Exception as exc:  # noqa: BLE001 - counted and shown
            errors += 1
            print(f"  save failed during the backup: {type(exc).__name__}: {exc}")
        saves.append(time.perf_counter() - t)
        time.sleep(0.05)
    worker.join()
    db.close()
    size = path.stat().st_size
    out = Path(done["path"])  # type: ignore[arg-type]
    print(
        f"  backup {mb(out.stat().st_size)} in {done['s']:.1f} s"
        f" ({out.stat().st_size / size:.0%} of the file); rotation keeps at most"
        f" {backups.MAX_TOTAL_FACTOR:g} x the database ({mb(backups.MAX_TOTAL_FACTOR * size)})"
    )
    print(
        f"  {len(saves)} saves during the backup: median {ms(statistics.median(saves))},"
        f" p95 {ms(pct(saves, 0.95))}, max {ms(max(saves))}, errors {errors}"
        " (target median <= 10 ms)"
    )
    shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/hai-dbsize"))
    parser.add_argument("--backup", choices=["both", "after", "none"], default="both")
    args = parser.parse_args()
    before, after = build(args.work, args.rows)
    for label, path in (("BEFORE (schema 8)", before), ("AFTER (latest schema)", after)):
        print(f"\n{label}: {path}")
        sizes(path)
        search(path)
        if args.backup == "both" or (args.backup == "after" and path == after):
            # On a scratch copy: the cached BEFORE file stays as generated.
            scratch = args.work / f"scratch-{path.name}"
            shutil.copyfile(path, scratch)
            backup_and_save(scratch, args.work)
            for s in ("", "-wal", "-shm"):
                Path(f"{scratch}{s}").unlink(missing_ok=True)


if __name__ == "__main__":
    main()
