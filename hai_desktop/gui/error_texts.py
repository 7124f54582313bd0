"""Core message codes as text in the UI language.

``hai_desktop.core.errors.MESSAGES`` holds the Indonesian texts (core has no Qt). Each is
listed here once more inside ``QCoreApplication.translate`` so that ``pyside6-lupdate``
collects it into the .ts file; ``text(code)`` then returns the translation when English is
on. A test checks that every core message is listed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from hai_desktop.core.errors import message

CONTEXT = "CoreMessages"


def _listed() -> list[str]:
    # Never called for its result at run time; the literals are what lupdate reads.
    return [
        QCoreApplication.translate("CoreMessages", "Wajib diisi."),
        QCoreApplication.translate("CoreMessages", "Terlalu panjang."),
        QCoreApplication.translate("CoreMessages", "Kode satker harus 6 angka."),
        QCoreApplication.translate(
            "CoreMessages", "Nomor telepon tidak valid (gunakan angka, boleh diawali +)."
        ),
        QCoreApplication.translate("CoreMessages", "Alamat e-mail tidak valid."),
        QCoreApplication.translate(
            "CoreMessages", "Gunakan e-mail kedinasan (misalnya @kemenkeu.go.id)."
        ),
        QCoreApplication.translate("CoreMessages", "Pilihan tidak dikenal. Pilih dari daftar."),
        QCoreApplication.translate("CoreMessages", "Kantor tidak ditemukan dalam daftar kantor."),
        QCoreApplication.translate(
            "CoreMessages", "Tulis jawaban yang diberikan, atau pilih hasil lain."
        ),
        QCoreApplication.translate(
            "CoreMessages", "Pilih alasan mengapa pertanyaan di luar lingkup layanan."
        ),
        QCoreApplication.translate("CoreMessages", "Waktu tidak valid."),
        QCoreApplication.translate(
            "CoreMessages", "Waktu selesai tidak boleh sebelum waktu mulai."
        ),
        QCoreApplication.translate("CoreMessages", "Data tidak ditemukan."),
        QCoreApplication.translate("CoreMessages", "Isian tidak valid."),
    ]


def text(code: str) -> str:
    """The user-facing text of a core message code, translated when a translator is on."""
    return QCoreApplication.translate(CONTEXT, message(code))
