"""Sync message codes (``core/sync/codes.py``) as words in the UI language.

Indonesian is the source text; ``tr()`` (``QCoreApplication.translate`` in the
``SyncTexts`` context) gives the English when it is on. Parameters are filled in after the
translation, ``{name}`` style, so a translator moves them freely. A test checks that every
core code has its entry here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from hai_desktop.core.sync import codes

CONTEXT = "SyncTexts"


def _table() -> dict[str, str]:
    # Built on each call: the translator may have been switched since.
    return {
        codes.NO_NETWORK: QCoreApplication.translate(
            "SyncTexts",
            "Komputer ini tidak tersambung ke jaringan. Data tetap tersimpan di komputer ini "
            "dan akan dikirim otomatis saat jaringan kembali.",
        ),
        codes.HUB_NOT_ANSWERING: QCoreApplication.translate(
            "SyncTexts",
            "HAI Hub tidak menjawab (jaringan tersambung, hub mati atau sedang dimulai "
            "ulang). Data tetap tersimpan dan akan dikirim otomatis.",
        ),
        codes.CONNECTION_LOST: QCoreApplication.translate(
            "SyncTexts",
            "Sambungan ke HAI Hub terputus. Data tetap tersimpan di komputer ini dan akan "
            "dikirim otomatis.",
        ),
        codes.TIMEOUT: QCoreApplication.translate(
            "SyncTexts",
            "HAI Hub tidak menjawab tepat waktu. Data tetap tersimpan di komputer ini dan "
            "akan dikirim otomatis.",
        ),
        codes.TLS: QCoreApplication.translate(
            "SyncTexts",
            "Sambungan aman ke HAI Hub gagal (sertifikat tidak dikenali). Periksa alamat hub "
            "dan berkas CA di Pengaturan.",
        ),
        codes.NOT_THE_HUB: QCoreApplication.translate(
            "SyncTexts",
            "Jawaban yang diterima bukan dari HAI Hub (mungkin halaman login Wi-Fi atau proxy "
            "kantor). Akan dicoba lagi otomatis.",
        ),
        codes.HUB_FAULT: QCoreApplication.translate(
            "SyncTexts",
            "HAI Hub sedang mengalami gangguan (kode {status}). Akan dicoba lagi otomatis.",
        ),
        codes.NOT_SIGNED_IN: QCoreApplication.translate(
            "SyncTexts",
            "Belum masuk ke HAI Hub. Klik status sinkronisasi untuk masuk; catatan tetap "
            "tersimpan di komputer ini.",
        ),
        codes.SESSION_ENDED: QCoreApplication.translate(
            "SyncTexts",
            "Sesi masuk ke HAI Hub sudah berakhir. Silakan masuk lagi; data yang belum "
            "terkirim tetap dalam antrean.",
        ),
        codes.THROTTLED: QCoreApplication.translate(
            "SyncTexts", "HAI Hub sedang sibuk. Dicoba lagi dalam {seconds} detik."
        ),
        codes.NOT_CONFIGURED: QCoreApplication.translate(
            "SyncTexts", "Alamat HAI Hub belum diatur. Klik status sinkronisasi untuk masuk ke hub."
        ),
        codes.INVALID_URL: QCoreApplication.translate(
            "SyncTexts", "Alamat HAI Hub tidak sah. Periksa alamat hub di Pengaturan."
        ),
        codes.HUB_REFUSED: QCoreApplication.translate(
            "SyncTexts", "HAI Hub menolak data: {hub_message}"
        ),
        codes.REQUEST_REFUSED: QCoreApplication.translate(
            "SyncTexts", "HAI Hub menolak permintaan (kode {status})."
        ),
        codes.NEVER_SYNCED: QCoreApplication.translate(
            "SyncTexts", "Belum pernah tersinkron dengan HAI Hub."
        ),
        codes.RUNNING: QCoreApplication.translate("SyncTexts", "Sinkronisasi sedang berjalan."),
        codes.SIGNED_IN: QCoreApplication.translate(
            "SyncTexts", "Sudah masuk. Menunggu sinkronisasi."
        ),
        codes.ALL_SENT: QCoreApplication.translate("SyncTexts", "Semua catatan sudah terkirim."),
        codes.WAITING: QCoreApplication.translate("SyncTexts", "{count} catatan menunggu dikirim."),
        codes.REJECTED: QCoreApplication.translate(
            "SyncTexts",
            "{count} catatan ditolak HAI Hub. Buka Riwayat untuk melihat alasannya dan "
            "memperbaikinya.",
        ),
        codes.CONFLICTS: QCoreApplication.translate(
            "SyncTexts",
            "{count} catatan diubah juga oleh desk lain di kantor ini. Buka Riwayat untuk "
            "memilih versi yang dipakai.",
        ),
        codes.LOCAL_FAILURE: QCoreApplication.translate(
            "SyncTexts", "Sinkronisasi gagal karena kesalahan di komputer ini. Coba lagi."
        ),
        codes.CLOCK_BEHIND: QCoreApplication.translate(
            "SyncTexts",
            "Jam komputer ini terlambat sekitar {minutes} menit dibanding HAI Hub. Betulkan "
            "tanggal dan jam komputer.",
        ),
        codes.CLOCK_AHEAD: QCoreApplication.translate(
            "SyncTexts",
            "Jam komputer ini terlalu cepat sekitar {minutes} menit dibanding HAI Hub. "
            "Betulkan tanggal dan jam komputer.",
        ),
        codes.ITEM_REJECTED: QCoreApplication.translate("SyncTexts", "Ditolak oleh HAI Hub."),
        codes.CONFLICT: QCoreApplication.translate(
            "SyncTexts", "Konflik: desk lain di kantor ini juga mengubahnya. Pilih versinya."
        ),
        codes.DISK_FULL: QCoreApplication.translate(
            "SyncTexts",
            "Sinkronisasi berhenti: disk penuh. Kosongkan ruang di disk folder data, lalu "
            "coba lagi.",
        ),
        codes.DB_LOCKED: QCoreApplication.translate(
            "SyncTexts",
            "Sinkronisasi berhenti: basis data sedang dikunci program lain. Coba lagi.",
        ),
        codes.STORAGE_READ_ONLY: QCoreApplication.translate(
            "SyncTexts",
            "Sinkronisasi berhenti: folder data tidak boleh ditulis (hanya-baca atau tanpa izin).",
        ),
        codes.STORAGE_IO: QCoreApplication.translate(
            "SyncTexts",
            "Sinkronisasi berhenti: disk atau folder jaringan tempat data bermasalah. Coba lagi.",
        ),
        codes.DB_DAMAGED: QCoreApplication.translate(
            "SyncTexts", "Sinkronisasi berhenti: basis data rusak. Jalankan pemeriksaan data."
        ),
    }


def text(code: str, params: dict[str, Any] | None = None) -> str:
    """The words of a sync message code (an unknown code, e.g. the hub's own words, as is)."""
    template = _table().get(code)
    if template is None:
        return code
    values = {name: "" for name in codes.PARAMS.get(code, ())}
    values.update({k: ("" if v is None else v) for k, v in (params or {}).items()})
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return template


def status_text(status) -> str:
    """The words of a :class:`~hai_desktop.core.sync.status.SyncStatus`'s message."""
    return text(status.code, status.params)


def clock_text(status) -> str | None:
    """The clock warning in words (None when the clock is fine)."""
    clock = status.clock_code
    return text(*clock) if clock else None


def error_text(err) -> str:
    """The words for a :class:`~hai_desktop.core.sync.protocol.HubError`."""
    return text(*err.message_code())
