"""The settings dialog. Other parts add their own tabs with ``register_settings_page``.

A page is a QWidget with a ``title`` attribute and an ``apply(settings)`` method that copies
its fields into the core ``Settings`` object; the dialog saves once for all pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core.paths import ProfilePaths
from hai_desktop.gui import messages
from hai_desktop.gui import object_names as names


class SettingsPage(Protocol):
    title: str

    def apply(self, settings) -> None: ...


PageFactory = Callable[[object], QWidget]  # (settings) -> a QWidget that is a SettingsPage
_factories: dict[str, PageFactory] = {}


def register_settings_page(factory: PageFactory, key: str | None = None) -> None:
    """Add a tab to every settings dialog opened from now on (e.g. the hub settings).

    ``key`` names the tab: registering the same key again replaces its factory (a page
    bound to a window, registered again for a new window)."""
    _factories[key or f"{factory.__module__}.{factory.__qualname__}"] = factory


class GeneralPage(QWidget):
    """Language (takes effect at the next start)."""

    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = self.tr("Umum")
        layout = QFormLayout(self)
        self.language = QComboBox()
        self.language.setObjectName(names.SETTINGS_LANGUAGE)
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        index = self.language.findData(getattr(settings, "language", "id"))
        self.language.setCurrentIndex(max(index, 0))
        layout.addRow(self.tr("Bahasa tampilan"), self.language)
        note = QLabel(self.tr("Perubahan bahasa berlaku setelah aplikasi dibuka ulang."))
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        layout.addRow("", note)

    def apply(self, settings) -> None:
        settings.language = self.language.currentData()


class SettingsDialog(QDialog):
    """Loads the profile's settings, shows one tab per page, saves on OK."""

    def __init__(self, paths: ProfilePaths, parent: QWidget | None = None):
        super().__init__(parent)
        from hai_desktop.core.settings import Settings

        self.setObjectName(names.SETTINGS_DIALOG)
        self.setWindowTitle(self.tr("Pengaturan"))
        self.setMinimumWidth(480)
        self.paths = paths
        self.settings = Settings.load(paths.settings)
        self.tabs = QTabWidget()
        self.tabs.setObjectName(names.SETTINGS_TABS)
        self.pages: list[QWidget] = [GeneralPage(self.settings)]
        for factory in _factories.values():
            self.pages.append(factory(self.settings))
        for page in self.pages:
            self.tabs.addTab(page, page.title)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def accept(self) -> None:
        language_before = self.settings.language
        for page in self.pages:
            page.apply(self.settings)
        self.settings.save(self.paths.settings)
        messages.info(self.tr("Pengaturan disimpan."))
        super().accept()
        if self.settings.language != language_before:
            self.language_changed(self.settings.language)

    def language_changed(self, language: str) -> None:
        """Remember the language for the next demo too, and offer to reopen now."""
        from hai_desktop.core.settings import remember_demo_language

        if getattr(self.parent(), "demo", False):
            remember_demo_language(language)
        if self.ask_restart():
            restart_after_exit()
            window = self.parent()
            if window is not None:
                window.close()

    def ask_restart(self) -> bool:
        """Ask whether to reopen the desk now for the new language (tests replace this)."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self,
            self.tr("Bahasa tampilan"),
            self.tr("Bahasa baru dipakai setelah HAI Desk dibuka ulang. Buka ulang sekarang?"),
        )
        return answer == QMessageBox.StandardButton.Yes


def restart_after_exit() -> None:
    """Start the desk again once this process has exited (its profile lock released)."""
    import atexit
    import subprocess
    import sys

    frozen = getattr(sys, "frozen", False)
    command = [sys.executable, *(sys.argv[1:] if frozen else sys.argv)]
    atexit.register(lambda: subprocess.Popen(command, start_new_session=True))
