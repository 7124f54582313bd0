"""The words for the typed storage errors (``core.db.errors``), shared by the GUI and the CLI.

Core speaks in codes; this table holds the Indonesian texts once. The CLI prints them as
they are; the GUI passes ``QCoreApplication.translate`` as ``tr`` so that English is shown
when it is on (the ``QT_TRANSLATE_NOOP`` markers are what ``pyside6-lupdate`` collects).
No Qt is imported here.

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
            "Disk penuh: HAI Desk memerlukan ruang kosong sedikitnya {needed} di {path} "
            "(tersisa {free}). Yang belum tersimpan tetap ada di layar.",
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
    "db_too_new": (
        QT_TRANSLATE_NOOP(CONTEXT, "Perbarui HAI Desk"),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Basis data di {path} dibuat oleh versi HAI Desk yang lebih baru. Berkas tidak "
            "diubah dan datanya aman.",
        ),
        QT_TRANSLATE_NOOP(CONTEXT, "Perbarui HAI Desk ke versi terbaru, lalu buka lagi."),
    ),
    "db_missing": (
        QT_TRANSLATE_NOOP(CONTEXT, "Berkas basis data tidak ada"),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            "Berkas basis data HAI Desk di {path} tidak ada, padahal profil ini memiliki "
            "cadangan ({backups}). HAI Desk tidak membuat basis data kosong yang baru agar "
            "data tidak hilang.",
        ),
        QT_TRANSLATE_NOOP(
            CONTEXT,
            'Buka HAI Desk (jendela) atau jalankan "hai-desktop restore" untuk memulihkan '
            "cadangan terbaru, atau hubungi petugas TI.",
        ),
    ),
}
FALLBACK = "db_io_error"


@dataclass(frozen=True)
class StorageText:
    title: str
    text: str
    way_out: str

    def line(self) -> str:
        """Both sentences on one line (a status bar, the CLI)."""
        return f"{self.text} {self.way_out}"


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


def describe(error: StorageError, tr: Translate | None = None) -> StorageText:
    """The title, text and way out for ``error`` (translated through ``tr`` if given)."""
    tr = tr or QT_TRANSLATE_NOOP
    title, text, way_out = (tr(CONTEXT, t) for t in TEXTS[key_of(error)])
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
