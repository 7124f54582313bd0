"""Starting the desk GUI: QApplication, translator, the two start phases (frame first,
then the database and screens), periodic backups, the background deep check, shutdown.

The pieces live apart: ``single_instance`` (the profile lock), ``startup`` (data folder and
database opening with their ways out), ``startup_dialogs`` (the dialogs, crash handler).
Import cost matters for the cold start: this module imports only QtCore/QtWidgets basics;
the main window and its views are imported when they are built.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from hai_desktop.core.paths import ProfilePaths
from hai_desktop.gui.single_instance import RAISE_COMMAND, SingleInstance, server_name
from hai_desktop.gui.startup import ensure_data_dir, open_database_or_offer_backup
from hai_desktop.gui.startup_dialogs import CrashHandler, warning_box

log = logging.getLogger(__name__)

APP_DISPLAY_NAME = "HAI Desk"
# The sync part is installed this long after the screens are built (run_gui): the form is
# painted and takes typing first; keys typed meanwhile wait in the event queue, not lost.
SYNC_INSTALL_DELAY_MS = 100
# Re-exported: callers and tests import these from here.
__all__ = [
    "RAISE_COMMAND",
    "CrashHandler",
    "DeskApp",
    "SingleInstance",
    "open_database_or_offer_backup",
    "run_gui",
    "server_name",
    "warning_box",
]


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


# -- the whole start -------------------------------------------------------------------------
class DeskApp:
    """One desk session: everything run_gui does, in testable steps."""

    def __init__(self, paths: ProfilePaths, demo: bool = False):
        # Folders are made in show_frame (ensure_data_dir): a read-only or full data dir
        # is explained there, before the instance lock needs it.
        self.paths = paths
        self.demo = demo
        self.exit_code = 0
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
        self._backup_running = False

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
        screens follow in ``finish_start``. None: another instance runs for this profile,
        or the data folder cannot be written (explained; ``exit_code`` 1).
        """
        if not ensure_data_dir(self.paths):
            self.exit_code = 1
            return None
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
        self.window.confirm_close = True  # unsaved input: save / keep as draft / discard
        if self.instance is not None:
            self.instance.raise_requested.connect(self.window.raise_window)
        if show:
            screen = QApplication.primaryScreen()
            available = screen.availableGeometry() if screen is not None else None
            if available is not None and (
                available.width() < 1440 or available.height() < self.window.height() + 40
            ):
                # Office PCs: 1366x768 is common, and the log form with the KB panel needs
                # the whole screen. Take the screen's size first so the window fills it even
                # where no window manager honours "maximized".
                # 1920x1080 at 150 % is 1280x720 logical: the window never exceeds it.
                self.window.setGeometry(available)
                self.window.showMaximized()
            else:
                self.window.show()
        return self.window

    def finish_start(self, defer_sync: bool = False) -> bool:
        """Phase 2: open the database (or offer a backup), the first-run profile, the
        screens. False when the user chose to quit.

        ``defer_sync``: what the log form does not need is installed just after the form
        is usable instead of before, so the desk takes typing sooner (run_gui does this):
        the sync part (the indicator, sign-in, the worker; it loads ``requests`` and the
        sync engine), the KB suggestions beside the form, the broadcast and ticket alerts,
        the single-instance listener (Qt networking) and the backups."""
        if self.instance is not None and not defer_sync:
            self.instance.listen()
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
        self.window.build_pages(self.tasks, profile, addons=not defer_sync)
        if defer_sync:
            QTimer.singleShot(SYNC_INSTALL_DELAY_MS, self._after_ready)
        else:
            self._install_sync()
            self._start_checks_and_backups()
        return True

    def _after_ready(self) -> None:
        """The parts ``finish_start(defer_sync=True)`` left for after the form is usable."""
        if self.window is None or self.tasks is None:
            return  # closed meanwhile
        self.window.install_addons()
        if self.instance is not None:
            self.instance.listen()  # a second start in the gap retries (notify_running)
        if self.sync is None:
            self._install_sync()
        self._start_checks_and_backups()

    def _start_checks_and_backups(self) -> None:
        if getattr(self.db, "deep_check_pending", False):
            self._start_deep_check()  # the periodic backups start once it passed
        else:
            self._start_backups()

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
        """Run ``maybe_backup`` on a worker of its own, not the database worker: the backup
        reads through its own read-only connection, so saves never queue behind it."""
        if self.tasks is None or self.db is None or self.deep_check_ok is False:
            return
        if self._backup_running:
            return
        self._backup_running = True
        self.tasks.run_net(
            self._maybe_backup, on_done=self._backup_finished, on_error=self._backup_finished
        )

    @property
    def backup_running(self) -> bool:
        """True while a periodic backup runs (on its worker)."""
        return self._backup_running

    def _backup_finished(self, _result=None) -> None:
        self._backup_running = False

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
        self.stop_writers(problems)
        # The restore path needs the file closed: the next start runs the full check,
        # which fails and offers the newest backup.
        try:
            self.paths.full_check_requested.touch()
        except OSError:
            log.exception("could not request a full check for the next start")
        from hai_desktop.gui.startup_dialogs import deep_check_damage_box

        self.deep_check_box = deep_check_damage_box(self.window, self.paths)
        self.deep_check_box.open()  # not modal-blocking: the CSO may copy unsaved typing

    def stop_writers(self, problems: list[str]) -> None:
        """The file is damaged: every writer stops. The database refuses every write on
        every thread (db worker, sync, drafts) and closing never checkpoints into the file;
        the sync worker stops; no backup of the damaged file pushes good ones out."""
        from hai_desktop.core.db.errors import DatabaseDamaged

        self.deep_check_ok = False
        if self.backup_timer is not None:
            self.backup_timer.stop()
        if self.db is not None and hasattr(self.db, "block_writes"):
            self.db.block_writes(
                DatabaseDamaged("deep check failed", path=self.paths.database, problems=problems)
            )
        if self.sync is not None:
            self.sync.stop()

    def _install_sync(self) -> None:
        """The sync indicator, sign-in and the sync worker."""
        from hai_desktop.gui import sync_controller

        self.sync = sync_controller.install(self.window, self.paths)
        from hai_desktop.gui import about_page

        about_page.install(self.window, self.paths, self.sync)  # About tab, newer-desk notice
        from hai_desktop.gui import account_page

        account_page.install(self.window, self.paths, self.sync)  # profile, sign out, hub

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
            if hasattr(self.db, "release_guard"):
                self.db.release_guard()  # last: no read-write close may checkpoint now

    def _backup(self) -> None:
        try:
            from hai_desktop.core.backups import maybe_backup

            keep = self.settings.backup_keep if self.settings is not None else 10
            # Closing soon after a backup takes none (a big file takes seconds to copy).
            maybe_backup(self.db, self.paths.backups, keep=keep, min_interval_s=600)
        except Exception:  # a failed backup must never block closing; it is logged
            log.exception("backup on close failed")

    def _on_task_error(self, exc: BaseException) -> None:
        from hai_desktop.core.db.errors import StorageError
        from hai_desktop.gui import messages

        log.error("background task failed", exc_info=exc)
        if isinstance(exc, StorageError):
            from hai_desktop.gui.startup_dialogs import storage_message

            messages.error(storage_message(exc))
            return
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


def freeze_startup_objects() -> None:
    """Take what the start-up made (modules, Qt wrappers, the screens) out of the garbage
    collector's sight (``gc.freeze``), once the desk is ready.

    A sync pass makes garbage fast (a KB page is tens of thousands of dicts and lists), which
    triggers full collections; each walked every object of the desk with the GIL held and
    stalled the GUI 30-40 ms. Frozen objects are never collected: start-up garbage is
    collected first.
    """
    import gc

    gc.collect()
    gc.freeze()


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
        if not desk.finish_start(defer_sync=True):
            app.quit()
            return
        freeze_startup_objects()
        if on_ready is not None:
            on_ready(desk.window)

    def painted() -> None:
        if on_first_paint is not None:
            on_first_paint(desk.window)
        finish()

    try:
        window = desk.show_frame()
        if window is None:
            return desk.exit_code
        QTimer.singleShot(0, painted)
        return app.exec()
    finally:
        desk.shutdown()
