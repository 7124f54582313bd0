"""Starting the desk GUI: QApplication, translator, single instance, crash handler,
the database (with the damaged-file path), the first-run profile, the main window.

Import cost matters for the cold start: this module imports only QtCore/QtWidgets basics;
the main window and its views are imported when they are built.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCryptographicHash, QLocale, QObject, QTranslator, Signal
from PySide6.QtWidgets import QApplication, QWidget

from hai_desktop.core.paths import ProfilePaths
from hai_desktop.gui import object_names as names

log = logging.getLogger(__name__)

APP_DISPLAY_NAME = "HAI Desk"
RAISE_COMMAND = b"raise\n"


# -- single instance ------------------------------------------------------------------------
def server_name(data_dir: Path) -> str:
    """The local-socket name of a profile (one running desk per data directory)."""
    # QtCore's hash: hashlib would be one more import before the first paint.
    key = str(Path(data_dir).resolve()).encode()
    digest = bytes(QCryptographicHash.hash(key, QCryptographicHash.Algorithm.Sha256).toHex())
    digest = digest.decode()[:16]
    return f"hai-desk-{digest}"


class SingleInstance(QObject):
    """One running desk per profile.

    Who runs is decided by an OS lock on the profile's lock file (free again the moment a
    process dies, so a crash never leaves a stale claim, and cheap enough to check before the
    first paint). Talking to the running desk goes through a QLocalServer keyed on the data
    dir: a second launch connects, asks the first to raise its window, and exits.

    Signals:
        raise_requested(): another launch asked this instance to show its window.
    """

    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.name = server_name(data_dir)
        self.server = None
        self._lock_file = None

    def claim(self) -> bool:
        """Try to become the running desk of this profile (no Qt networking needed)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        handle = open(ProfilePaths(self.data_dir).lock, "a+b")  # noqa: SIM115 (held open)
        try:
            if sys.platform == "win32":
                import msvcrt

                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._lock_file = handle
        return True

    def notify_running(self, timeout_ms: int = 1000, attempts: int = 1) -> bool:
        """Ask the running desk to raise its window. True when it got the message.

        With ``attempts`` > 1 it retries: the running desk may still be starting (it opens
        its server right after its first paint).
        """
        from PySide6.QtCore import QThread
        from PySide6.QtNetwork import QLocalSocket

        for attempt in range(attempts):
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(timeout_ms):
                socket.write(RAISE_COMMAND)
                socket.flush()
                socket.waitForBytesWritten(timeout_ms)
                socket.disconnectFromServer()
                return True
            if attempt + 1 < attempts:
                QThread.msleep(200)
        return False

    def listen(self) -> bool:
        """Open the server other launches talk to (after claim(): the name is ours)."""
        from PySide6.QtNetwork import QLocalServer

        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.name):
            # We hold the profile lock, so a socket left under this name is stale.
            QLocalServer.removeServer(self.name)
            if not self.server.listen(self.name):
                log.warning("single-instance server unavailable: %s", self.server.errorString())
                return False
        self.server.newConnection.connect(self._on_new_connection)
        return True

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
        if self._lock_file is not None:
            self._lock_file.close()  # releases the lock
            self._lock_file = None

    def _on_new_connection(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # The message is one short line: wait for it here rather than keep per-socket
            # slots alive (a socket deleted under a pending slot is a crash waiting to happen).
            if not socket.bytesAvailable():
                socket.waitForReadyRead(500)
            data = bytes(socket.readAll())
            socket.abort()
            socket.deleteLater()
            if RAISE_COMMAND.strip() in data:
                self.raise_requested.emit()


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


# -- dialogs --------------------------------------------------------------------------------
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


# -- translator and style ------------------------------------------------------------------
def install_translator(app: QApplication, language: str) -> QTranslator | None:
    """Indonesian is the source language (plus Qt's own texts); English loads the .qm."""
    if language != "en":
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        from hai_desktop.gui.qt_texts import QtTextsTranslator

        qt_texts = QtTextsTranslator(app)
        app.installTranslator(qt_texts)
        return qt_texts
    from hai_desktop.core.resources import resource_path

    translator = QTranslator(app)
    qm = resource_path("translations", "hai_desktop_en.qm")
    if translator.load(str(qm)):
        app.installTranslator(translator)
        from hai_desktop.gui.widgets import set_reference_language

        set_reference_language("en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translator
    log.warning("English translation not found at %s", qm)
    return None


def load_stylesheet() -> str:
    from hai_desktop.core.resources import resource_path

    try:
        text = resource_path("styles", "desk.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
    # QSS url() paths are relative to the working directory; point them at our icons.
    return text.replace("@ICONS@", resource_path("icons").as_posix())


# -- the database ---------------------------------------------------------------------------
def open_database_or_offer_backup(paths: ProfilePaths, parent: QWidget | None = None):
    """Open the profile's database; on a damaged file offer the newest usable backup.

    The damaged file is never overwritten: ``restore_backup`` moves it aside first. A
    database written by a newer HAI Desk is not damaged: the user is told to update the app
    and nothing is offered (restoring would move the healthy newer file aside).
    Returns the database, or None when the user chose (or had) to quit.
    """
    from hai_desktop.core.db.database import DatabaseError, DatabaseTooNew, open_database

    # A deep check that found problems last session asks for a full check now, so that the
    # damage leads to the restore offer below.
    check = "full" if paths.full_check_requested.exists() else "auto"
    offered: set[Path] = set()  # a restored backup that still fails is not offered again
    while True:
        try:
            db = open_database(paths.database, check=check)
        except DatabaseTooNew as exc:
            log.error("database is newer than this app: %s", exc)
            tell_database_too_new(paths, parent)
            return None
        except DatabaseError as exc:
            log.error("database cannot be opened: %s", exc)
            if not ask_restore_backup(paths, parent, skip=offered):
                return None
            continue  # the restored file is opened (and checked) like any other
        if check == "full":
            paths.full_check_requested.unlink(missing_ok=True)
        return db


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


def ask_restore_backup(
    paths: ProfilePaths, parent: QWidget | None = None, skip: set[Path] | None = None
) -> bool:
    """The damaged-database dialog (Indonesian). True when a backup was restored.

    The newest backup is offered first; if it turns out to be damaged too, the next older
    one is offered, and so on. Backups in ``skip`` are not offered; the restored one is
    added to it.
    """
    from PySide6.QtWidgets import QMessageBox

    from hai_desktop.core.backups import list_backups, restore_backup
    from hai_desktop.core.db.database import DatabaseError

    skip = set() if skip is None else skip
    damaged_backups: list[str] = []
    for backup in list_backups(paths.backups):
        if backup in skip:
            continue
        if not damaged_backups:
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
            parent,
            names.RESTORE_DIALOG,
            QApplication.translate("Startup", "Basis data rusak"),
            text,
            f"{label} {backup.name}",
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
            restore_backup(backup, paths.database)
        except DatabaseError as exc:
            # Nothing was changed; the next older backup is offered instead.
            log.warning("backup %s is damaged: %s", backup.name, exc)
            damaged_backups.append(backup.name)
            skip.add(backup)
            continue
        skip.add(backup)
        paths.full_check_requested.unlink(missing_ok=True)
        return True

    if damaged_backups or skip:
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
        parent,
        names.RESTORE_DIALOG,
        QApplication.translate("Startup", "Basis data rusak"),
        text,
        str(paths.database),
    )
    box.addButton(QApplication.translate("Startup", "Tutup"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return False


# -- the whole start -------------------------------------------------------------------------
class DeskApp:
    """One desk session: everything run_gui does, in testable steps."""

    def __init__(self, paths: ProfilePaths, demo: bool = False):
        self.paths = paths.ensure()
        self.demo = demo
        self.db = None
        self.tasks = None
        self.window = None
        self.instance: SingleInstance | None = None
        self.settings = None
        self.sync = None
        self.backup_timer = None
        self._stop_deep_check = None
        # None: no deep check pending or running; True/False once it ran (False: damaged).
        self.deep_check_ok: bool | None = None
        self.deep_check_box = None

    def start_logging(self) -> Path | None:
        """The profile's log file, through core.logging_setup (personal data masked)."""
        from hai_desktop.core.logging_setup import setup_logging

        try:
            return setup_logging(self.paths.logs)
        except OSError:
            return None  # a read-only profile still opens; the crash dialog names the path

    def load_settings(self):
        from hai_desktop.core.settings import Settings

        self.settings = Settings.load(self.paths.settings)
        return self.settings

    def start(self, app: QApplication, single_instance: bool = True):
        """Both start phases at once (tests, benchmarks): the window, not shown.

        None: another instance runs, or the user quit.
        """
        window = self.show_frame(single_instance=single_instance, show=False)
        if window is None or not self.finish_start():
            return None
        return self.window

    def show_frame(self, single_instance: bool = True, show: bool = True):
        """Phase 1, before anything slow: the single-instance check and the window frame.

        The frame is shown at once so the desk appears quickly; the database and the
        screens follow in ``finish_start``. None: another instance runs for this profile.
        """
        if single_instance:
            self.instance = SingleInstance(self.paths.data_dir)
            if not self.instance.claim():
                # Another desk runs for this profile: bring it forward instead.
                self.instance.notify_running(attempts=10)
                log.info("another desk runs for this profile; asked it to raise its window")
                self.instance = None
                return None
        from hai_desktop.gui import messages
        from hai_desktop.gui.mainwindow import MainWindow

        messages.channel()  # created in the GUI thread
        self.window = MainWindow(self.paths, None, settings=self.settings, deferred=True)
        self.window.demo = self.demo
        if self.instance is not None:
            self.instance.raise_requested.connect(self.window.raise_window)
        if show:
            screen = QApplication.primaryScreen()
            if screen is not None and screen.availableGeometry().width() < 1440:
                # Office PCs: 1366x768 is common, and the log form with the KB panel needs
                # the whole screen. Take the screen's size first so the window fills it even
                # where no window manager honours "maximized".
                self.window.setGeometry(screen.availableGeometry())
                self.window.showMaximized()
            else:
                self.window.show()
        return self.window

    def finish_start(self) -> bool:
        """Phase 2: open the database (or offer a backup), the first-run profile, the
        screens. False when the user chose to quit."""
        if self.instance is not None:
            self.instance.listen()  # after the first paint: Qt networking loads here
        _skip_postgres_drivers()
        self.db = open_database_or_offer_backup(self.paths, self.window)
        if self.db is None:
            return False
        from hai_desktop.core import reference
        from hai_desktop.core.profile_store import get_profile
        from hai_desktop.gui.tasks import TaskManager

        reference.seed_reference_if_empty()
        self.tasks = TaskManager(default_error=self._on_task_error)
        profile = get_profile()
        if profile is None:
            from hai_desktop.gui.dialogs.profile_dialog import ProfileDialog

            dialog = ProfileDialog(self.tasks, self.window)
            if dialog.exec() != ProfileDialog.DialogCode.Accepted:
                return False
            profile = dialog.profile
        self.window.build_pages(self.tasks, profile)  # the KB screens come with the pages
        self._install_sync()
        if getattr(self.db, "deep_check_pending", False):
            self._start_deep_check()  # the periodic backups start once it passed
        else:
            self._start_backups()
        return True

    # -- backups and the deep check --------------------------------------------------------
    def _start_backups(self) -> None:
        """A backup now (unless a recent one exists) and every ``backup_interval_s``."""
        from PySide6.QtCore import QTimer

        if self.settings is None:
            self.load_settings()
        interval_s = max(60, int(self.settings.backup_interval_s))
        self.backup_timer = QTimer(self.window)
        self.backup_timer.setInterval(interval_s * 1000)
        self.backup_timer.timeout.connect(self.run_periodic_backup)
        self.backup_timer.start()
        self.run_periodic_backup()

    def run_periodic_backup(self) -> None:
        """Queue ``maybe_backup`` on the database worker (never on the GUI thread)."""
        if self.tasks is None or self.db is None or self.deep_check_ok is False:
            return
        self.tasks.run_db(self._maybe_backup)

    def _maybe_backup(self):
        from hai_desktop.core import backups

        try:
            return backups.maybe_backup(
                self.db,
                self.paths.backups,
                keep=self.settings.backup_keep,
                min_interval_s=max(60, int(self.settings.backup_interval_s)) - 30,
            )
        except Exception:  # a failed backup must never disturb the desk; it is logged
            log.exception("periodic backup failed")
            return None

    def _start_deep_check(self) -> None:
        """The full integrity check of a big database, off the GUI and database threads.

        It reads through its own read-only connection (``backups.check_file``), so saves
        and the history never wait for it.
        """
        import threading

        from hai_desktop.core import backups

        log.info("deep integrity check started in the background")
        # Closing the desk stops the check (a big file takes a while): it must not keep the
        # process alive after the window closed.
        self._stop_deep_check = threading.Event()
        self.tasks.run_net(
            lambda: backups.check_file(self.paths.database, self._stop_deep_check.is_set),
            on_done=self._on_deep_check_done,
            on_error=lambda exc: log.error("deep integrity check failed to run", exc_info=exc),
        )

    def _on_deep_check_done(self, problems: list[str]) -> None:
        if not problems:
            log.info("deep integrity check passed")
            self.deep_check_ok = True
            self._start_backups()
            return
        log.error("deep integrity check found %d problem(s): %s", len(problems), problems[:3])
        self.deep_check_ok = False  # a damaged file must not push good backups out
        if self.backup_timer is not None:
            self.backup_timer.stop()
        # The restore path needs the file closed: the next start runs the full check,
        # which fails and offers the newest backup.
        try:
            self.paths.full_check_requested.touch()
        except OSError:
            log.exception("could not request a full check for the next start")
        from PySide6.QtWidgets import QMessageBox

        box = warning_box(
            self.window,
            names.DEEP_CHECK_DIALOG,
            QApplication.translate("DeskApp", "Basis data rusak"),
            QApplication.translate(
                "DeskApp",
                "Pemeriksaan menyeluruh menemukan kerusakan pada basis data HAI Desk. Tutup "
                "HAI Desk lalu buka lagi: HAI Desk akan menawarkan pemulihan dari cadangan. "
                "Berkas yang rusak tidak dihapus.",
            ),
            str(self.paths.database),
        )
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.deep_check_box = box
        box.open()  # not modal-blocking: unsaved typing can still be saved

    def _install_sync(self) -> None:
        """The sync indicator, sign-in and the sync worker."""
        from hai_desktop.gui import sync_controller

        self.sync = sync_controller.install(self.window, self.paths)

    def shutdown(self) -> None:
        """Finish queued writes, take a backup, close the database."""
        if self.backup_timer is not None:
            self.backup_timer.stop()
        if self._stop_deep_check is not None:
            self._stop_deep_check.set()
        if self.sync is not None:
            self.sync.stop()  # a running pass ends first; its thread closes its connection
        if self.tasks is not None:
            if self.db is not None and self.deep_check_ok is not False:
                self.tasks.run_db(self._backup)
            self.tasks.shutdown(close_connection=self.db.close if self.db is not None else None)
        if self.instance is not None:
            self.instance.close()
        if self.db is not None:
            self.db.close()

    def _backup(self) -> None:
        try:
            from hai_desktop.core.backups import make_backup

            keep = self.settings.backup_keep if self.settings is not None else 10
            make_backup(self.db, self.paths.backups, keep=keep)
        except Exception:  # a failed backup must never block closing; it is logged
            log.exception("backup on close failed")

    def _on_task_error(self, exc: BaseException) -> None:
        from hai_desktop.gui import messages

        log.error("background task failed", exc_info=exc)
        messages.error(
            QApplication.translate("DeskApp", "Terjadi kesalahan saat memproses data. Coba lagi.")
        )


def _skip_postgres_drivers() -> None:
    """Keep peewee from importing psycopg at start (about 0.3 s; the desk never uses it).

    peewee imports every database driver it finds when it is first imported. In the GUI
    process nothing else needs PostgreSQL, so the drivers are hidden only while peewee loads
    and are importable again afterwards.
    """
    if "peewee" in sys.modules:
        return
    hidden = [name for name in ("psycopg", "psycopg2") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


def run_gui(
    paths: ProfilePaths,
    demo: bool = False,
    on_ready: Callable[[QWidget], None] | None = None,
    on_first_paint: Callable[[QWidget], None] | None = None,
) -> int:
    """Run the desk GUI for one profile until the window closes. Returns the exit code.

    The window frame is shown first and painted; the database and the screens follow right
    after (so the desk appears at once even on a slow office PC). ``on_first_paint(window)``
    runs once the frame is on screen; ``on_ready(window)`` once the screens are built and
    usable (the sync part, demo mode and the startup benchmark hook in here).
    """
    from PySide6.QtCore import QTimer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_DISPLAY_NAME)
    app.setOrganizationName("DJPb")
    from hai_desktop.gui.branding import app_icon

    app.setWindowIcon(app_icon())  # every window, and the tray's default
    desk = DeskApp(paths, demo=demo)
    crash = CrashHandler(desk.paths)
    crash.install()
    settings = desk.load_settings()
    install_translator(app, getattr(settings, "language", "id"))
    app.setStyleSheet(load_stylesheet())

    def finish() -> None:
        desk.start_logging()
        if not desk.finish_start():
            app.quit()
            return
        if on_ready is not None:
            on_ready(desk.window)

    def painted() -> None:
        if on_first_paint is not None:
            on_first_paint(desk.window)
        finish()

    try:
        window = desk.show_frame()
        if window is None:
            return 0
        QTimer.singleShot(0, painted)
        return app.exec()
    finally:
        desk.shutdown()
