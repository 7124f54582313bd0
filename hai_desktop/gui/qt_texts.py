"""Indonesian for Qt's own user-visible texts.

PySide6 ships no ``qtbase_id.qm``, so Qt's standard dialog buttons and the text-field context
menus would stay English in the Indonesian UI. This translator answers only for those texts
(``QT_TEXTS_ID``); the app's own strings are Indonesian in the source already.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

QT_TEXTS_ID: dict[tuple[str, str], str] = {
    ("QPlatformTheme", "OK"): "OK",
    ("QPlatformTheme", "Save"): "Simpan",
    ("QPlatformTheme", "Save All"): "Simpan semua",
    ("QPlatformTheme", "Open"): "Buka",
    ("QPlatformTheme", "&Yes"): "&Ya",
    ("QPlatformTheme", "Yes to &All"): "Ya untuk &semua",
    ("QPlatformTheme", "&No"): "&Tidak",
    ("QPlatformTheme", "N&o to All"): "T&idak untuk semua",
    ("QPlatformTheme", "Abort"): "Hentikan",
    ("QPlatformTheme", "Retry"): "Coba lagi",
    ("QPlatformTheme", "Ignore"): "Abaikan",
    ("QPlatformTheme", "Close"): "Tutup",
    ("QPlatformTheme", "Cancel"): "Batal",
    ("QPlatformTheme", "Discard"): "Buang",
    ("QPlatformTheme", "Don't Save"): "Jangan simpan",
    ("QPlatformTheme", "Close without Saving"): "Tutup tanpa menyimpan",
    ("QPlatformTheme", "Help"): "Bantuan",
    ("QPlatformTheme", "Apply"): "Terapkan",
    ("QPlatformTheme", "Reset"): "Atur ulang",
    ("QPlatformTheme", "Restore Defaults"): "Kembalikan bawaan",
    ("QMessageBox", "Show Details..."): "Tampilkan rincian...",
    ("QMessageBox", "Hide Details..."): "Sembunyikan rincian...",
    ("QAbstractSpinBox", "&Select All"): "&Pilih semua",
    ("QAbstractSpinBox", "&Step up"): "&Naikkan",
    ("QAbstractSpinBox", "Step &down"): "&Turunkan",
}
for _context in ("QLineEdit", "QWidgetTextControl"):
    QT_TEXTS_ID.update(
        {
            (_context, "&Undo"): "&Urungkan",
            (_context, "&Redo"): "U&lang",
            (_context, "Cu&t"): "Po&tong",
            (_context, "&Copy"): "&Salin",
            (_context, "Copy &Link Location"): "Salin &lokasi tautan",
            (_context, "&Paste"): "&Tempel",
            (_context, "Delete"): "Hapus",
            (_context, "Select All"): "Pilih semua",
        }
    )


class QtTextsTranslator(QTranslator):
    """Indonesian for Qt's own standard texts (see ``QT_TEXTS_ID``); nothing else."""

    def translate(  # noqa: D102 (Qt override)
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return QT_TEXTS_ID.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt override)
        return False
