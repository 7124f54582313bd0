"""One channel for user-facing notices (after qutebrowser's ``utils/message.py``).

Code anywhere in the GUI reports through :data:`channel`; the main window shows the notice in
its status bar. A new notice replaces the previous one; info notices clear themselves.
Modal dialogs are kept for decisions only.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Signal


class Level(Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class MessageChannel(QObject):
    """Signals:
    posted(level_value: str, text: str, timeout_ms: int): a notice to show (0 = sticky).
    cleared(): remove the current notice.
    """

    posted = Signal(str, str, int)
    cleared = Signal()

    def info(self, text: str, timeout_ms: int = 5000) -> None:
        self.posted.emit(Level.INFO.value, text, timeout_ms)

    def warning(self, text: str, timeout_ms: int = 10000) -> None:
        self.posted.emit(Level.WARNING.value, text, timeout_ms)

    def error(self, text: str) -> None:
        self.posted.emit(Level.ERROR.value, text, 0)

    def clear(self) -> None:
        self.cleared.emit()


_channel: MessageChannel | None = None


def channel() -> MessageChannel:
    """The process-wide message channel (created on first use, in the GUI thread)."""
    global _channel
    if _channel is None:
        _channel = MessageChannel()
    return _channel


def info(text: str, timeout_ms: int = 5000) -> None:
    channel().info(text, timeout_ms)


def warning(text: str, timeout_ms: int = 10000) -> None:
    channel().warning(text, timeout_ms)


def error(text: str) -> None:
    channel().error(text)
