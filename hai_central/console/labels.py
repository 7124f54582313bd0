"""The console's words (Indonesian): labels of codes, notices, error texts, Jinja filters.

The services speak in codes and English messages; the console shows Indonesian.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from hai_central.errors import ApiError
from hai_central.services.common import parse_time

CENTRE_TZ = ZoneInfo("Asia/Jakarta")

ROLES = {
    "cso": "CSO (desk)",
    "agent": "Agen",
    "broadcaster": "Penyiar",
    "supervisor": "Supervisor",
    "admin": "Admin",
}
TICKET_STATUSES = {
    "new": "Baru",
    "in_progress": "Diproses",
    "waiting": "Menunggu pengguna",
    "escalated": "Dieskalasi",
    "answered": "Dijawab",
    "closed": "Ditutup",
}
PRIORITIES = {"low": "Rendah", "normal": "Normal", "high": "Tinggi", "urgent": "Mendesak"}
REVIEW_STATUSES = {"pending": "Menunggu", "accepted": "Diterima", "rejected": "Ditolak"}
AUTHOR_ROLES = {"cso": "Desk", "agent": "Agen HAI-DJPBN"}

CSO_REFUSED = "Akun CSO tidak dapat memakai konsol pusat. Gunakan aplikasi HAI Desk di kantor Anda."
CSRF_REFUSED = (
    "Formulir ini tidak dapat diterima (token keamanan tidak ada atau kedaluwarsa). "
    "Muat ulang halaman lalu coba lagi."
)
NUL_REFUSED = "Isian mengandung karakter yang tidak diizinkan."
BAD_FORM = "Formulir tidak dapat dibaca."
PAGE_NOT_FOUND = "Halaman yang Anda cari tidak ada di konsol."

NOTICES = {
    "signed_out": "Anda telah keluar.",
    "expired": "Sesi Anda berakhir. Silakan masuk kembali.",
    "replied": "Balasan terkirim ke desk.",
    "replied_group": "Balasan terkirim ke semua tiket yang dipilih.",
    "updated": "Perubahan disimpan.",
    "accepted": "Jawaban diterima ke basis pengetahuan.",
    "rejected": "Jawaban ditolak.",
    "kb_saved": "Entri basis pengetahuan disimpan.",
    "kb_retired": "Entri dipensiunkan (tidak lagi tampil di desk).",
}

API_MESSAGES = {
    "invalid_credentials": "E-mail atau kata sandi salah.",
    "forbidden": "Anda tidak diizinkan melakukan ini.",
    "not_found": "Data yang diminta tidak ditemukan.",
    "conflict": "Data ini bentrok dengan data yang sudah ada.",
    "ticket_closed": "Tiket sudah ditutup.",
    "too_large": "Berkas terlalu besar.",
    "unsupported_type": "Jenis berkas tidak diizinkan.",
}


def role(code: str) -> str:
    return ROLES.get(code, code)


def notice(code: str | None) -> str | None:
    return NOTICES.get(code or "")


def api_error_title(exc: ApiError) -> str:
    if exc.status == 403:
        return "Akses ditolak"
    if exc.status == 404:
        return "Tidak ditemukan"
    if exc.status == 429:
        return "Terlalu banyak percobaan"
    return "Permintaan tidak dapat diproses"


def api_error(exc: ApiError) -> str:
    """The Indonesian text of a service's refusal."""
    if exc.code == "too_many_requests":
        wait = (exc.details or {}).get("retry_after")
        return f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {wait} detik."
    if exc.code == "invalid_field":
        field = (exc.details or {}).get("field") or ""
        reason = (exc.details or {}).get("reason")
        if reason == "too_long":
            return f"Isian “{field}” terlalu panjang."
        if exc.message.startswith("attachment"):
            return "Lampiran belum terunggah atau tidak valid."
        return f"Isian “{field}” tidak valid." if field else "Isian tidak valid."
    return API_MESSAGES.get(exc.code, "Permintaan ditolak oleh hub.")


def validation(exc: ValidationError) -> str:
    fields = sorted({".".join(str(p) for p in e.get("loc", ())) for e in exc.errors()})
    return "Isian tidak valid: " + ", ".join(f or "formulir" for f in fields) + "."


def when(value: str | None) -> str:
    """An RFC 3339 UTC time as the centre reads it: ``03-12-2026 22:55 WIB``."""
    if not value:
        return "—"
    try:
        dt = parse_time(value)
    except ValueError:
        return value
    return dt.astimezone(CENTRE_TZ).strftime("%d-%m-%Y %H:%M WIB")


def size(n: Any) -> str:
    n = int(n or 0)
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"


def due_state(due: str | None, now: datetime, near_hours: float = 4.0) -> str:
    """``overdue``, ``near`` (within ``near_hours``) or ``ok`` — for a due time."""
    if not due:
        return "ok"
    seconds = (parse_time(due) - now).total_seconds()
    if seconds < 0:
        return "overdue"
    return "near" if seconds <= near_hours * 3600 else "ok"


def install_filters(env) -> None:
    env.filters["when"] = when
    env.filters["role"] = role
    env.filters["size"] = size
    env.filters["ticket_status"] = lambda c: TICKET_STATUSES.get(c, c)
    env.filters["priority"] = lambda c: PRIORITIES.get(c, c)
    env.filters["review_status"] = lambda c: REVIEW_STATUSES.get(c, c)
    env.filters["author"] = lambda c: AUTHOR_ROLES.get(c, ROLES.get(c, c))
    env.globals["uuid4"] = lambda: str(uuid.uuid4())
    env.globals["TICKET_STATUSES"] = TICKET_STATUSES
    env.globals["PRIORITIES"] = PRIORITIES
