"""The CLI's words for core's message codes (the CLI speaks Indonesian only).

The GUI has its own tables (``gui/sync_texts.py``, ``gui/error_texts.py``, translatable); a
test checks that both know every code of ``core/sync/codes.py`` and ``core/errors.CODES``.
"""

from __future__ import annotations

from typing import Any

from hai_desktop.core.sync import codes

SYNC_TEXTS: dict[str, str] = {
    codes.NO_NETWORK: "komputer ini tidak tersambung ke jaringan; data tetap di antrean.",
    codes.HUB_NOT_ANSWERING: "HAI Hub tidak menjawab (jaringan tersambung); data tetap di antrean.",
    codes.CONNECTION_LOST: "sambungan ke HAI Hub terputus; data tetap di antrean.",
    codes.TIMEOUT: "HAI Hub tidak menjawab tepat waktu; data tetap di antrean.",
    codes.TLS: "sertifikat HAI Hub tidak dikenali (periksa alamat dan --ca-bundle).",
    codes.NOT_THE_HUB: "jawaban bukan dari HAI Hub (halaman login Wi-Fi atau proxy?).",
    codes.HUB_FAULT: "HAI Hub sedang gangguan (kode {status}).",
    codes.NOT_SIGNED_IN: "belum masuk ke HAI Hub: jalankan `hai-desktop login`.",
    codes.SESSION_ENDED: "sesi masuk sudah berakhir: jalankan `hai-desktop login` lagi.",
    codes.THROTTLED: "HAI Hub sedang sibuk; coba lagi dalam {seconds} detik.",
    codes.NOT_CONFIGURED: "alamat HAI Hub belum diatur: jalankan `hai-desktop login --hub URL`.",
    codes.INVALID_URL: "alamat HAI Hub tidak sah.",
    codes.HUB_REFUSED: "HAI Hub menolak data: {hub_message}",
    codes.REQUEST_REFUSED: "HAI Hub menolak permintaan (kode {status}).",
    codes.NEVER_SYNCED: "belum pernah tersinkron dengan HAI Hub.",
    codes.RUNNING: "sinkronisasi lain sedang berjalan.",
    codes.SIGNED_IN: "sudah masuk; menunggu sinkronisasi.",
    codes.ALL_SENT: "semua catatan sudah terkirim.",
    codes.WAITING: "{count} catatan menunggu dikirim.",
    codes.REJECTED: "{count} catatan ditolak HAI Hub.",
    codes.CONFLICTS: "{count} catatan juga diubah desk lain; pilih versinya di Riwayat.",
    codes.LOCAL_FAILURE: "kesalahan di komputer ini.",
    codes.DISK_FULL: "disk penuh: kosongkan ruang di disk folder data, lalu coba lagi.",
    codes.DB_LOCKED: "basis data sedang dipakai program lain (HAI Desk lain?); coba lagi.",
    codes.STORAGE_READ_ONLY: "folder data tidak boleh ditulis (hanya-baca atau tanpa izin).",
    codes.STORAGE_IO: "disk atau folder jaringan tempat data bermasalah; coba lagi.",
    codes.DB_DAMAGED: "basis data rusak; jalankan `hai-desktop self-check`.",
    codes.CLOCK_BEHIND: "jam komputer ini terlambat sekitar {minutes} menit dibanding HAI Hub.",
    codes.CLOCK_AHEAD: "jam komputer ini terlalu cepat sekitar {minutes} menit dibanding HAI Hub.",
    codes.ITEM_REJECTED: "ditolak oleh HAI Hub.",
    codes.CONFLICT: "konflik: desk lain juga mengubahnya; pilih versinya di Riwayat.",
}


VALIDATION_TEXTS: dict[str, str] = {
    "required": "wajib diisi.",
    "too_long": "terlalu panjang.",
    "satker_invalid": "kode satker harus 6 angka.",
    "phone_invalid": "nomor telepon tidak valid (angka, boleh diawali +).",
    "email_invalid": "alamat e-mail tidak valid.",
    "email_not_official": "gunakan e-mail kedinasan (misalnya @kemenkeu.go.id).",
    "unknown_code": "pilihan tidak dikenal.",
    "unknown_office": "kode kantor tidak ada dalam daftar kantor.",
    "answer_required": "tulis jawaban yang diberikan, atau pilih hasil lain.",
    "reason_required": "pilih alasan di luar lingkup layanan.",
    "time_invalid": "waktu tidak valid.",
    "time_order": "waktu selesai sebelum waktu mulai.",
    "not_found": "data tidak ditemukan.",
    "invalid": "isian tidak valid.",
}


def validation_lines(errors: dict[str, str]) -> list[str]:
    """``field: words`` for each invalid field of a ``ValidationError``."""
    return [f"{field}: {VALIDATION_TEXTS.get(code, code)}" for field, code in errors.items()]


def sync_text(code: str, params: dict[str, Any] | None = None) -> str:
    """The words of a sync message code (an unknown code, e.g. the hub's words, as is)."""
    template = SYNC_TEXTS.get(code)
    if template is None:
        return code
    values = {name: "" for name in codes.PARAMS.get(code, ())}
    values.update({k: ("" if v is None else v) for k, v in (params or {}).items()})
    return template.format(**values)


def summary_lines(report) -> list[str]:
    """What ``hai-desktop sync`` prints about a :class:`SyncReport`, one fact per line."""
    status = report.status
    if report.skipped:
        return [f"Sinkronisasi ditunda: {sync_text(status.code, status.params)}"]
    lines = [f"Terkirim ke HAI Hub: {report.accepted + report.unchanged} catatan."]
    for record_type, record_id, message in report.rejected:
        lines.append(f"Ditolak ({record_type} {record_id}): {sync_text(message)}")
    pulled = ", ".join(f"{k} {v}" for k, v in report.pulled.items() if v)
    if pulled:
        lines.append(f"Diterima dari HAI Hub: {pulled}.")
    if report.error is not None:
        lines.append(f"Gagal: {sync_text(*report.error.message_code())}")
    lines.append(f"Menunggu dikirim: {status.waiting} catatan.")
    if status.conflicts:
        lines.append(f"Konflik: {sync_text(codes.CONFLICTS, {'count': status.conflicts})}")
    if status.clock_code:
        lines.append(sync_text(*status.clock_code).capitalize())
    return lines
