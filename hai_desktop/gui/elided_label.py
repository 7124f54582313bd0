"""A one-line label that cuts a long text with "…": part of the window frame (the status bar),
so it imports nothing that the first paint does not need (importing ``Qt`` or ``QEvent``
from QtCore creates all their enums: ~20 ms, which comes with the pages)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class ElidedLabel(QLabel):
    """A one-line label that cuts a text too long for it with "…" (its whole text in the
    tooltip); it never asks for more width than it is given."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._full_text = ""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        self._full_text = text or ""
        self._elide()

    def full_text(self) -> str:
        return self._full_text

    def text(self) -> str:  # the whole text, not the cut one shown
        return self._full_text

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        shown = self._full_text
        if room > 0 and self.fontMetrics().horizontalAdvance(shown) > room:
            from PySide6.QtCore import Qt

            shown = self.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, room)
        super().setText(shown)
