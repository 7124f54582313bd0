"""The urgent broadcast dialog: on top of the desk until the CSO confirms having read it.

It shows one verified urgent notice at a time (the oldest unconfirmed first, "1 dari 3").
*Konfirmasi* records the acknowledgement (a receipt for the hub); *Ingatkan nanti* only
hides it: the alerts raise it again at the next reminder (every 2 minutes) until every urgent
notice is confirmed. Closing with Esc or the window's ✕ counts as *Ingatkan nanti*. The body
is plain text, never rendered.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.gui import broadcast_texts as texts
from hai_desktop.gui.widgets import WrapRow


class UrgentDialog(QDialog):
    """Signals:
    acknowledged(str): the CSO confirmed this notice (its id).
    open_requested(str): show it on the Broadcast screen.
    """

    acknowledged = Signal(str)
    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgentBroadcastDialog")
        self.setWindowTitle(self.tr("SIARAN SEGERA dari pusat"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.setModal(False)
        self.setMinimumWidth(520)
        self.queue: list[dict[str, Any]] = []
        self.shown_count = 0  # how often it was raised (tests, reminders)
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self.banner = QLabel()
        self.banner.setObjectName("urgentBanner")
        self.banner.setStyleSheet(
            "QLabel { background: #b3261e; color: white; font-weight: 700; padding: 8px;"
            " border-radius: 4px; font-size: 11pt; }"
        )
        layout.addWidget(self.banner)
        self.title = QLabel()
        self.title.setObjectName("urgentTitle")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.title)
        self.meta = QLabel()
        self.meta.setProperty("role", "hint")
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.meta)
        self.body = QPlainTextEdit()
        self.body.setObjectName("urgentBody")
        self.body.setReadOnly(True)
        self.body.setMinimumHeight(96)  # it scrolls: the dialog fits a 512 px high screen
        layout.addWidget(self.body, 1)
        self.contact = QLabel()
        self.contact.setWordWrap(True)
        self.contact.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.contact)
        self.open_button = QPushButton(self.tr("Buka di Broadcast"))
        self.open_button.setObjectName("urgentOpen")
        self.open_button.clicked.connect(self._on_open)
        self.later_button = QPushButton(self.tr("Ingatkan nanti"))
        self.later_button.setObjectName("urgentLater")
        self.later_button.clicked.connect(self.hide)
        self.ack_button = QPushButton(self.tr("Konfirmasi: sudah saya baca dan pahami"))
        self.ack_button.setObjectName("urgentAck")
        self.ack_button.setProperty("role", "primary")
        self.ack_button.setDefault(False)
        self.ack_button.setAutoDefault(False)
        self.ack_button.clicked.connect(self._on_ack)
        # On a small or scaled screen (1366x768 at 150 %) the two answers go below
        # "Buka di Broadcast" rather than cutting the confirmation's text.
        row = WrapRow()
        row.row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        answers = QHBoxLayout()
        answers.addStretch(1)
        answers.addWidget(self.later_button)
        answers.addWidget(self.ack_button)
        row.row.addLayout(answers, 1)
        layout.addWidget(row)

    # -- public API -----------------------------------------------------------------------
    @property
    def current(self) -> dict[str, Any] | None:
        return self.queue[0] if self.queue else None

    def set_queue(self, items: list[dict[str, Any]]) -> None:
        """The unconfirmed urgent notices (oldest first); hides itself when none is left."""
        self.queue = list(items)
        if not self.queue:
            self.hide()
            return
        self._show_current()

    def raise_now(self) -> None:
        """Show it in front of the desk (arrival, start, reminder)."""
        if not self.queue:
            return
        self.shown_count += 1
        self._fit_height()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- internals ------------------------------------------------------------------------
    def _fit_height(self) -> None:
        """Tall enough for the wrapped title and contact lines at the width it has (a top
        window starts at most 2/3 of the screen high), and never taller than the screen."""
        self.adjustSize()
        needed = self.layout().totalHeightForWidth(self.width())
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if screen is not None:
            needed = min(needed, screen.height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def _show_current(self) -> None:
        item = self.queue[0]
        count = len(self.queue)
        head = self.tr("SIARAN SEGERA — wajib dikonfirmasi")
        if count > 1:
            head += "  " + self.tr("(1 dari %1)").replace("%1", str(count))
        self.banner.setText(head)
        number = item.get("number") or ""
        self.title.setText(f"{number} — {item.get('title')}" if number else item.get("title"))
        meta = [texts.kind_text(item.get("kind"))]
        meta.append(self.tr("diterbitkan %1").replace("%1", texts.local_time(item["published_at"])))
        if item.get("kind") == "outage":
            meta.append(texts.applications_text(item.get("affected_applications")))
            meta.append(texts.outage_status_text(item.get("outage_status")))
        self.meta.setText(" · ".join(m for m in meta if m))
        self.body.setPlainText(item.get("body") or "")
        contact = item.get("contact") if isinstance(item.get("contact"), dict) else {}
        bits = [str(contact.get(k) or "") for k in ("name", "phone", "email")]
        self.contact.setText(
            self.tr("Narahubung: %1").replace("%1", " · ".join(b for b in bits if b))
        )

    def _on_ack(self) -> None:
        item = self.current
        if item is None:
            return
        self.queue.pop(0)
        self.acknowledged.emit(item["id"])
        if self.queue:
            self._show_current()
        else:
            self.hide()

    def _on_open(self) -> None:
        item = self.current
        if item is not None:
            self.open_requested.emit(item["id"])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        if event.key() == Qt.Key.Key_Escape:
            self.hide()  # = later: the reminder brings it back
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        event.ignore()
        self.hide()
