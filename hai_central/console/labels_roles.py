"""Words of the broadcaster, supervisor and admin screens (Indonesian), their notices and
Jinja filters. Kept apart from :mod:`labels` (the agent screens'); installed on import."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hai_central.console import labels

BROADCAST_KINDS = {
    "info": "Informasi",
    "outage": "Status gangguan",
    "data_request": "Permintaan data/laporan",
    "service_change": "Perubahan layanan",
    "other": "Informasi lainnya",
}
URGENCIES = {"normal": "Biasa", "urgent": "Mendesak"}
OUTAGE_STATUSES = {
    "investigating": "Sedang diselidiki",
    "identified": "Penyebab diketahui",
    "monitoring": "Dipantau",
    "resolved": "Selesai",
}
OFFICE_KINDS = {"KPPN": "KPPN", "KANWIL": "Kanwil", "PUSAT": "Kantor Pusat"}
RECEIPT_STATES = {"acknowledged": "Dikonfirmasi", "read": "Dibaca", "none": "Belum keduanya"}
REPLY_STATES = {"replied": "Dibalas", "late": "Terlambat", "missing": "Belum membalas"}
TIMEZONES = {
    "Asia/Jakarta": "WIB (Asia/Jakarta)",
    "Asia/Makassar": "WITA (Asia/Makassar)",
    "Asia/Jayapura": "WIT (Asia/Jayapura)",
}
DAY_KINDS = {"off": "Hari libur", "work": "Hari kerja pengganti"}
DAY_SOURCES = {"national": "Kalender nasional", "admin": "Ditambahkan admin"}
DEPARTMENTS_FALLBACK = "Lainnya"

NOTICES = {
    "published": "Broadcast diterbitkan dan ditandatangani hub.",
    "office_saved": "Kantor disimpan.",
    "user_created": "Pengguna dibuat.",
    "user_saved": "Perubahan pengguna disimpan (pengguna perlu masuk kembali).",
    "day_saved": "Hari di kalender kerja disimpan.",
    "day_removed": "Hari dihapus dari kalender kerja.",
}
labels.NOTICES.update(NOTICES)


def local_input(value: str | None) -> str:
    """An RFC 3339 UTC time as a ``datetime-local`` input value in WIB."""
    if not value:
        return ""
    from hai_central.services.common import parse_time

    return parse_time(value).astimezone(labels.CENTRE_TZ).strftime("%Y-%m-%dT%H:%M")


def from_local_input(value: str) -> str | None:
    """A ``datetime-local`` value (read as WIB) as RFC 3339 UTC, or None when empty.

    A value that is no time at all is passed on as it is: the schema refuses it."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return value
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=labels.CENTRE_TZ)
    from hai_central.services.common import iso

    return iso(dt)


def percent(value: Any) -> str:
    if value is None:
        return "—"
    return f"{float(value) * 100:.1f} %".replace(".", ",")


def _install(env) -> None:
    for name, words in (
        ("broadcast_kind", BROADCAST_KINDS),
        ("urgency", URGENCIES),
        ("outage_status", OUTAGE_STATUSES),
        ("office_kind", OFFICE_KINDS),
        ("receipt_state", RECEIPT_STATES),
        ("reply_state", REPLY_STATES),
        ("timezone", TIMEZONES),
        ("day_kind", DAY_KINDS),
        ("day_source", DAY_SOURCES),
    ):
        env.filters[name] = lambda c, w=words: w.get(c, c) if c else "—"
    env.filters["percent"] = percent
    env.filters["local_input"] = local_input


def install() -> None:
    from hai_central.console.app import templates

    _install(templates.env)


install()
