"""The log form's KB basis: inserting a suggestion's answer and listing the KB entries the
answer rests on (a mixin of ``InquiryForm``).

An insert never replaces what the CSO wrote: into an empty answer it goes as is, into a
non-empty one it is appended after a blank line, and either way it is one undo step
(Ctrl+Z brings the previous answer back). The basis list follows the answer: an inserted
entry whose text left the answer (undone, deleted) leaves the list, and comes back with a
redo. Entries listed without an insert here (an edited entry, a restored draft) stay until
the CSO removes them.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QListWidgetItem

from hai_desktop.core import kb

# An inserted entry still counts as the basis while this share of its words is in the
# answer: the CSO may adapt the text (a name, a date) without losing the basis.
KEPT_SHARE = 0.6
_WORD = re.compile(r"\w{3,}")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def text_kept(inserted: str, answer: str) -> bool:
    """Does ``answer`` still hold (most of) the ``inserted`` text?"""
    if inserted.strip() and inserted.strip() in answer:
        return True
    words = _words(inserted)
    if not words:
        return False
    return len(words & _words(answer)) / len(words) >= KEPT_SHARE


class KbBasisMixin:
    """The KB entries behind the answer of ``InquiryForm`` (``self`` is the form)."""

    def _init_kb_basis(self) -> None:
        # entry id -> the text inserted from it (in insert order)
        self._kb_inserted: dict[str, str] = {}
        self.answer.textChanged.connect(self._sync_kb_basis)

    def insert_answer(self, text: str, kb_entry_id: str | None = None) -> None:
        """Put a KB suggestion's answer into the answer box (appended when the box already
        holds text, one undo step) and record the KB entry as its basis."""
        current = self.answer.toPlainText()
        if kb_entry_id and kb_entry_id in self._kb_inserted and text_kept(text, current):
            self.answer.setFocus(Qt.FocusReason.OtherFocusReason)
            return  # already in the answer: no second copy
        cursor = self.answer.textCursor()
        cursor.beginEditBlock()
        if current.strip():
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(("\n" if current.endswith("\n") else "\n\n") + text)
        else:
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
        cursor.endEditBlock()
        self.answer.setTextCursor(cursor)
        if kb_entry_id:
            self._kb_inserted[kb_entry_id] = text
            self._sync_kb_basis()
        self._on_user_change()

    def kb_entry_ids(self) -> list[str]:
        items = (self.kb_basis_list.item(i) for i in range(self.kb_basis_list.count()))
        return [item.data(Qt.ItemDataRole.UserRole) for item in items]

    def _sync_kb_basis(self) -> None:
        """List exactly the inserted entries whose text the answer holds."""
        if not self._kb_inserted:
            return
        answer = self.answer.toPlainText()
        listed = self.kb_entry_ids()
        changed = False
        for entry_id, inserted in self._kb_inserted.items():
            kept = text_kept(inserted, answer)
            if kept and entry_id not in listed:
                self._add_kb_basis(entry_id)
                changed = True
            elif not kept and entry_id in listed:
                self.kb_basis_list.takeItem(listed.index(entry_id))
                listed = self.kb_entry_ids()
                changed = True
        if changed:
            self._on_user_change()

    def _forget_kb_inserts(self) -> None:
        """A new visitor, a loaded entry or a restored draft: no inserts of this form."""
        self._kb_inserted = {}

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
            item = self.kb_basis_list.takeItem(row)
            # Removed by the CSO: it does not come back while its text stays.
            self._kb_inserted.pop(item.data(Qt.ItemDataRole.UserRole), None)
            self._on_user_change()
