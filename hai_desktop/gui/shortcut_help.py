"""F1 *Pintasan*: every keyboard shortcut of the desk, from the screen registry, the
window's own shortcuts and what each built screen lists (its ``shortcut_help()``)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from hai_desktop.gui import object_names as names


class ShortcutHelpDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.setObjectName(names.SHORTCUT_HELP_DIALOG)
        self.setWindowTitle(self.tr("Pintasan"))
        rows = window.shortcut_list()
        self.table = QTableWidget(len(rows), 3)
        self.table.setObjectName(names.SHORTCUT_HELP_TABLE)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Bagian"), self.tr("Tombol"), self.tr("Fungsi")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 460)

    def rows(self) -> list[tuple[str, str, str]]:
        return [
            tuple(self.table.item(r, c).text() for c in range(3))
            for r in range(self.table.rowCount())
        ]
