"""A count on a screen's navigation entry ("Broadcast (4)", "Tiket (1)"): bold while
non-zero, the words in the tooltip. Shared by the window-wide alerts of the screens."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem


class NavBadge:
    """The count of one navigation entry (``key``: the screen's page key)."""

    def __init__(self, window, key: str) -> None:
        self.window = window
        self.key = key
        item = self.item()
        title, _, shortcut = item.text().partition("\n") if item is not None else ("", "", "")
        self.title, self.shortcut = title, shortcut

    def item(self) -> QListWidgetItem | None:
        nav = self.window.nav
        if nav is None:
            return None
        for row in range(nav.count()):
            if nav.item(row).data(Qt.ItemDataRole.UserRole) == self.key:
                return nav.item(row)
        return None

    def set_count(self, count: int, words: str = "") -> None:
        """Show ``count`` (0 clears it); ``words`` say what it counts, for the tooltip."""
        item = self.item()
        if item is None:
            return
        label = f"{self.title} ({count})" if count else self.title
        item.setText(f"{label}\n{self.shortcut}" if self.shortcut else label)
        font = item.font()
        font.setBold(bool(count))
        item.setFont(font)
        item.setToolTip(f"{self.title} — {words}" if count and words else self.title)
