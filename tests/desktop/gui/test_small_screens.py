"""The desk on the screens offices really have (issue 12): at every logical size from
1024x600 up, the log form's fields, Save, the title row, the status bar with the sync state
and the controls of every screen lie inside the window without horizontal scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from hai_desktop.gui import messages
from hai_desktop.gui import object_names as names

# Logical sizes: 1024x600, 1024x768 at 100 %, 1366x768 at 125 %, 1920x1080 at 150 %,
# 1280x800 at 100 %, and 1366x768 at 150 % (910x512, below the goal but seen at offices).
SIZES = [(1024, 600), (1024, 768), (1093, 614), (1280, 720), (1280, 800), (910, 512)]


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _lay_out(qtbot, window, size) -> None:
    window.resize(*size)
    for _ in range(3):
        QApplication.processEvents()
        qtbot.wait(10)
    assert window.width() <= size[0] and window.height() <= size[1], "window exceeds screen"


def _assert_inside(widget: QWidget, window) -> None:
    assert widget.isVisibleTo(window), widget.objectName()
    rect = _rect_in(widget, window)
    assert window.rect().contains(rect), (widget.objectName(), rect, window.rect())


def _form_fields(form):
    return [
        form.visitor_name,
        form.satker_code,
        form.institution,
        form.phone,
        form.email,
        form.channel,
        form.department,
        form.application,
        form.question,
        form.answer,
        form.regulation_input,
        form.regulation_list,
        form.kb_basis_list,
        form.outcome,
        form.served_start,
        form.served_end,
    ]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_log_form_save_and_status_bar_fit(qtbot, window, size):
    _lay_out(qtbot, window, size)
    form = window.form
    # The title row and Save never scroll away.
    for widget in (form.title, form.save_button, form.new_button, form.duplicate_button):
        _assert_inside(widget, window)
    assert form.save_button.text().startswith("Simpan")
    assert form.save_button.width() >= form.save_button.minimumSizeHint().width()
    # No horizontal scrolling: the body is no wider than its viewport.
    viewport = form.scroll_body.viewport()
    body = form.scroll_body.widget()
    assert body.minimumSizeHint().width() <= viewport.width(), (
        body.minimumSizeHint().width(),
        viewport.width(),
    )
    # Every field can be scrolled into view (vertically) and then lies wholly inside.
    for field in _form_fields(form):
        form.scroll_body.ensureWidgetVisible(field, 0, 0)
        QApplication.processEvents()
        rect = _rect_in(field, viewport)
        assert 0 <= rect.left() and rect.right() <= viewport.width(), field.objectName()
        assert viewport.rect().intersects(rect), field.objectName()
        _assert_inside(field, window)
    # The status bar with the sync state and Pengaturan, also with a long offline notice.
    messages.warning(
        "Tidak ada jaringan. Catatan tersimpan di komputer ini dan terkirim otomatis"
        " saat jaringan kembali; tekan Sinkronkan untuk mencoba lagi sekarang."
    )
    QApplication.processEvents()
    bar = window.statusBar()
    _assert_inside(bar, window)
    for name in (names.SYNC_INDICATOR_SLOT, names.SETTINGS_BUTTON, names.PROFILE_LABEL):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        _assert_inside(widget, window)
        assert widget.width() >= min(widget.minimumSizeHint().width(), widget.sizeHint().width())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("page", [names.PAGE_HISTORY, names.PAGE_KB, "tickets"])
def test_every_control_of_history_and_kb_is_visible(qtbot, window, size, page):
    window.show_page(page)
    _lay_out(qtbot, window, size)
    screen = window.page(page)
    controls = [
        w
        for w in screen.findChildren(QWidget)
        if isinstance(w, (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit))
        and w.isVisibleTo(window)
        and not isinstance(w.parent(), QComboBox)
    ]
    assert controls
    for widget in controls:
        rect = _rect_in(widget, window)
        assert window.rect().contains(rect), (widget.objectName() or widget.text(), rect)
        if isinstance(widget, QAbstractButton) and widget.text():
            # No clipped button text ("apus filte").
            assert widget.width() >= widget.minimumSizeHint().width(), widget.text()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_side_menu_shows_every_screen_without_scrolling_or_eliding(qtbot, window, size):
    """At 1024x600 the menu once shared its height with a spacer and scrolled, and at the
    narrow width it elided "Basis Pengetahuan" and "Broadcast (4)"."""
    _lay_out(qtbot, window, size)
    nav = window.nav
    assert nav.verticalScrollBar().maximum() == 0, size
    metrics = nav.fontMetrics()
    room = nav.viewport().width()
    for row in range(nav.count()):
        first_line = nav.item(row).text().split("\n")[0]
        label = first_line.split(" (")[0] + " (12)"  # room for an unread count
        # the stylesheet pads items 16 px each side and marks the current one with a border
        assert metrics.horizontalAdvance(label) + 40 <= room, (size, label, room)
