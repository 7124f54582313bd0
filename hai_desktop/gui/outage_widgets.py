"""Outage widgets: the banner across the main window and the log form's offer.

The banner lists each active outage (its applications, status, last update and until when)
until the thread's latest notice says *resolved* or expires. The offer appears above the log
form when the question's application has an active outage: link the inquiry to the notice
and use the notice's text as the answer, so desks answer alike and the monthly report counts
the questions each outage caused (``inquiry.outage_broadcast_id``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from hai_desktop.gui import broadcast_texts as texts

BANNER_STYLE = (
    "QFrame#outageBanner { background: #fff1e0; border-bottom: 2px solid #d9822b; }"
    " QFrame#outageBanner QLabel { color: #6b3a00; }"
)
OFFER_STYLE = (
    "QFrame#outageOffer { background: #fff1e0; border: 1px solid #d9822b; border-radius: 4px; }"
)


def outage_line(outage: dict[str, Any]) -> str:
    """One outage in words: applications, status, last update, until when."""
    apps = texts.applications_text(outage.get("affected_applications")) or "—"
    text = (
        QCoreApplication.translate("OutageBanner", "Gangguan %1: %2")
        .replace("%1", apps)
        .replace("%2", texts.outage_status_text(outage.get("outage_status")))
    )
    text += " · " + QCoreApplication.translate("OutageBanner", "pembaruan terakhir %1").replace(
        "%1", texts.local_time(outage.get("published_at"))
    )
    if outage.get("valid_until"):
        text += " · " + QCoreApplication.translate("OutageBanner", "berlaku s.d. %1").replace(
            "%1", texts.local_time(outage["valid_until"])
        )
    return text


class OutageBanner(QFrame):
    """Signals:
    open_requested(str): show this outage notice on the Broadcast screen (its id).
    """

    open_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outageBanner")
        self.setStyleSheet(BANNER_STYLE)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 4, 12, 4)
        self._layout.setSpacing(2)
        self.outages: list[dict[str, Any]] = []
        self.lines: list[QLabel] = []
        self.hide()

    def set_outages(self, outages: list[dict[str, Any]]) -> None:
        self.outages = list(outages)
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    w = item.layout().takeAt(0).widget()
                    if w is not None:
                        w.deleteLater()
            elif item.widget() is not None:
                item.widget().deleteLater()
        self.lines = []
        for outage in self.outages[:3]:
            row = QHBoxLayout()
            label = QLabel("⚠ " + outage_line(outage))
            label.setObjectName("outageBannerLine")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setStyleSheet("font-weight: 600;")
            label.setToolTip(outage.get("title") or "")
            button = QPushButton(self.tr("Lihat"))
            button.setObjectName("outageBannerOpen")
            button.clicked.connect(lambda _c=False, i=outage["id"]: self.open_requested.emit(i))
            row.addWidget(label, 1)
            row.addWidget(button)
            self._layout.addLayout(row)
            self.lines.append(label)
        if len(self.outages) > 3:
            more = QLabel(
                self.tr("… dan %1 gangguan lain").replace("%1", str(len(self.outages) - 3))
            )
            self._layout.addWidget(more)
        self.setVisible(bool(self.outages))


class OutageOffer(QFrame):
    """Above the log form while the chosen application has an active outage.

    Signals:
        link_requested(dict): link the inquiry to this outage (and use its text).
        unlink_requested(): take the link back.
    """

    link_requested = Signal(dict)
    unlink_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outageOffer")
        self.setStyleSheet(OFFER_STYLE)
        self.outage: dict[str, Any] | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel()
        self.text.setObjectName("outageOfferText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.link = QPushButton(self.tr("Tautkan dan pakai teks pengumuman"))
        self.link.setObjectName("outageOfferLink")
        self.link.clicked.connect(self._on_link)
        self.unlink = QPushButton(self.tr("Lepas tautan"))
        self.unlink.setObjectName("outageOfferUnlink")
        self.unlink.clicked.connect(self.unlink_requested)
        row.addWidget(self.text, 1)
        row.addWidget(self.link)
        row.addWidget(self.unlink)
        self.hide()

    def show_for(self, outage: dict[str, Any] | None, linked_id: str | None) -> None:
        """Offer ``outage`` (None hides), or say the inquiry is linked to ``linked_id``."""
        self.outage = outage
        if outage is None and not linked_id:
            self.hide()
            return
        if linked_id:
            number = (outage or {}).get("number") or ""
            self.text.setText(
                self.tr("Pertanyaan ini ditautkan ke pengumuman gangguan %1.").replace("%1", number)
            )
        else:
            assert outage is not None
            self.text.setText(
                outage_line(outage)
                + "\n"
                + self.tr(
                    "Tautkan pertanyaan ini ke pengumuman %1 dan pakai teksnya sebagai jawaban?"
                ).replace("%1", outage.get("number") or "")
            )
        self.link.setVisible(not linked_id)
        self.unlink.setVisible(bool(linked_id))
        self.show()

    def _on_link(self) -> None:
        if self.outage is not None:
            self.link_requested.emit(self.outage)
