"""The main window's status bar: notices (``messages``), the CSO's name, the sync indicator's
place and the Pengaturan button."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QStatusBar, QWidget

from hai_desktop.gui import messages
from hai_desktop.gui import object_names as names
from hai_desktop.gui.elided_label import ElidedLabel


class DeskStatusBar(QStatusBar):
    """Shows what ``messages.channel()`` posts (cleared after its timeout); the window
    connects ``settings_button`` and sets ``profile_label``'s text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(names.STATUS_BAR)
        self.setSizeGripEnabled(False)
        self.message = ElidedLabel()
        self.message.setObjectName(names.STATUS_MESSAGE)
        # A long notice (offline) is cut with "…", never pushing Sinkronkan and Pengaturan off the
        # bar; its whole text is in the tooltip.
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.setMinimumWidth(40)
        self.addWidget(self.message, 1)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.clear_message)
        self.profile_label = QLabel()
        self.profile_label.setObjectName(names.PROFILE_LABEL)
        self.addPermanentWidget(self.profile_label)
        self._sync_slot = QWidget()
        self._sync_slot.setObjectName(names.SYNC_INDICATOR_SLOT)
        slot_layout = QHBoxLayout(self._sync_slot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        self.addPermanentWidget(self._sync_slot)
        # The window's translation context: this was the window's own tr() call.
        self.settings_button = QPushButton(QCoreApplication.translate("MainWindow", "Pengaturan"))
        self.settings_button.setObjectName(names.SETTINGS_BUTTON)
        self.settings_button.setFlat(True)
        self.addPermanentWidget(self.settings_button)
        channel = messages.channel()
        channel.posted.connect(self.show_message)
        channel.cleared.connect(self.clear_message)

    def set_sync_indicator(self, widget: QWidget) -> None:
        """Place the sync indicator in its reserved area (replacing the one there)."""
        layout = self._sync_slot.layout()
        while layout.count():
            old = layout.takeAt(0).widget()
            if old is not None:
                old.setParent(None)
        layout.addWidget(widget)

    def show_message(self, level: str, text: str, timeout_ms: int) -> None:
        """Show a notice of ``level`` (QSS property); ``timeout_ms`` > 0 clears it then."""
        self.message.setProperty("level", level)
        self.message.setText(text)
        self.message.setToolTip(text)
        # Re-polish so the QSS rule for the new level applies.
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        if timeout_ms > 0:
            self._message_timer.start(timeout_ms)
        else:
            self._message_timer.stop()

    def clear_message(self) -> None:
        self.message.clear()
