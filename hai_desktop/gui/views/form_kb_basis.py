"""The log form's KB basis: inserting a suggestion's answer and listing the KB entries the
answer rests on (a mixin of ``InquiryForm``)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem

from hai_desktop.core import kb


class KbBasisMixin:
    """The KB entries behind the answer of ``InquiryForm`` (``self`` is the form)."""

    def insert_answer(self, text: str, kb_entry_id: str | None = None) -> None:
        """Fill the answer (from a KB suggestion) and record the KB entry as its basis."""
        self.answer.setPlainText(text)
        if kb_entry_id and kb_entry_id not in self.kb_entry_ids():
            self._add_kb_basis(kb_entry_id)
            self._on_user_change()

    def kb_entry_ids(self) -> list[str]:
        items = (self.kb_basis_list.item(i) for i in range(self.kb_basis_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

    def _add_kb_basis(self, entry_id: str) -> None:
        """List a KB entry as a basis: its title shown, its id kept as the item's data."""
        # A primary-key lookup in the local KB: well under a millisecond, fine on this thread.
        entry = kb.get_entry(entry_id)
        item = QListWidgetItem(entry.title if entry else entry_id)
        item.setData(Qt.ItemDataRole.UserRole, entry_id)
        item.setToolTip(entry.title if entry else entry_id)
        self.kb_basis_list.addItem(item)

    def _remove_kb_basis(self) -> None:
        row = self.kb_basis_list.currentRow()
        if row >= 0:
            self.kb_basis_list.takeItem(row)
            self._on_user_change()
