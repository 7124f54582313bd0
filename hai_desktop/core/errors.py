"""Expected errors of the desk core and the Indonesian texts the user sees for them.

Core code raises ``ValidationError`` with field -> message code; the GUI shows
``message(code)`` next to the field. Codes are stable identifiers (tests and the GUI use them).
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    "required": "Wajib diisi.",
    "too_long": "Terlalu panjang.",
    "satker_invalid": "Kode satker harus 6 angka.",
    "phone_invalid": "Nomor telepon tidak valid (gunakan angka, boleh diawali +).",
    "email_invalid": "Alamat e-mail tidak valid.",
    "email_not_official": "Gunakan e-mail kedinasan (misalnya @kemenkeu.go.id).",
    "unknown_code": "Pilihan tidak dikenal. Pilih dari daftar.",
    "unknown_office": "Kantor tidak ditemukan dalam daftar kantor.",
    "answer_required": "Tulis jawaban yang diberikan, atau pilih hasil lain.",
    "reason_required": "Pilih alasan mengapa pertanyaan di luar lingkup layanan.",
    "time_invalid": "Waktu tidak valid.",
    "time_order": "Waktu selesai tidak boleh sebelum waktu mulai.",
    "not_found": "Data tidak ditemukan.",
    "invalid": "Isian tidak valid.",
}


def message(code: str) -> str:
    """The Indonesian text for a message code (the code itself if unknown)."""
    return MESSAGES.get(code, code)


class HaiError(Exception):
    """Base of the expected (non-bug) errors raised by the desk core."""


class ValidationError(HaiError):
    """Input that cannot be saved: ``errors`` maps field name -> message code."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {code}" for field, code in self.errors.items()))

    def messages(self) -> dict[str, str]:
        """Field -> Indonesian text."""
        return {field: message(code) for field, code in self.errors.items()}


class NotFoundError(HaiError):
    """A record asked for by id does not exist."""
