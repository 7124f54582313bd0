"""One change notifier: "inquiries changed", "kb changed", … for views to subscribe to.

Whoever changes data that several screens show (the sync controller after a pass, a form
after a save) calls :func:`notify`; a view that shows it subscribes once, so no code reaches
into the window for another screen (``getattr(window, "_history")``). Topics are the
record types' topics of ``core/sync/registry.py`` (``inquiries``, ``kb``, ``reference``, and
whatever a new record type registers). Delivered on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

INQUIRIES = "inquiries"
KB = "kb"
REFERENCE = "reference"


class ChangeNotifier(QObject):
    """Signals:
    changed(topic: str): data of ``topic`` changed.
    """

    changed = Signal(str)

    def notify(self, topic: str) -> None:
        self.changed.emit(topic)

    def subscribe(self, topic: str, callback: Callable[[], None], owner: QObject) -> None:
        """Call ``callback()`` whenever ``topic`` changes, for as long as ``owner`` lives."""

        # The receiver is a child of the owner: deleted with it, Qt drops the connection,
        # so a closed view is never called.
        relay = _Relay(owner, topic, callback)
        self.changed.connect(relay.relay)


class _Relay(QObject):
    def __init__(self, owner: QObject, topic: str, callback: Callable[[], None]) -> None:
        super().__init__(owner)
        self._topic = topic
        self._callback = callback

    @Slot(str)
    def relay(self, topic: str) -> None:
        if topic == self._topic:
            self._callback()


_notifier: ChangeNotifier | None = None


def notifier() -> ChangeNotifier:
    """The process-wide change notifier (created on first use, in the GUI thread)."""
    global _notifier
    if _notifier is None:
        _notifier = ChangeNotifier()
    return _notifier


def notify(topic: str) -> None:
    """Tell every subscriber that ``topic`` changed."""
    notifier().notify(topic)


def subscribe(topic: str, callback: Callable[[], None], owner: QObject) -> None:
    """Call ``callback()`` when ``topic`` changes, while ``owner`` (a view) exists."""
    notifier().subscribe(topic, callback, owner)
