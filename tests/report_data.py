"""Inquiries for report tests and the report benchmark: a realistic month, inserted fast.

Rows go straight into the desk's ``inquiry`` table (one ``executemany``), optionally with
their outbox rows so that a sync sends them like saved records. Times spread over working
days and hours (more at 09-11 and 13-14), departments and channels skewed like a KPPN desk.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from hai_contract import reports as rules
from hai_desktop.core import inquiries

CHANNELS = ["tatap_muka"] * 5 + ["telepon"] * 3 + ["whatsapp"] * 2 + ["email", "surat"]
DEPTS = ["PA"] * 6 + ["PKN"] * 3 + ["SP"] * 3 + ["APK"] * 2 + ["SMI", "PPKBLU", "SITP"]
APPS = [None, None, "SPAN", "SPAN", "SAKTI", "SAKTI", "SAKTI", "OM-SPAN", "MPN-G3", "KKP"]
OUTCOMES = ["answered"] * 14 + ["escalated"] * 3 + ["out_of_scope"] * 2
REASONS = ["interpretation", "interpretation", "unregulated", "official_authority", "ppid"]
HOURS = [8, 9, 9, 9, 10, 10, 10, 11, 11, 12, 13, 13, 14, 14, 15, 15, 16]
QUESTIONS = [
    "Bagaimana cara mengajukan SPM GUP melalui SAKTI?",
    "Kenapa SP2D belum terbit padahal SPM sudah diajukan?",
    "Bagaimana cara revisi DIPA halaman III?",
    "Apa syarat pengajuan tambahan uang persediaan (TUP)?",
    "Bagaimana cara reset password aplikasi SAKTI?",
    "Kapan batas waktu rekonsiliasi laporan keuangan semester?",
    "Bagaimana cara mendaftarkan supplier baru di SPAN?",
    "Mengapa data kontrak ditolak saat pendaftaran?",
    "Bagaimana cara membuat kartu kredit pemerintah untuk satker?",
    "Apa dasar hukum pembayaran LS bendahara?",
    "Bagaimana cara koreksi setoran MPN yang salah akun?",
    "Berapa batas UP untuk satker dengan pagu di atas 900 juta?",
]
FIRST = ["Budi", "Siti", "Agus", "Dewi", "Rudi", "Rina", "Joko", "Lestari", "Hendra", "Wati"]
LAST = ["Santoso", "Rahayu", "Wijaya", "Lestari", "Saputra", "Hidayat", "Nugroho", "Sari"]

COLUMNS = (
    "seq, id, office_code, created_at, updated_at, channel, department, application,"
    " visitor_name, satker_code, institution, phone, email, question, answer, outcome,"
    " out_of_scope_reason, served_started_at, served_ended_at, version, sync_status, origin,"
    " clock_offset_s, counted_at"
)


def _stamp(moment: datetime) -> str:
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def month_times(month: str, n: int, rng: random.Random, zone: str | None = None) -> list[str]:
    """``n`` times in ``month`` (office zone), on working days and hours, sorted."""
    tz = rules.zone(zone)
    year, mon = rules.parse_month(month)
    days = [
        d for d in range(1, rules.month_days(month) + 1) if datetime(year, mon, d).weekday() < 5
    ]
    out = []
    for _ in range(n):
        local = datetime(year, mon, rng.choice(days), rng.choice(HOURS), tzinfo=tz)
        out.append(local + timedelta(seconds=rng.randrange(3600), milliseconds=rng.randrange(1000)))
    return [_stamp(t) for t in sorted(out)]


def rows(office: str, times: list[str], rng: random.Random, pending: bool) -> Iterator[tuple]:
    """Insert tuples (COLUMNS order) for inquiries created at ``times``."""
    used: dict[int, int] = {}
    for ts in times:
        base = inquiries.seq_base(ts)
        seq = max(base, used.get(base, base - 1) + 1)
        used[base] = seq
        outcome = rng.choice(OUTCOMES)
        start = datetime.fromisoformat(ts.replace("Z", "+00:00"))
        served = rng.random() < 0.85
        yield (
            seq,
            str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            office,
            ts,
            ts,
            rng.choice(CHANNELS),
            rng.choice(DEPTS),
            rng.choice(APPS),
            f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            f"{rng.randint(0, 999999):06d}" if rng.random() < 0.7 else None,
            "Satker Uji",
            "0812-555-0101" if rng.random() < 0.3 else None,
            None,
            rng.choice(QUESTIONS),
            "Silakan ikuti petunjuk pada PMK terkait." if outcome != "out_of_scope" else None,
            outcome,
            rng.choice(REASONS) if outcome == "out_of_scope" else None,
            _stamp(start - timedelta(minutes=rng.randint(3, 25))) if served else None,
            ts if served else None,
            1,
            "pending" if pending else "synced",
            "desk",
            None,
            None,
        )


def insert(db, office: str, times: list[str], seed: int = 11, pending: bool = False) -> int:
    """Insert inquiries at ``times`` (with outbox rows when ``pending``); returns how many."""
    rng = random.Random(seed)
    sql = f"INSERT INTO inquiry ({COLUMNS}) VALUES ({', '.join('?' * 24)})"
    batch = list(rows(office, times, rng, pending))
    with db.atomic():
        db.connection().executemany(sql, batch)
        if pending:
            db.connection().executemany(
                "INSERT INTO outbox (record_type, record_id, enqueued_at) VALUES (?, ?, ?)",
                [("inquiry", r[1], r[3]) for r in batch],
            )
    return len(batch)
