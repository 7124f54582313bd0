"""The read-only pane of one broadcast: verification first, then what it says.

The body is always plain text (``QPlainTextEdit``): HTML or script in a body is shown as the
characters it is, never rendered, run or loaded. A broadcast whose signature fails is framed
in red as *Tidak dapat diverifikasi* with the reason, and offers no acknowledgement: it is not
proven to come from the centre. A data request carries its reply form below the body.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.gui import broadcast_texts as texts

VERIFIED_STYLE = "QFrame { background: #e7f4ea; border: 1px solid #b9dfc3; border-radius: 4px; }"
UNVERIFIED_STYLE = (
    "QFrame { background: #fdecea; border: 2px solid #b3261e; border-radius: 4px; }"
    " QLabel { color: #8a1c14; }"
)


class BroadcastDetail(QWidget):
    """Signals:
    acknowledge_requested(str): the user confirmed this broadcast (its id).
    """

    acknowledge_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("broadcastDetail")
        self.item: dict[str, Any] | None = None
        self.reply_form = None  # set by the view (data requests)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Everything in the pane wraps: a long title or reason never pushes it sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        self.empty = QLabel(self.tr("Pilih siaran di daftar untuk membacanya."))
        self.empty.setProperty("role", "hint")
        layout.addWidget(self.empty)

        self.badge = QFrame()
        self.badge.setObjectName("broadcastVerification")
        badge_layout = QVBoxLayout(self.badge)
        badge_layout.setContentsMargins(8, 6, 8, 6)
        self.badge_title = QLabel()
        self.badge_title.setObjectName("broadcastVerificationTitle")
        self.badge_title.setWordWrap(True)
        self.badge_reason = QLabel()
        self.badge_reason.setWordWrap(True)
        badge_layout.addWidget(self.badge_title)
        badge_layout.addWidget(self.badge_reason)
        layout.addWidget(self.badge)

        self.header = QLabel()
        self.header.setObjectName("broadcastHeader")
        self.header.setProperty("role", "hint")
        self.header.setWordWrap(True)
        self.title = QLabel()
        self.title.setObjectName("broadcastTitle")
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.meta = QLabel()
        self.meta.setObjectName("broadcastMeta")
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        for w in (self.header, self.title, self.meta):
            layout.addWidget(w)

        ack_row = QHBoxLayout()
        self.ack_button = QPushButton(self.tr("Konfirmasi: sudah saya baca dan pahami"))
        self.ack_button.setObjectName("broadcastAckButton")
        self.ack_button.setProperty("role", "primary")
        self.ack_button.clicked.connect(self._on_ack)
        self.ack_state = QLabel()
        self.ack_state.setObjectName("broadcastAckState")
        self.ack_state.setWordWrap(True)
        ack_row.addWidget(self.ack_button)
        ack_row.addWidget(self.ack_state, 1)
        layout.addLayout(ack_row)

        self.body = QPlainTextEdit()
        self.body.setObjectName("broadcastBody")
        self.body.setReadOnly(True)
        self.body.setMinimumHeight(140)
        layout.addWidget(self.body, 1)

        self.contact = QLabel()
        self.contact.setObjectName("broadcastContact")
        self.contact.setWordWrap(True)
        self.contact.setTextFormat(Qt.TextFormat.PlainText)
        self.contact.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.contact)

        self.files_label = QLabel(self.tr("Lampiran"))
        self.files = QListWidget()
        self.files.setObjectName("broadcastFiles")
        self.files.setMaximumHeight(90)
        self.files.itemActivated.connect(self._open_file)
        layout.addWidget(self.files_label)
        layout.addWidget(self.files)

        self.thread_label = QLabel(self.tr("Riwayat gangguan"))
        self.thread = QListWidget()
        self.thread.setObjectName("broadcastThread")
        self.thread.setMaximumHeight(110)
        layout.addWidget(self.thread_label)
        layout.addWidget(self.thread)
        self.reply_slot = QVBoxLayout()
        layout.addLayout(self.reply_slot)
        self._body_layout = layout
        self.show_item(None)

    # -- public API -----------------------------------------------------------------------
    def show_item(self, item: dict[str, Any] | None) -> None:
        """Show one broadcast (``core.broadcasts_view.detail``), or nothing."""
        self.item = item
        has = item is not None
        self.empty.setVisible(not has)
        for w in (self.badge, self.header, self.title, self.meta, self.body, self.contact):
            w.setVisible(has)
        self.ack_button.setVisible(False)
        self.ack_state.setVisible(False)
        if item is None:
            for w in (self.files_label, self.files, self.thread_label, self.thread):
                w.setVisible(False)
            self.body.clear()
            return
        verified = bool(item.get("verified"))
        self.badge.setStyleSheet(VERIFIED_STYLE if verified else UNVERIFIED_STYLE)
        self.badge_title.setText(
            "✔ " + texts.verified_text(True)
            if verified
            else "⚠ " + texts.verified_text(False).upper()
        )
        self.badge_reason.setText(
            self.tr("Tanda tangan pusat cocok dengan kunci hub yang disimpan saat masuk.")
            if verified
            else texts.unverified_reason(item.get("verification"), item.get("problem"))
        )
        parts = [item.get("number") or "", texts.kind_text(item.get("kind"))]
        parts.append(texts.urgency_text(item.get("urgency")))
        self.header.setText(" · ".join(p for p in parts if p))
        self.title.setText(item.get("title") or "")
        self.meta.setText(self._meta_text(item))
        self.body.setPlainText(item.get("body") or "")
        self.contact.setText(self._contact_text(item.get("contact")))
        self._show_ack(item, verified)
        self._show_files(item.get("files") or [])
        self._show_thread(item.get("thread") or [], item["id"])

    def set_reply_form(self, widget: QWidget | None) -> None:
        while self.reply_slot.count():
            old = self.reply_slot.takeAt(0).widget()
            if old is not None:
                old.setParent(None)
        self.reply_form = widget
        if widget is not None:
            self.reply_slot.addWidget(widget)

    # -- internals ------------------------------------------------------------------------
    def _meta_text(self, item: dict[str, Any]) -> str:
        lines = [self.tr("Diterbitkan: %1").replace("%1", texts.local_time(item["published_at"]))]
        if item.get("valid_until"):
            lines.append(
                self.tr("Berlaku sampai: %1").replace("%1", texts.local_time(item["valid_until"]))
            )
        if item.get("kind") == "outage":
            lines.append(
                self.tr("Aplikasi terdampak: %1 · Status: %2")
                .replace("%1", texts.applications_text(item.get("affected_applications")))
                .replace("%2", texts.outage_status_text(item.get("outage_status")))
            )
        if item.get("reply_requested"):
            lines.append(
                self.tr("Jawaban diminta paling lambat: %1").replace(
                    "%1", texts.local_time(item.get("reply_due"))
                )
            )
        return "\n".join(lines)

    def _contact_text(self, contact: Any) -> str:
        if not isinstance(contact, dict):
            return ""
        bits = [str(contact.get(k) or "") for k in ("name", "phone", "email")]
        return self.tr("Narahubung: %1").replace("%1", " · ".join(b for b in bits if b))

    def _show_ack(self, item: dict[str, Any], verified: bool) -> None:
        if item.get("acknowledged_at"):
            self.ack_state.setText(
                self.tr("Dikonfirmasi %1").replace("%1", texts.local_time(item["acknowledged_at"]))
            )
            self.ack_state.setVisible(True)
        elif item.get("ack_required") or item.get("urgency") == "urgent":
            self.ack_button.setVisible(verified)
            self.ack_state.setText(
                self.tr("Siaran segera: konfirmasi bahwa Anda sudah membacanya.")
                if verified
                else self.tr("Tidak dapat dikonfirmasi: siaran ini tidak terverifikasi.")
            )
            self.ack_state.setVisible(True)

    def _show_files(self, files: list[dict[str, Any]]) -> None:
        self.files.clear()
        for f in files:
            label = f"{f.get('filename')} ({texts.attachment_state_text(f.get('state'))})"
            entry = QListWidgetItem(label)
            entry.setData(
                Qt.ItemDataRole.UserRole, f.get("path") if f.get("state") == "stored" else None
            )
            self.files.addItem(entry)
        self.files_label.setVisible(bool(files))
        self.files.setVisible(bool(files))

    def _show_thread(self, thread: list[dict[str, Any]], current: str) -> None:
        self.thread.clear()
        for t in thread:
            text = (
                f"{texts.local_time(t.get('published_at'))} · "
                f"{texts.outage_status_text(t.get('outage_status'))} · {t.get('title')}"
            )
            entry = QListWidgetItem(("▶ " if t["id"] == current else "   ") + text)
            self.thread.addItem(entry)
        show = len(thread) > 1
        self.thread_label.setVisible(show)
        self.thread.setVisible(show)

    def _on_ack(self) -> None:
        if self.item is not None:
            self.acknowledge_requested.emit(self.item["id"])

    def _open_file(self, entry: QListWidgetItem) -> None:
        path = entry.data(Qt.ItemDataRole.UserRole)
        if path and Path(path).is_file():
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
