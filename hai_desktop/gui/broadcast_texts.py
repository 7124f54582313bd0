"""The words for the broadcast codes of core (kinds, urgency, outage status, verification,
arrival problems, reply errors) and the local-time display of their UTC times.

Every text is a literal in ``QCoreApplication.translate("BroadcastTexts", …)`` so lupdate
finds it; core never sees these words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hai_contract.codes import BROADCAST_KINDS
from hai_desktop.core import broadcasts
from hai_desktop.core import broadcasts_verify as verify


def kind_text(code: str | None) -> str:
    words = {
        "info": QCoreApplication.translate("BroadcastTexts", "Informasi"),
        "outage": QCoreApplication.translate("BroadcastTexts", "Gangguan"),
        "data_request": QCoreApplication.translate("BroadcastTexts", "Permintaan data"),
        "service_change": QCoreApplication.translate("BroadcastTexts", "Perubahan layanan"),
        "other": QCoreApplication.translate("BroadcastTexts", "Lainnya"),
    }
    return words.get(code or "", code or "")


def kind_items() -> list[tuple[str, str]]:
    return [(c, kind_text(c)) for c in BROADCAST_KINDS]


def urgency_text(code: str | None) -> str:
    if code == "urgent":
        return QCoreApplication.translate("BroadcastTexts", "Segera")
    return QCoreApplication.translate("BroadcastTexts", "Biasa")


def outage_status_text(code: str | None) -> str:
    words = {
        "investigating": QCoreApplication.translate("BroadcastTexts", "Sedang diselidiki"),
        "identified": QCoreApplication.translate("BroadcastTexts", "Penyebab diketahui"),
        "monitoring": QCoreApplication.translate("BroadcastTexts", "Dipantau (sudah diperbaiki)"),
        "resolved": QCoreApplication.translate("BroadcastTexts", "Selesai"),
    }
    return words.get(code or "", code or "")


def status_items() -> list[tuple[str, str]]:
    """The inbox's status filter: (code, words)."""
    return [
        (broadcasts.STATUS_UNREAD, QCoreApplication.translate("BroadcastTexts", "Belum dibaca")),
        (
            broadcasts.STATUS_UNACKED,
            QCoreApplication.translate("BroadcastTexts", "Belum dikonfirmasi"),
        ),
        (
            broadcasts.STATUS_ACTIVE_OUTAGE,
            QCoreApplication.translate("BroadcastTexts", "Gangguan aktif"),
        ),
        (
            broadcasts.STATUS_REPLY_DUE,
            QCoreApplication.translate("BroadcastTexts", "Perlu dijawab"),
        ),
        (
            broadcasts.STATUS_SET_APART,
            QCoreApplication.translate("BroadcastTexts", "Disisihkan (tidak dapat diverifikasi)"),
        ),
    ]


def period_items() -> list[tuple[int, str]]:
    """The inbox's period filter: (days back, words); 0 = any time."""
    return [
        (0, QCoreApplication.translate("BroadcastTexts", "Semua waktu")),
        (7, QCoreApplication.translate("BroadcastTexts", "7 hari terakhir")),
        (30, QCoreApplication.translate("BroadcastTexts", "30 hari terakhir")),
        (90, QCoreApplication.translate("BroadcastTexts", "90 hari terakhir")),
        (365, QCoreApplication.translate("BroadcastTexts", "1 tahun terakhir")),
    ]


def verified_text(verified: bool) -> str:
    if verified:
        return QCoreApplication.translate("BroadcastTexts", "Terverifikasi")
    return QCoreApplication.translate("BroadcastTexts", "Tidak dapat diverifikasi")


def unverified_reason(code: str | None, problem: str | None) -> str:
    """Why a broadcast is not proven (a verification code and/or an arrival problem)."""
    if problem == broadcasts.PROBLEM_NOT_ADDRESSED:
        return QCoreApplication.translate(
            "BroadcastTexts",
            "Siaran ini ditujukan untuk kantor atau peran lain dan tiba di sini karena keliru. "
            "Disisihkan; tidak berlaku untuk kantor ini.",
        )
    if code == verify.NO_KEY:
        return QCoreApplication.translate(
            "BroadcastTexts",
            "Kunci tanda tangan hub belum tersimpan di desk ini (masuk ke hub sekali). "
            "Isinya belum terbukti berasal dari pusat.",
        )
    if code == verify.UNKNOWN_VERSION:
        return QCoreApplication.translate(
            "BroadcastTexts",
            "Tanda tangan memakai versi yang tidak dikenal desk ini. Perbarui HAI Desk.",
        )
    return QCoreApplication.translate(
        "BroadcastTexts",
        "Tanda tangan tidak cocok: isi siaran ini tidak terbukti berasal dari pusat atau telah "
        "diubah. Jangan dijadikan dasar jawaban; hubungi pusat untuk memastikan.",
    )


def key_change_text() -> str:
    return QCoreApplication.translate(
        "BroadcastTexts",
        "Hub memakai kunci tanda tangan yang berbeda dari yang disimpan saat masuk. Desk tidak "
        "menggantinya sendiri: siaran baru ditampilkan sebagai tidak dapat diverifikasi sampai "
        "petugas TI memastikan kunci baru.",
    )


def reply_error_text(code: str) -> str:
    words = {
        "body_required": QCoreApplication.translate("BroadcastTexts", "Tulis isi jawaban."),
        "body_too_long": QCoreApplication.translate(
            "BroadcastTexts", "Jawaban terlalu panjang (paling banyak 50.000 karakter)."
        ),
        "too_many_files": QCoreApplication.translate(
            "BroadcastTexts", "Terlalu banyak lampiran (paling banyak 20)."
        ),
        "no_reply_requested": QCoreApplication.translate(
            "BroadcastTexts", "Siaran ini tidak meminta jawaban."
        ),
    }
    return words.get(
        code, QCoreApplication.translate("BroadcastTexts", "Jawaban tidak dapat disimpan.")
    )


def attachment_state_text(state: str | None) -> str:
    words = {
        "stored": QCoreApplication.translate("BroadcastTexts", "tersimpan"),
        "missing": QCoreApplication.translate("BroadcastTexts", "tidak ada di hub"),
        "failed": QCoreApplication.translate("BroadcastTexts", "gagal diunduh, dicoba lagi"),
        "pending": QCoreApplication.translate("BroadcastTexts", "belum diunduh"),
    }
    return words.get(state or "pending", state or "")


def local_time(iso: str | None) -> str:
    """A UTC ISO time as the desk's local time in the UI language ("" for none)."""
    from hai_desktop.gui.date_texts import utc_text

    return utc_text(iso)


def applications_text(codes: list[str] | None) -> str:
    return ", ".join(codes or [])
