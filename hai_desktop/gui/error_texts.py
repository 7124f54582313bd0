"""Core validation codes (``core/errors.CODES``) as text in the UI language.

Indonesian is the source text, each inside ``QCoreApplication.translate`` so that
``pyside6-lupdate`` collects it; ``text(code)`` returns the translation when English is on.
A test checks that every core code is listed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "CoreMessages"


def _table() -> dict[str, str]:
    # Built on each call: the translator may have been switched since.
    return {
        "required": QCoreApplication.translate("CoreMessages", "Wajib diisi."),
        "too_long": QCoreApplication.translate("CoreMessages", "Terlalu panjang."),
        "satker_invalid": QCoreApplication.translate("CoreMessages", "Kode satker harus 6 angka."),
        "phone_invalid": QCoreApplication.translate(
            "CoreMessages", "Nomor telepon tidak valid (gunakan angka, boleh diawali +)."
        ),
        "email_invalid": QCoreApplication.translate("CoreMessages", "Alamat e-mail tidak valid."),
        "email_not_official": QCoreApplication.translate(
            "CoreMessages", "Gunakan e-mail kedinasan (misalnya @kemenkeu.go.id)."
        ),
        "unknown_code": QCoreApplication.translate(
            "CoreMessages", "Pilihan tidak dikenal. Pilih dari daftar."
        ),
        "unknown_office": QCoreApplication.translate(
            "CoreMessages", "Kantor tidak ditemukan dalam daftar kantor."
        ),
        "answer_required": QCoreApplication.translate(
            "CoreMessages", "Tulis jawaban yang diberikan, atau pilih hasil lain."
        ),
        "reason_required": QCoreApplication.translate(
            "CoreMessages", "Pilih alasan mengapa pertanyaan di luar lingkup layanan."
        ),
        "time_invalid": QCoreApplication.translate("CoreMessages", "Waktu tidak valid."),
        "time_order": QCoreApplication.translate(
            "CoreMessages", "Waktu selesai tidak boleh sebelum waktu mulai."
        ),
        "not_found": QCoreApplication.translate("CoreMessages", "Data tidak ditemukan."),
        "invalid": QCoreApplication.translate("CoreMessages", "Isian tidak valid."),
    }


def codes() -> set[str]:
    """The codes this table words (for the completeness test)."""
    return set(_table())


def text(code: str) -> str:
    """The user-facing text of a core message code (the code itself if unknown)."""
    return _table().get(code, code)
