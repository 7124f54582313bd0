"""The sync indicator: one always-visible state in the status bar.

Online / offline / syncing / needs attention, the number of records waiting, the time of the
last good sync, and a clock warning when the PC's clock is off by more than 5 minutes.
Clicking it asks for a sync (or, when the hub wants a new sign-in, opens the sign-in dialog).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from hai_desktop.core.sync import codes
from hai_desktop.core.sync.status import (
    STATE_ATTENTION,
    STATE_OFFLINE,
    STATE_ONLINE,
    STATE_SYNCING,
    SyncStatus,
)
from hai_desktop.core.timeutil import parse_utc
from hai_desktop.gui import object_names as names
from hai_desktop.gui.sync_texts import clock_text, status_text

# Dot colours per state; the text always says the state too (never colour alone).
_COLOURS = {
    STATE_ONLINE: "#1b7f3b",
    STATE_OFFLINE: "#6b7280",
    STATE_SYNCING: "#1d5fbf",
    STATE_ATTENTION: "#b45309",
}


def local_time_text(stamp: str | None) -> str:
    """A stored UTC time as the user's local ``HH:MM`` (with the date if not today)."""
    if not stamp:
        return ""
    try:
        moment = parse_utc(stamp).astimezone()
    except ValueError:
        return ""
    if moment.date() == datetime.now().astimezone().date():
        return moment.strftime("%H:%M")
    return moment.strftime("%d-%m-%Y %H:%M")


class SyncIndicator(QWidget):
    """Shows a :class:`SyncStatus`.

    Signals:
        clicked(): the user clicked the indicator or its sync button.
    """

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(names.SYNC_INDICATOR)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.status = SyncStatus()
        self.syncing = False
        self._progress = ""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        self.dot = QLabel("●")
        self.dot.setAccessibleName(self.tr("Status sinkronisasi"))
        self.label = QLabel()
        self.label.setObjectName(names.SYNC_STATE_LABEL)
        self.clock = QLabel()
        self.clock.setObjectName(names.SYNC_CLOCK_WARNING)
        self.clock.setStyleSheet("color: #b91c1c; font-weight: bold;")
        self.clock.hide()
        self.button = QToolButton()
        self.button.setObjectName(names.SYNC_NOW_BUTTON)
        self.button.setText(self.tr("Sinkronkan"))
        self.button.setToolTip(self.tr("Sinkronkan sekarang (Ctrl+R)"))
        self.button.setAutoRaise(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.clicked.emit)
        layout.addWidget(self.dot)
        layout.addWidget(self.label)
        layout.addWidget(self.clock)
        layout.addWidget(self.button)
        self._render()

    # -- API ------------------------------------------------------------------------------

    @property
    def state(self) -> str:
        return STATE_SYNCING if self.syncing else self.status.state

    def set_status(self, status: SyncStatus) -> None:
        """Show a new persisted status (after a pass, or at start)."""
        self.status = status
        self._render()

    def set_syncing(self, syncing: bool) -> None:
        self.syncing = syncing
        if not syncing:
            self._progress = ""
        self._render()

    def set_progress(self, phase: str, done: int, total: int) -> None:
        if phase == "push":
            self._progress = (
                self.tr("mengirim %1/%2").replace("%1", str(done)).replace("%2", str(total))
            )
        elif phase.startswith("pull:"):
            self._progress = self.tr("menerima %1").replace("%1", str(done))
        self._render()

    def set_waiting(self, waiting: int, rejected: int | None = None) -> None:
        """Refresh only the outbox counts (after a save, before the next pass)."""
        self.status.waiting = max(0, int(waiting))
        if rejected is not None:
            self.status.rejected = max(0, int(rejected))
        self._render()

    def text(self) -> str:
        return self.label.text()

    # -- rendering ------------------------------------------------------------------------

    def _state_words(self) -> str:
        state = self.state
        if state == STATE_SYNCING:
            words = self.tr("Menyinkronkan…")
            if self._progress:
                words += f" ({self._progress})"
            return words
        if state == STATE_ONLINE:
            return self.tr("Tersambung")
        if state == STATE_ATTENTION:
            if self.status.needs_signin and self.status.code == codes.SESSION_ENDED:
                return self.tr("Perlu masuk ulang")
            if self.status.needs_signin:  # never signed in here: not "again"
                return self.tr("Belum masuk")
            return self.tr("Perlu perhatian")
        return self.tr("Tidak tersambung")

    def _render(self) -> None:
        status = self.status
        state = self.state
        parts = [self._state_words()]
        # Shown in every state, online too: records not yet at the hub are worth seeing.
        if status.waiting > 0:
            parts.append(self.tr("%1 menunggu").replace("%1", str(status.waiting)))
        if status.rejected:
            parts.append(self.tr("%1 ditolak").replace("%1", str(status.rejected)))
        last = local_time_text(status.last_good_sync)
        if last:
            parts.append(self.tr("terakhir %1").replace("%1", last))
        self.label.setText(" · ".join(parts))
        self.dot.setStyleSheet(f"color: {_COLOURS.get(state, '#6b7280')};")
        self.setProperty("syncState", state)
        clock = clock_text(status)
        if clock:
            self.clock.setText(self.tr("⚠ Jam komputer salah"))
            self.clock.setToolTip(clock)
            self.clock.show()
        else:
            self.clock.hide()
        tip = [status_text(status)]
        if last:
            tip.append(self.tr("Sinkron terakhir yang berhasil: %1").replace("%1", last))
        else:
            tip.append(self.tr("Belum pernah berhasil sinkron."))
        tip.append(self.tr("Catatan menunggu dikirim: %1").replace("%1", str(status.waiting)))
        if status.rejected:
            tip.append(
                self.tr("Catatan ditolak (lihat tanda di Riwayat): %1").replace(
                    "%1", str(status.rejected)
                )
            )
        if clock:
            tip.append(clock)
        self.setToolTip("\n".join(tip))
        self.button.setEnabled(not self.syncing)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)
