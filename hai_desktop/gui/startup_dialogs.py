"""The start-up dialogs: the crash handler's dialog, a database from a newer HAI Desk, a
damaged database (restore a backup), a storage problem (locked, disk full, read-only: retry
or quit), the damage a background deep check found.

Texts are Indonesian in code (``QApplication.translate``); the storage words come from
``hai_desktop.storage_words`` (one table for GUI and CLI).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from hai_desktop.core.paths import ProfilePaths
from hai_desktop.gui import object_names as names

log = logging.getLogger(__name__)


def warning_box(
    parent: QWidget | None, object_name: str, title: str, text: str, informative: str = ""
):
    """A warning QMessageBox as every start-up dialog here shows it (buttons added by caller)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setObjectName(object_name)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    return box


# -- the crash handler ---------------------------------------------------------------------
class CrashHandler:
    """sys.excepthook: log the bug and show one calm dialog (never a dialog storm)."""

    def __init__(self, paths: ProfilePaths):
        self.paths = paths
        self._showing = False
        self._previous = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self.handle

    def handle(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous(exc_type, exc, tb)
            return
        import traceback

        log.critical("unexpected error\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            from hai_desktop.core.db.errors import StorageError

            if isinstance(exc, StorageError):
                # Not a bug: a full disk, a lock, a read-only folder met where no caller
                # expected it. Its words and way out, not "unexpected error".
                storage_box(exc, None).exec()
                return
            box = warning_box(
                None,
                names.CRASH_DIALOG,
                QApplication.translate("CrashHandler", "Terjadi kesalahan"),
                QApplication.translate(
                    "CrashHandler",
                    "Terjadi kesalahan yang tidak terduga. Data yang sudah disimpan aman, dan "
                    "isian yang sedang diketik tersimpan sebagai draf.",
                ),
                QApplication.translate("CrashHandler", "Catatan teknis ada di:")
                + "\n"
                + str(self.paths.logs / "hai-desk.log"),
            )
            box.exec()
        finally:
            self._showing = False


# -- storage problems ---------------------------------------------------------------------
def storage_words(error):
    """``storage_words.describe`` in the UI language."""
    from hai_desktop.storage_words import describe

    return describe(error, QApplication.translate, screen=True)


def storage_message(error) -> str:
    """One line for the status bar: what happened and the way out."""
    return storage_words(error).line()


def storage_box(error, parent: QWidget | None = None, retry: bool = False):
    """The dialog of a typed storage error; with ``retry`` a "Coba lagi" button (the
    caller checks ``box.clickedButton() is box.retry_button``)."""
    from PySide6.QtWidgets import QMessageBox

    words = storage_words(error)
    box = warning_box(parent, names.STORAGE_DIALOG, words.title, words.text, words.way_out)
    box.setProperty("storage_code", error.code)
    box.retry_button = None
    if retry:
        box.retry_button = box.addButton(
            QApplication.translate("Startup", "Coba lagi"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(
            QApplication.translate("Startup", "Keluar"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(box.retry_button)
    else:
        box.addButton(QApplication.translate("Startup", "Tutup"), QMessageBox.ButtonRole.RejectRole)
    return box


def ask_retry_storage(error, parent: QWidget | None = None) -> bool:
    """Tell a storage problem (locked, disk full, read-only, I/O) and offer to retry.
    True: the user wants to try again."""
    box = storage_box(error, parent, retry=True)
    box.exec()
    return box.clickedButton() is box.retry_button


# -- the database ---------------------------------------------------------------------------
def _restore_with_retry(backup: Path, paths: ProfilePaths, parent: QWidget | None):
    """``restore_with_salvage``; a full disk or a lock on the way is told with a retry
    offer (nothing was changed then). Raises what the user chose not to retry. Returns the
    ``SalvageResult`` (the unsent records copied back from the damaged file)."""
    from hai_desktop.core.db.errors import DatabaseDamaged, StorageError
    from hai_desktop.core.restore_finish import restore_with_salvage

    while True:
        try:
            return restore_with_salvage(backup, paths.database)[1]
        except DatabaseDamaged:
            raise
        except StorageError as exc:
            if getattr(exc, "code", "") == "db_not_damaged" or not ask_retry_storage(exc, parent):
                raise


def tell_database_too_new(paths: ProfilePaths, parent: QWidget | None = None) -> None:
    """The "update HAI Desk" dialog for a database written by a newer version."""
    from PySide6.QtWidgets import QMessageBox

    box = warning_box(
        parent,
        names.DATABASE_TOO_NEW_DIALOG,
        QApplication.translate("Startup", "Perbarui HAI Desk"),
        QApplication.translate(
            "Startup",
            "Basis data ini dibuat oleh versi HAI Desk yang lebih baru. Perbarui HAI Desk ke "
            "versi terbaru, lalu buka lagi. Berkas tidak diubah dan datanya aman.",
        ),
        str(paths.database),
    )
    box.addButton(QApplication.translate("Startup", "Tutup"), QMessageBox.ButtonRole.RejectRole)
    box.exec()


def tell_salvage(result, parent: QWidget | None = None) -> None:
    """After a restore: how many unsent records were copied back from the damaged file,
    and how many could not be read (nothing is shown when there were none)."""
    from PySide6.QtWidgets import QMessageBox

    if result is None or not result.anything:
        return
    text = QApplication.translate(
        "Startup",
        "Cadangan dipulihkan. {salvaged} catatan yang belum terkirim diselamatkan dari berkas "
        "yang rusak dan akan dikirim ke HAI Hub.",
    ).replace("{salvaged}", str(result.salvaged))
    lost = result.unreadable + result.left
    if lost:
        text += " " + QApplication.translate(
            "Startup",
            "{lost} catatan tidak dapat dibaca dari berkas yang rusak; berkas itu disimpan untuk "
            "diperiksa petugas TI.",
        ).replace("{lost}", str(lost))
    box = QMessageBox(parent)
    box.setObjectName(names.SALVAGE_DIALOG)
    box.setIcon(QMessageBox.Icon.Warning if lost else QMessageBox.Icon.Information)
    box.setWindowTitle(QApplication.translate("Startup", "Cadangan dipulihkan"))
    box.setText(text)
    box.addButton(QApplication.translate("Startup", "Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def ask_restore_backup(
    paths: ProfilePaths,
    parent: QWidget | None = None,
    skip: set[Path] | None = None,
    *,
    missing: bool = False,
) -> bool:
    """The damaged-database dialog (Indonesian). True when a backup was restored.

    The newest backup is offered first; if it turns out to be damaged too, the next older
    one is offered, and so on. Backups in ``skip`` are not offered; the restored one is
    added to it. ``missing``: the file is gone (not damaged); the words say so.
    """
    from PySide6.QtWidgets import QMessageBox

    from hai_desktop.core.backups import NotDamaged, list_backups
    from hai_desktop.core.db.errors import DatabaseDamaged, StorageError

    skip = set() if skip is None else skip
    damaged_backups: list[str] = []
    for backup in list_backups(paths.backups):
        if backup in skip:
            continue
        if not damaged_backups and missing:
            text = QApplication.translate(
                "Startup",
                "Berkas basis data HAI Desk tidak ditemukan, padahal ada cadangan. HAI Desk "
                "tidak membuat basis data kosong yang baru agar data tidak hilang. Anda dapat "
                "memulihkan cadangan terbaru.",
            )
            label = QApplication.translate("Startup", "Cadangan terbaru:")
        elif not damaged_backups:
            text = QApplication.translate(
                "Startup",
                "Berkas basis data HAI Desk rusak dan tidak dapat dibuka. Anda dapat "
                "memulihkan cadangan terbaru. Berkas yang rusak tidak dihapus: disimpan di "
                "sampingnya untuk diperiksa petugas TI.",
            )
            label = QApplication.translate("Startup", "Cadangan terbaru:")
        else:
            text = QApplication.translate(
                "Startup",
                "Cadangan {name} juga rusak. Anda dapat memulihkan cadangan sebelumnya.",
            ).replace("{name}", damaged_backups[-1])
            label = QApplication.translate("Startup", "Cadangan sebelumnya:")
        box = warning_box(
            parent, names.RESTORE_DIALOG, _restore_title(missing), text, f"{label} {backup.name}"
        )
        restore = box.addButton(
            QApplication.translate("Startup", "Pulihkan cadangan"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.addButton(
            QApplication.translate("Startup", "Keluar"), QMessageBox.ButtonRole.RejectRole
        )
        box.setDefaultButton(restore)
        box.exec()
        if box.clickedButton() is not restore:
            return False
        try:
            salvaged = _restore_with_retry(backup, paths, parent)
        except NotDamaged:
            return True  # the file is readable after all (a lock went away): open it
        except DatabaseDamaged as exc:
            # Nothing was changed; the next older backup is offered instead.
            log.warning("backup %s is damaged: %s", backup.name, exc)
            damaged_backups.append(backup.name)
            skip.add(backup)
            continue
        except StorageError as exc:
            log.error("restoring a backup failed (%s); nothing was changed", exc.code)
            return False
        skip.add(backup)
        paths.full_check_requested.unlink(missing_ok=True)
        tell_salvage(salvaged, parent)
        return True

    if missing and not (damaged_backups or skip):
        text = QApplication.translate(
            "Startup",
            "Berkas basis data HAI Desk tidak ditemukan, dan tidak ada cadangan yang utuh. HAI "
            "Desk tidak membuat basis data kosong yang baru. Hubungi petugas TI kantor Anda.",
        )
    elif damaged_backups or skip:
        text = QApplication.translate(
            "Startup",
            "Berkas basis data HAI Desk rusak dan tidak dapat dibuka, dan tidak ada cadangan "
            "yang utuh. Berkas tidak diubah. Hubungi petugas TI kantor Anda.",
        )
    else:
        text = QApplication.translate(
            "Startup",
            "Berkas basis data HAI Desk rusak dan tidak dapat dibuka, dan belum ada cadangan. "
            "Berkas tidak diubah. Hubungi petugas TI kantor Anda.",
        )
    box = warning_box(
        parent, names.RESTORE_DIALOG, _restore_title(missing), text, str(paths.database)
    )
    box.addButton(QApplication.translate("Startup", "Tutup"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return False


def _restore_title(missing: bool) -> str:
    if missing:
        return QApplication.translate("Startup", "Basis data tidak ditemukan")
    return QApplication.translate("Startup", "Basis data rusak")


def deep_check_damage_box(parent: QWidget | None, paths: ProfilePaths):
    """The dialog after a failed background deep check (the writers are stopped already)."""
    from PySide6.QtWidgets import QMessageBox

    box = warning_box(
        parent,
        names.DEEP_CHECK_DIALOG,
        QApplication.translate("DeskApp", "Basis data rusak"),
        QApplication.translate(
            "DeskApp",
            "Pemeriksaan menyeluruh menemukan kerusakan pada basis data HAI Desk. Penyimpanan "
            "dan sinkronisasi dihentikan agar berkas tidak diubah lagi. Salin isian yang belum "
            "tersimpan, lalu tutup HAI Desk dan buka lagi: HAI Desk akan menawarkan pemulihan "
            "dari cadangan. Berkas yang rusak tidak dihapus.",
        ),
        str(paths.database),
    )
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box
