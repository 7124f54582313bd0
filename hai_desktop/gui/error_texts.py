"""Core validation codes (``core/errors.CODES``) as text in the UI language.

Indonesian is the source text, each inside ``QCoreApplication.translate`` so that
``pyside6-lupdate`` collects it; ``text(code)`` returns the translation when English is on.
A test checks that every core code is listed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "CoreMessages"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _table() -> dict[str, str]:
    # Built on each call: the translator may have been switched since.
    return {
        "required": _t("Wajib diisi."),
        "too_long": _t("Terlalu panjang."),
        "satker_invalid": _t("Kode satker harus 6 angka."),
        "phone_invalid": _t("Nomor telepon tidak valid (gunakan angka, boleh diawali +)."),
        "email_invalid": _t("Alamat e-mail tidak valid."),
        "email_not_official": _t("Gunakan e-mail kedinasan (misalnya @kemenkeu.go.id)."),
        "unknown_code": _t("Pilihan tidak dikenal. Pilih dari daftar."),
        "unknown_office": _t("Kantor tidak ditemukan dalam daftar kantor."),
        "answer_required": _t("Tulis jawaban yang diberikan, atau pilih hasil lain."),
        "reason_required": _t("Pilih alasan mengapa pertanyaan di luar lingkup layanan."),
        "time_invalid": _t("Waktu tidak valid."),
        "time_order": _t("Waktu selesai tidak boleh sebelum waktu mulai."),
        "not_found": _t("Data tidak ditemukan."),
        "invalid": _t("Isian tidak valid."),
    }


def codes() -> set[str]:
    """The codes this table words (for the completeness test)."""
    return set(_table())


def text(code: str) -> str:
    """The user-facing text of a core message code (the code itself if unknown)."""
    return _table().get(code, code)
