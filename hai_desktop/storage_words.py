"""The words for the typed storage errors (``core.db.errors``), shared by the GUI and the CLI.

Core speaks in codes; this table holds the Indonesian texts once. The CLI prints them as
they are; the GUI passes ``QCoreApplication.translate`` as ``tr`` so that English is shown
when it is on (the ``QT_TRANSLATE_NOOP`` markers are what ``pyside6-lupdate`` collects),
and ``screen=True``: a window keeps unsaved input on screen and has a "Coba lagi" button,
the command line has neither and gets its own way out (``CLI_WAY_OUT``). The title is said
once: it is never repeated at the start of the text. No Qt is imported here.

Placeholders (``{path}``, ``{holders}``, ``{needed}``, ``{free}``) are filled in after
translation, with ``str.replace``, so a translator may move them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hai_desktop.core.db.errors import (
    DatabaseLocked,
    StorageError,
    StorageReadOnly,
)

CONTEXT = "StorageWords"
Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's marker name)
    return text


# code (or code/reason) -> (title, what happened, the way out)
TEXTS: dict[str, tuple[str, str, str]] = {
    "db_locked": (
        QT_TRANSLATE_NOOP(CONTEXT, "Basis data sedang dipakai"),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Berkas basis data HAI Desk sedang dikunci oleh program lain{holders}. Data Anda "
            "aman; tidak ada yang diubah.",
        ),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Tutup program yang memakainya (misalnya HAI Desk yang terbuka di akun atau jendela "
            "lain, alat pencadangan, antivirus, atau DB Browser for SQLite), lalu coba lagi.",
        ),
    ),
    "disk_full": (
        QT_TRANSLATE_NOOP(CONTEXT, "Disk penuh"),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "HAI Desk memerlukan ruang kosong sedikitnya {needed} di {path} (tersisa {free}).",
        ),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Kosongkan ruang disk (hapus berkas yang tidak diperlukan, kosongkan Recycle Bin), "
            "lalu coba lagi.",
        ),
    ),
    "db_read_only/read_only_fs": (
        QT_TRANSLATE_NOOP(CONTEXT, "Folder data hanya-baca"),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "HAI Desk tidak dapat menulis di {path}: drive atau folder itu hanya dapat dibaca "
            "(misalnya flashdisk yang dikunci, CD, atau folder jaringan hanya-baca).",
        ),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Pindahkan folder data HAI Desk ke drive yang dapat ditulisi, atau minta petugas TI "
            "membukanya untuk ditulisi, lalu coba lagi.",
        ),
    ),
    "db_read_only/permission": (
        QT_TRANSLATE_NOOP(CONTEXT, "Tidak ada izin menulis"),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "HAI Desk tidak dapat menulis di {path}: akun pengguna ini tidak memiliki izin "
            "menulis di folder atau berkas itu.",
        ),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Minta petugas TI memberi akun ini izin menulis di folder tersebut, lalu coba lagi.",
        ),
    ),
    "db_io_error": (
        QT_TRANSLATE_NOOP(CONTEXT, "Gagal membaca atau menulis disk"),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Disk gagal membaca atau menulis berkas HAI Desk di {path}. Berkas tidak dianggap "
            "rusak dan tidak diubah.",
        ),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Coba lagi. Bila terus terjadi, periksa disk atau sambungan folder jaringan bersama "
            "petugas TI.",
        ),
    ),
    "db_damaged": (
        QT_TRANSLATE_NOOP(CONTEXT, "Basis data rusak"),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Berkas basis data HAI Desk di {path} rusak. Berkas tidak diubah.",
        ),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Buka HAI Desk (jendela) untuk memulihkan cadangan terbaru, atau hubungi petugas TI.",
        ),
    ),
    "db_missing": (
        QT_TRANSLATE_NOOP(CONTEXT, "Basis data tidak ditemukan"),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Berkas basis data HAI Desk tidak ada di {path}, padahal cadangannya ada "
            "({backups}). Desk kosong yang baru tidak dibuat agar data yang hilang tidak "
            "tertutupi.",
        ),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Buka HAI Desk (jendela) untuk memulihkan cadangan terbaru, atau hubungi petugas TI.",
        ),
    ),
    "db_too_new": (
        QT_TRANSLATE_NOOP(CONTEXT, "Perbarui HAI Desk"),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Basis data di {path} dibuat oleh versi HAI Desk yang lebih baru. Berkas tidak "
            "diubah dan datanya aman.",
        ),
        QT_TRANSLATE_NOOP(CONTEXT, "Perbarui HAI Desk ke versi terbaru, lalu buka lagi."),
    ),
}
FALLBACK = "db_io_error"

# Said only where there is a screen (the GUI): appended to the text.
SCREEN_NOTES: dict[str, str] = {
    "disk_full": QT_TRANSLATE_NOOP(CONTEXT, "Yang belum tersimpan tetap ada di layar."),
}
# The command line has no screen to keep data on and no "Coba lagi" button: its way out
# (Indonesian only, the CLI is not translated). Codes not listed keep the shared one.
CLI_WAY_OUT: dict[str, str] = {
    "db_locked": "Tutup program yang memakainya (misalnya HAI Desk yang terbuka di akun atau "
    "jendela lain, alat pencadangan, antivirus, atau DB Browser for SQLite), lalu jalankan "
    "perintah ini lagi.",
    "disk_full": "Data yang sudah tersimpan tetap utuh. Kosongkan ruang disk (hapus berkas "
    "yang tidak diperlukan, kosongkan Recycle Bin), lalu jalankan perintah ini lagi.",
    "db_read_only/read_only_fs": "Pindahkan folder data HAI Desk ke drive yang dapat "
    "ditulisi (--data-dir), atau minta petugas TI membukanya untuk ditulisi, lalu jalankan "
    "perintah ini lagi.",
    "db_read_only/permission": "Jalankan perintah ini dengan akun pemilik folder data, atau "
    "minta petugas TI memberi akun ini izin menulis di folder tersebut.",
    "db_io_error": "Jalankan perintah ini lagi. Bila terus terjadi, periksa disk atau "
    "sambungan folder jaringan bersama petugas TI.",
    "db_missing": 'Jalankan "hai-desktop restore" (atau buka HAI Desk) untuk memulihkan '
    "cadangan terbaru, atau hubungi petugas TI.",
}


@dataclass(frozen=True)
class StorageText:
    title: str
    text: str
    way_out: str

    def line(self) -> str:
        """Title, what happened and the way out on one line (a status bar, self-check)."""
        return f"{self.title}: {self.text} {self.way_out}"


def size_text(n: int | None) -> str:
    """Bytes in Indonesian notation: "64 MB", "1,2 GB" ("?" when unknown)."""
    if n is None:
        return "?"
    if n >= 1024**3:
        return f"{n / 1024**3:.1f} GB".replace(".", ",")
    if n >= 1024**2:
        return f"{n / 1024**2:.0f} MB"
    return f"{max(1, n // 1024)} KB"


def _backups_text(names: list[str] | None) -> str:
    """ "3 berkas, terbaru hai-desk-….sqlite3.gz" (the backups of a missing database)."""
    if not names:
        return "-"
    return f"{len(names)} berkas, terbaru {names[0]}"


def key_of(error: StorageError) -> str:
    """The TEXTS key of ``error``."""
    key = error.code
    if isinstance(error, StorageReadOnly):
        key = f"{key}/{error.reason}"
    return key if key in TEXTS else FALLBACK


def describe(
    error: StorageError, tr: Translate | None = None, *, screen: bool = False
) -> StorageText:
    """The title, text and way out for ``error`` (translated through ``tr`` if given).

    ``screen``: said in a window (the GUI: unsaved input stays on screen, a "Coba lagi"
    button); otherwise on the command line, with the CLI's way out."""
    tr = tr or QT_TRANSLATE_NOOP
    key = key_of(error)
    title, text, way_out = (tr(CONTEXT, t) for t in TEXTS[key])
    if screen and key in SCREEN_NOTES:
        text = f"{text} {tr(CONTEXT, SCREEN_NOTES[key])}"
    if not screen and key in CLI_WAY_OUT:
        way_out = CLI_WAY_OUT[key]
    holders = ""
    if isinstance(error, DatabaseLocked) and error.holders:
        holders = " (" + ", ".join(error.holders[:3]) + ")"
    values = {
        "{path}": str(error.path) if error.path is not None else "?",
        "{holders}": holders,
        "{needed}": size_text(getattr(error, "needed_bytes", None)),
        "{free}": size_text(getattr(error, "free_bytes", None)),
        "{backups}": _backups_text(getattr(error, "backups", None)),
    }
    for key, value in values.items():
        text = text.replace(key, value)
    return StorageText(title, text, way_out)
