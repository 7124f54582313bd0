"""Desk core benchmark (run by hand, not collected by pytest):

    .venv/bin/python tests/bench/bench_desk_core.py [--rows 500000] [--save-rows 100000]

Measures, on generated realistic data (Indonesian treasury vocabulary, Zipf-like word
frequencies, three years of entries):
- saving an inquiry (durable: WAL + synchronous=FULL, with its outbox row) with 100,000
  entries in the database: median and p95 (target: median <= 10 ms);
- the history view's first page at 500,000 entries (the query part: list + count), plain,
  filtered, sorted by other columns, and deep pages (target: well under 300 ms);
- full-text search (first page + count) p95 at 500,000 entries (target: <= 50 ms);
- process RSS.

The generated databases are cached in /tmp (hai-bench-<rows>.sqlite3); each run works on a
copy so the cache stays clean. Delete the files to regenerate.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from hai_desktop.core import inquiries, inquiries_view, reference  # noqa: E402
from hai_desktop.core.db.database import connect, migrate, open_database  # noqa: E402
from hai_desktop.core.inquiries_form import InquiryInput  # noqa: E402
from hai_desktop.core.inquiries_view import InquiryFilter  # noqa: E402

WORDS = """
pencairan dana sp2d spm kppn satker dipa revisi anggaran pagu belanja pegawai barang modal
bantuan sosial hibah transfer daerah desa tunjangan kinerja gaji uang persediaan up tup gup
ls kontrak pembayaran rekening bendahara pengeluaran penerimaan setoran pajak pnbp mpn
billing kode akun bagan standar bas laporan keuangan rekonsiliasi lpj saldo kas negara
span sakti om-span monsakti e-rekon lk aplikasi login password user akses error gagal
validasi data supplier vendor npwp nomor tanggal bulan tahun anggaran penutupan akhir
kartu kredit pemerintah kkp digipay retur koreksi penolakan tolak ditolak cair dicairkan
pencairan mencairkan pengembalian belanja lebih bayar potongan iuran bpjs taspen pensiun
blu badan layanan umum tarif investasi pemerintah pembiayaan utang surat berharga sbn
akuntansi pelaporan neraca realisasi operasional perubahan ekuitas catatan calk reviu
audit bpk temuan tindak lanjut sistem perbendaharaan teknologi informasi jaringan server
token otorisasi sertifikat elektronik tanda tangan digital bsre pejabat ppk ppspm kpa
penandatangan spesimen tanda tangan perubahan pejabat perbendaharaan sk penunjukan
jadwal layanan konsultasi helpdesk tiket eskalasi pertanyaan jawaban peraturan pmk perdirjen
nomor pasal ayat ketentuan tata cara mekanisme prosedur persyaratan dokumen lampiran
berkas unggah upload download unduh cetak print rekap format excel pdf aplikasi versi
""".split()

FIRST = "Andi Budi Citra Dewi Eko Fitri Gita Hadi Indah Joko Kartika Lestari Made Nur".split()
LAST = "Santoso Wijaya Siregar Nasution Pratama Lubis Hasibuan Saputra Kusuma Hidayat".split()
CHANNELS = ["tatap_muka", "telepon", "email", "whatsapp", "surat"]
DEPTS = ["PA", "PKN", "SMI", "PPKBLU", "APK", "SP", "SITP"]
APPS = [None, "SPAN", "SAKTI", "OM-SPAN", "MPN"]
OUTCOMES = ["answered"] * 7 + ["escalated"] * 2 + ["out_of_scope"]


def _zipf_weights(n: int) -> list[float]:
    return [1.0 / (i + 1) ** 0.9 for i in range(n)]


def generate(path: Path, rows: int, seed: int = 7, schema: int | None = None) -> None:
    """Create a database migrated to ``schema`` (default: latest) with ``rows`` inquiries
    (one transaction, executemany)."""
    rng = random.Random(seed)
    words = WORDS[:]
    rng.shuffle(words)
    weights = _zipf_weights(len(words))
    db = connect(path)
    migrate(db, schema)
    reference.seed_reference_if_empty()
    start = datetime(2024, 1, 1, tzinfo=UTC)
    span_s = 3 * 365 * 24 * 3600
    # created_at grows with the row order (entries are logged over time), with jitter.
    t0 = time.perf_counter()
    db.execute_sql("BEGIN")
    batch = []
    used: dict[int, int] = {}
    sql = (
        "INSERT INTO inquiry (seq, id, office_code, created_at, updated_at, channel, department,"
        " application, visitor_name, satker_code, institution, phone, email, question, answer,"
        " outcome, out_of_scope_reason, version, sync_status, origin)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
    )
    for i in range(rows):
        moment = start + timedelta(seconds=span_s * i / rows + rng.random() * 600)
        ts = moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
        base = inquiries.seq_base(ts)
        seq = max(base, used.get(base, base - 1) + 1)
        used[base] = seq
        q = " ".join(rng.choices(words, weights, k=rng.randint(6, 16))).capitalize() + "?"
        a = " ".join(rng.choices(words, weights, k=rng.randint(20, 70))).capitalize() + "."
        outcome = rng.choice(OUTCOMES)
        batch.append(
            (
                seq,
                str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "KPPN-BANDA-ACEH",
                ts,
                ts,
                rng.choice(CHANNELS),
                rng.choice(DEPTS),
                rng.choice(APPS),
                f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                f"{rng.randint(0, 999999):06d}" if rng.random() < 0.7 else None,
                "Satker " + rng.choice(words).title(),
                None,
                None,
                q,
                a,
                outcome,
                "interpretation" if outcome == "out_of_scope" else None,
                1,
                "synced",
                "desk",
            )
        )
        if len(batch) == 5000:
            db.execute_sql("SELECT 1")  # keep peewee's connection warm
            db.connection().executemany(sql, batch)
            batch.clear()
    if batch:
        db.connection().executemany(sql, batch)
    db.execute_sql("COMMIT")
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # no ANALYZE: a desk has no stats
    db.close()
    print(f"  generated {rows:,} rows in {time.perf_counter() - t0:.1f} s -> {path}")


def cached_copy(rows: int, workdir: Path) -> Path:
    cache = Path(tempfile.gettempdir()) / f"hai-bench-{rows}.sqlite3"
    if not cache.exists():
        print(f"generating the {rows:,}-row fixture (cached at {cache}) ...")
        tmp = cache.with_suffix(".partial")
        for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
            p.unlink(missing_ok=True)
        generate(tmp, rows)
        tmp.rename(cache)
    target = workdir / f"bench-{rows}.sqlite3"
    shutil.copyfile(cache, target)
    return target


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def timed(fn, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def bench_save(path: Path, n: int = 200) -> dict[str, float]:
    db = open_database(path)
    rng = random.Random(1)
    times = []
    for i in range(n):
        form = InquiryInput(
            channel=rng.choice(CHANNELS),
            department=rng.choice(DEPTS),
            visitor_name="Pengunjung Uji",
            satker_code="012345",
            phone="+62 812 3456 7890",
            question=f"Pertanyaan uji nomor {i} tentang pencairan dana SP2D",
            answer="Jawaban uji " * 40,
            outcome="answered",
            basis_regulations=["PMK 62 Tahun 2023"],
        )
        t = time.perf_counter()
        inquiries.save_inquiry(form)
        times.append(time.perf_counter() - t)
    db.close()
    return {"median": statistics.median(times), "p95": pct(times, 0.95), "max": max(times)}


def bench_history(path: Path) -> None:
    db = open_database(path)
    today = date(2026, 11, 26)
    t = time.perf_counter()
    first = inquiries_view.list_inquiries(InquiryFilter(), limit=200)
    total = inquiries_view.count_inquiries(InquiryFilter())
    cold = time.perf_counter() - t
    print(f"  first page cold (list 200 + count {total:,}): {ms(cold)}")
    cases = {
        "first page, newest first": (InquiryFilter(), "created_at", True),
        "department=PKN": (InquiryFilter(department="PKN"), "created_at", True),
        "last 30 days": (InquiryFilter(date_from=today - timedelta(days=30)), "created_at", True),
        "2025 + channel + outcome": (
            InquiryFilter(
                date_from=date(2025, 1, 1),
                date_to=date(2025, 12, 31),
                channel="telepon",
                outcome="escalated",
            ),
            "created_at",
            True,
        ),
        "sort visitor_name asc": (InquiryFilter(), "visitor_name", False),
        "sort satker_code desc": (InquiryFilter(), "satker_code", True),
        "sort department + 1 month": (
            InquiryFilter(date_from=date(2025, 6, 1), date_to=date(2025, 6, 30)),
            "department",
            False,
        ),
    }
    print(f"  {'case':<30} {'list p50':>10} {'list max':>10} {'count p50':>10} {'count max':>10}")
    worst = 0.0
    for name, (f, sort, desc) in cases.items():
        lt = timed(lambda f=f, s=sort, d=desc: inquiries_view.list_inquiries(f, s, d, limit=200), 7)
        ct = timed(lambda f=f: inquiries_view.count_inquiries(f), 7)
        worst = max(worst, max(lt) + max(ct))
        print(
            f"  {name:<30} {ms(statistics.median(lt)):>10} {ms(max(lt)):>10}"
            f" {ms(statistics.median(ct)):>10} {ms(max(ct)):>10}"
        )
    print(f"  worst list+count of these: {ms(worst)}")
    # Deep paging: offset vs keyset at the end of the history.
    deep = total - 300
    lt = timed(lambda: inquiries_view.list_inquiries(InquiryFilter(), offset=deep, limit=200), 5)
    print(f"  page at offset {deep:,}: p50 {ms(statistics.median(lt))}")
    after = inquiries_view.list_inquiries(InquiryFilter(), offset=deep, limit=1)[0]
    lt = timed(lambda: inquiries_view.list_inquiries(InquiryFilter(), limit=200, after=after), 20)
    print(f"  same depth by keyset (after=row): p50 {ms(statistics.median(lt))}")

    # Scrolling: 10 consecutive keyset pages from the top.
    def scroll():
        row = None
        for _ in range(10):
            page = inquiries_view.list_inquiries(InquiryFilter(), limit=200, after=row)
            row = page[-1]

    lt = timed(scroll, 5)
    print(f"  10 keyset pages (2,000 rows): p50 {ms(statistics.median(lt))}")
    assert first
    db.close()


SEARCHES = [
    "pencairan",
    "sp2d",
    "revisi dipa",
    "gaji",
    "tunjangan kinerja",
    "sakti login",
    "password",
    "rekonsiliasi",
    "kartu kredit",
    "retur",
    "penolakan spm",
    "bpjs",
    "pmk",
    "lpj bendahara",
    "supplier npwp",
    "token",
    "sertifikat elektronik",
    "up tup",
    "hibah",
    "audit bpk",
    "pen",
    "sa",
    "dicairkan",
    "pengembalian belanja",
    "blu tarif",
    '"AND OR NEAR( *',
    "kode billing mpn",
    "calk",
    "om-span error",
    "monsakti",
    "tidakada",
    "xyz",
    "spesimen tanda tangan",
    "jadwal",
    "laporan keuangan",
]


def bench_search(path: Path) -> None:
    db = open_database(path)
    list_times, count_times, both = [], [], []
    per_query = []
    for rep in range(3):
        for text in SEARCHES:
            f = InquiryFilter(text=text)
            t = time.perf_counter()
            inquiries_view.list_inquiries(f, limit=200)
            t1 = time.perf_counter()
            n = inquiries_view.count_inquiries(f)
            t2 = time.perf_counter()
            if rep > 0:
                list_times.append(t1 - t)
                count_times.append(t2 - t1)
                both.append(t2 - t)
                per_query.append((t2 - t, text, n))
    print(f"  {len(SEARCHES)} queries x 2 (after a warm-up round)")
    print(
        f"  list first page: p50 {ms(statistics.median(list_times))}  p95 {ms(pct(list_times, 0.95))}"
    )
    print(
        f"  count:           p50 {ms(statistics.median(count_times))}  p95 {ms(pct(count_times, 0.95))}"
    )
    print(f"  list + count:    p50 {ms(statistics.median(both))}  p95 {ms(pct(both, 0.95))}")
    worst = sorted(per_query, reverse=True)[:4]
    print("  slowest: " + ", ".join(f"{t!r} ({n:,} hits) {ms(s)}" for s, t, n in worst))
    f = InquiryFilter(text="pencairan", department="PA", date_from=date(2026, 1, 1))
    lt = timed(lambda: (inquiries_view.list_inquiries(f), inquiries_view.count_inquiries(f)), 5)
    print(f"  text + department + date, list+count: p50 {ms(statistics.median(lt))}")
    # Sorted by another column, the page needs every match (no early stop).
    for text in ("spesimen tanda tangan", "hibah", "rekonsiliasi"):
        f = InquiryFilter(text=text)
        lt = timed(lambda f=f: inquiries_view.list_inquiries(f, "visitor_name", False), 3)
        print(f"  {text!r} sorted by visitor_name: p50 {ms(statistics.median(lt))}")
    db.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--save-rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hai-bench-") as tmp:
        work = Path(tmp)
        print(f"SQLite {__import__('sqlite3').sqlite_version}, Python {sys.version.split()[0]}")
        path = cached_copy(args.save_rows, work)
        print(f"save (durable, + outbox row) with {args.save_rows:,} entries:")
        r = bench_save(path)
        print(
            f"  median {ms(r['median'])}  p95 {ms(r['p95'])}  max {ms(r['max'])}  (target median <= 10 ms)"
        )
        path.unlink()
        path = cached_copy(args.rows, work)
        print(f"history view at {args.rows:,} entries (query part):")
        bench_history(path)
        print(f"full-text search at {args.rows:,} entries (target p95 <= 50 ms):")
        bench_search(path)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
