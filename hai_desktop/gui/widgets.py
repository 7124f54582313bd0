"""Small reusable widgets of the desk GUI."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QCompleter,
    QLabel,
    QLayout,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)

_reference_language = "id"


def set_reference_language(language: str) -> None:
    """Show reference names in this language where the data carries one (``name_en``)."""
    global _reference_language
    _reference_language = language


def item_name(item: dict) -> str:
    """The display name of a reference item in the UI language."""
    if _reference_language != "id":
        return item.get(f"name_{_reference_language}") or item["name"]
    return item["name"]


# Every department is a "Direktorat ...": as a combo label that prefix only cuts the
# distinguishing part off and makes type-to-select useless.
_DEPARTMENT_PREFIX = "Direktorat "


def item_label(item: dict) -> str:
    """The label of a reference item in a combo box.

    Departments read code first without the shared prefix ("PA — Pelaksanaan Anggaran"),
    so the label fits and typing "P" "A" selects it; other items show their name.
    """
    if not item["name"].startswith(_DEPARTMENT_PREFIX):
        return item_name(item)
    name = item_name(item)
    if name.startswith(_DEPARTMENT_PREFIX):
        name = name[len(_DEPARTMENT_PREFIX) :]
    return f"{item['code']} — {name}"


def fill_combo(combo: QComboBox, items: list[dict], placeholder: str | None = None) -> None:
    """Fill ``combo`` with reference items (label shown, ``code`` as item data, the full
    name as the item's tooltip)."""
    combo.clear()
    if placeholder is not None:
        combo.addItem(placeholder, None)
    for item in items:
        combo.addItem(item_label(item), item["code"])
        combo.setItemData(combo.count() - 1, item_name(item), Qt.ItemDataRole.ToolTipRole)


def combo_code(combo: QComboBox) -> str | None:
    """The code of the current item (None for the placeholder)."""
    return combo.currentData()


def set_combo_code(combo: QComboBox, code: str | None) -> None:
    """Select the item with ``code`` (the first item, e.g. the placeholder, if none)."""
    index = combo.findData(code) if code is not None else 0
    combo.setCurrentIndex(max(index, 0))


def wrap_row(row: QBoxLayout, width: int) -> bool:
    """Lay the items of ``row`` side by side when ``width`` holds them at their preferred
    sizes, one above the other otherwise (a filter or button row on a narrow window, 1024 px
    or 125-150 % scaling). Call it on resize and when a child's size changes. True when
    the row wrapped."""
    spacing = row.spacing() if row.spacing() >= 0 else 10  # -1: the style's
    needed = spacing * max(row.count() - 1, 0)
    for index in range(row.count()):
        needed += row.itemAt(index).sizeHint().width()
    wrap = needed > width
    direction = QBoxLayout.Direction.TopToBottom if wrap else QBoxLayout.Direction.LeftToRight
    if row.direction() != direction:
        row.setDirection(direction)
    return wrap


class WrapRow(QWidget):
    """A row of widgets (and layouts) that goes one above the other when its width does
    not hold them side by side (``wrap_row``): add them to ``row``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(8)
        # The row's least width is its widest item's, not the sum: it wraps instead.
        self.row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        items = [self.row.itemAt(i) for i in range(self.row.count())]
        widest = max((item.minimumSize().width() for item in items), default=0)
        return QSize(widest, self.row.minimumSize().height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange()
        return super().event(event)

    def _arrange(self) -> None:
        before = self.row.direction()
        wrap_row(self.row, self.width())
        if self.row.direction() != before:
            self.updateGeometry()  # a new height


class ElidingComboBox(QComboBox):
    """A combo box that, when narrower than its label (1024 px, 125-150 % scaling), shows
    the label cut with "…" instead of clipped mid-letter ("SITP — Sistem Informasi dan T");
    the whole label is in the tooltip and in the open list."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.currentIndexChanged.connect(self._update_tooltip)

    def _update_tooltip(self, _index: int = -1) -> None:
        tip = self.itemData(self.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        self.setToolTip(tip or self.currentText())

    def _option_and_field(self):
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        return option, field

    def shown_text(self) -> str:
        """The label as painted: whole when it fits, else cut with "…"."""
        option, field = self._option_and_field()
        return self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(field.width(), 0)
        )

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if self.isEditable():
            super().paintEvent(event)
            return
        painter = QStylePainter(self)
        option, _field = self._option_and_field()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class SearchableComboBox(QComboBox):
    """An editable combo whose list filters as you type (any part of the name matches).

    Used where the list is long (the ~200 offices): typing "Jakarta" narrows the list; the
    typed text never becomes a value of its own, only a listed item can be chosen.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # The completer filters the combo's own model ("contains", any case); no proxy model
        # of our own, whose lifetime would have to outlast the completer's.
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        completer.activated[str].connect(self._on_completer_activated)

    def _on_completer_activated(self, text: str) -> None:
        index = self.findText(text)
        if index >= 0:
            self.setCurrentIndex(index)

    def selected_code(self) -> str | None:
        """The code of the listed item whose name is in the box, else None."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchFixedString)
        return self.itemData(index) if index >= 0 else None


class ErrorLabel(QLabel):
    """The inline message under a form field; hidden while empty."""

    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str | None) -> None:
        """Show ``text`` under the field, or hide the line when there is none."""
        self.setText(text or "")
        self.setVisible(bool(text))

    def clear_keeping_space(self) -> None:
        """Empty the message but keep its line (until the next save shows or hides the
        messages), so fields below do not jump up while the user corrects this one."""
        if not self.isHidden():
            self.setText("\u00a0")  # a non-breaking space keeps one line of height

    def message(self) -> str:
        """The message shown ("" when none, also while only its space is kept)."""
        return self.text().strip()
