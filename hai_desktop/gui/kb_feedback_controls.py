"""The KB screen's feedback controls: a note, "Membantu" / "Tidak membantu", the status.

A mixin of ``KbView`` (``self`` is the view; the texts keep its translation context). The
vote and its note are stored with ``kb_feedback.record_feedback`` on the db worker and
travel to the hub through the outbox.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from hai_desktop.core import kb_feedback
from hai_desktop.gui import object_names as names
from hai_desktop.gui.widgets import WrapRow

# The feedback button the CSO chose stays visibly chosen (it is disabled, so not by focus).
_CHOSEN_STYLE = (
    "QPushButton { background: #d1fae5; color: #065f46; border: 1px solid #10b981;"
    " border-radius: 4px; padding: 4px 10px; font-weight: bold; }"
)


class KbFeedbackMixin:
    """Builds and runs the feedback controls of ``KbView``."""

    def _build_feedback(self) -> QVBoxLayout:
        """The note above the vote buttons (the status label is placed by the view)."""
        self.helpful_button = QPushButton(QCoreApplication.translate("KbView", "Membantu"))
        self.helpful_button.setObjectName(names.KB_HELPFUL)
        self.helpful_button.clicked.connect(lambda: self.send_feedback(True))
        self.not_helpful_button = QPushButton(
            QCoreApplication.translate("KbView", "Tidak membantu")
        )
        self.not_helpful_button.setObjectName(names.KB_NOT_HELPFUL)
        self.not_helpful_button.clicked.connect(lambda: self.send_feedback(False))
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName(names.KB_FEEDBACK_NOTE)
        # The note goes with the vote: say so, and never let a note typed later vanish.
        self.note_edit.setPlaceholderText(
            QCoreApplication.translate(
                "KbView",
                "Catatan umpan balik (opsional): tulis dulu di sini, "
                "lalu pilih Membantu / Tidak membantu",
            )
        )
        self.note_edit.setToolTip(
            QCoreApplication.translate(
                "KbView",
                "Catatan dikirim bersama pilihan Membantu atau Tidak membantu. "
                "Tulis catatan dahulu, lalu pilih salah satu.",
            )
        )
        self.note_edit.returnPressed.connect(self._on_note_return)
        self.feedback_status = QLabel()
        self.feedback_status.setObjectName(names.KB_FEEDBACK_STATUS)
        self.feedback_status.setWordWrap(True)
        # The note above the vote, full width: written first, then sent with the vote.
        feedback_row = QVBoxLayout()
        feedback_row.setSpacing(4)
        feedback_row.addWidget(self.note_edit)
        # The question, then its two answers; below it where the pane is narrow.
        vote_row = WrapRow()
        vote_row.setObjectName("kbVoteRow")
        self.vote_question = QLabel(
            QCoreApplication.translate("KbView", "Apakah jawaban ini membantu?")
        )
        vote_row.row.addWidget(self.vote_question)
        buttons = QHBoxLayout()
        buttons.addWidget(self.helpful_button)
        buttons.addWidget(self.not_helpful_button)
        buttons.addStretch(1)
        vote_row.row.addLayout(buttons, 1)
        feedback_row.addWidget(vote_row)
        return feedback_row

    def _reset_feedback(self) -> None:
        """A new entry is shown: the buttons unchosen, the status empty."""
        self.helpful_button.setText(QCoreApplication.translate("KbView", "Membantu"))
        self.not_helpful_button.setText(QCoreApplication.translate("KbView", "Tidak membantu"))
        for button in (self.helpful_button, self.not_helpful_button):
            button.setProperty("chosen", False)
            button.setStyleSheet("")
        self.feedback_status.setStyleSheet("")
        self.feedback_status.clear()

    def send_feedback(self, helpful: bool) -> None:
        """Record "membantu / tidak membantu" for the shown entry (queued for the hub)."""
        entry = self._entry
        if entry is None:
            return
        note = self.note_edit.text()
        chosen = self.helpful_button if helpful else self.not_helpful_button
        # The note went with the vote: the field closes so nothing typed later is lost.
        for w in (self.helpful_button, self.not_helpful_button, self.note_edit):
            w.setEnabled(False)
        self.body.setFocus(Qt.FocusReason.OtherFocusReason)

        def done(_feedback_id: str) -> None:
            if self._entry is not None and self._entry.id == entry.id:
                chosen.setText("✓ " + chosen.text())
                chosen.setProperty("chosen", True)
                chosen.setStyleSheet(_CHOSEN_STYLE)
                self.feedback_status.setStyleSheet("color: #1b7f3b; font-weight: bold;")
                if note.strip():
                    text = QCoreApplication.translate(
                        "KbView",
                        "Terima kasih, umpan balik dan catatan tercatat; akan dikirim ke HAI-DJPBN.",
                    )
                else:
                    text = QCoreApplication.translate(
                        "KbView", "Terima kasih, umpan balik tercatat; akan dikirim ke HAI-DJPBN."
                    )
                self.feedback_status.setText(text)
                self.note_edit.clear()

        def failed(exc: BaseException) -> None:
            for w in (self.helpful_button, self.not_helpful_button, self.note_edit):
                w.setEnabled(True)
            self.feedback_status.setStyleSheet("color: #b91c1c;")
            self.feedback_status.setText(
                QCoreApplication.translate("KbView", "Umpan balik gagal disimpan: %1").replace(
                    "%1", str(exc)
                )
            )

        self.tasks.run_db(
            lambda: kb_feedback.record_feedback(entry.id, helpful, note), done, failed
        )

    def _on_note_return(self) -> None:
        # Enter in the note cannot guess the vote: say what sends it instead of doing nothing.
        self.feedback_status.setStyleSheet("")
        self.feedback_status.setText(
            QCoreApplication.translate(
                "KbView", "Pilih Membantu atau Tidak membantu untuk mengirim catatan ini."
            )
        )
