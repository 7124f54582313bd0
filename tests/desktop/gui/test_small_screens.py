"""The desk on the screens offices really have (issue 12): at every logical size from
1024x600 up, the log form's fields, Save, the title row, the status bar with the sync state
and the controls of every screen lie inside the window without horizontal scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from hai_desktop.gui import messages
from hai_desktop.gui import object_names as names
from hai_desktop.gui.views import table_fit
from hai_desktop.gui.widgets import ElidingComboBox

# Logical sizes: 1024x600, 1024x768 at 100 %, 1366x768 at 125 %, 1920x1080 at 150 %,
# 1280x800 at 100 %, and 1366x768 at 150 % (910x512, below the goal but seen at offices).
SIZES = [(1024, 600), (1024, 768), (1093, 614), (1280, 720), (1280, 800), (910, 512)]


@pytest.fixture(autouse=True)
def desk_style(qapp):
    """The desk's own stylesheet (10 pt, padded buttons and combos), as run_gui sets it:
    without it every widget is smaller than on the CSO's screen."""
    from hai_desktop.gui.app import load_stylesheet

    qapp.setStyleSheet(load_stylesheet())
    yield
    qapp.setStyleSheet("")


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


def _assert_titles_whole(table: QTableView) -> None:
    header = table.horizontalHeader()
    font = QFont(header.font())
    font.setWeight(QFont.Weight.DemiBold)  # desk.qss
    metrics = QFontMetrics(font)
    for column in range(header.count()):
        if table.isColumnHidden(column) or header.sectionResizeMode(column) == (
            QHeaderView.ResizeMode.Stretch
        ):
            continue
        title = str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
        # desk.qss pads a section 6 px each side
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title) + 12, title


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
@pytest.mark.parametrize(
    "page", [names.PAGE_HISTORY, names.PAGE_KB, "tickets", "broadcasts", "reports"]
)
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
    # Every shown column of a list keeps its whole title ("Urgensi" lost its first letter).
    for table in screen.findChildren(QTableView):
        if table.isVisibleTo(window):
            _assert_titles_whole(table)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_side_menu_shows_every_screen_without_scrolling_or_eliding(qtbot, window, size):
    """At 1024x600 the menu once shared its height with a spacer and scrolled, and at the
    narrow width it elided "Basis Pengetahuan" and "Broadcast (4)"."""
    _lay_out(qtbot, window, size)
    nav = window.nav
    assert nav.verticalScrollBar().maximum() == 0, size
    room = nav.viewport().width()
    bold = QFont(nav.font())
    bold.setBold(True)  # an entry with an unread count is bold
    for row in range(nav.count()):
        item = nav.item(row)
        label = item.text().split("\n")[0].split(" (")[0]
        metrics = nav.fontMetrics()
        if item.data(Qt.ItemDataRole.UserRole) in ("tickets", "broadcasts"):
            label += " (12)"  # room for an unread count
            metrics = QFontMetrics(bold)
        # the stylesheet pads items 16 px each side and marks the current one with a border
        assert metrics.horizontalAdvance(label) + 40 <= room, (size, label, room)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_history_filters_are_whole_and_the_table_needs_no_sideways_scroll(qtbot, window, size):
    """At 1024x600 the date fields showed "04/11/202" and the combos "Semua dep": the
    filter row now wraps into two lines, each control at its full size."""
    window.show_page(names.PAGE_HISTORY)
    history = window.page(names.PAGE_HISTORY)
    _lay_out(qtbot, window, size)
    filters = [
        history.date_enabled,
        history.date_from,
        history.date_to,
        history.department,
        history.channel,
        history.outcome,
        history.clear_button,
        history.search,
    ]
    for widget in filters:
        _assert_inside(widget, window)
        assert widget.width() >= widget.minimumSizeHint().width(), widget.objectName()
        if isinstance(widget, (QDateEdit, QComboBox, QAbstractButton)):
            # their whole text: the preferred size, not only the least one
            assert widget.width() >= widget.sizeHint().width(), (
                widget.objectName(),
                widget.width(),
                widget.sizeHint().width(),
            )
        if isinstance(widget, ElidingComboBox):
            assert widget.shown_text() == widget.currentText(), widget.objectName()
    # No control overlaps another (the wrapped rows stack, they do not collide).
    rects = [_rect_in(w, window) for w in filters]
    for i, first in enumerate(rects):
        for second in rects[i + 1 :]:
            assert not first.intersects(second), (first, second)
    # The table's columns fit its width, the question keeping a readable share and every
    # shown column its title (the satker column may step aside on the narrowest).
    table = history.table
    assert table.horizontalScrollBar().maximum() == 0, size
    header = table.horizontalHeader()
    assert header.sectionSize(table_fit.STRETCH_COLUMN) >= 120, header.sectionSize(6)
    compact = table_fit.compact_widths(table)
    for column in range(header.count()):
        if column == table_fit.STRETCH_COLUMN:
            continue
        if table.isColumnHidden(column):
            assert column in table_fit.SPARE_COLUMNS and size[0] <= 1024, (column, size)
            if column != table_fit.SPARE_COLUMNS[0]:
                assert size[0] < 1024, (column, size)  # at 1024 only the satker steps aside
        else:
            assert header.sectionSize(column) >= compact[column], column


def test_long_offline_notice_is_cut_with_an_ellipsis(qtbot, window):
    text = (
        "HAI Hub tidak menjawab (jaringan tersambung, hub tidak merespons). Catatan tersimpan"
        " di komputer ini dan terkirim otomatis; tekan Sinkronkan untuk mencoba lagi."
    )
    _lay_out(qtbot, window, (1024, 600))
    messages.warning(text)
    QApplication.processEvents()
    label = window.findChild(QWidget, names.STATUS_MESSAGE)
    assert label.text() == text
    assert label.toolTip() == text
    shown = QLabel.text(label)
    assert shown.endswith("…") and len(shown) < len(text)
    assert label.fontMetrics().horizontalAdvance(shown) <= label.contentsRect().width()


def test_a_long_combo_label_is_cut_with_an_ellipsis_and_whole_in_the_tooltip(qtbot, window):
    """ "SITP — Sistem Informasi dan T" was clipped mid-letter in the narrow form."""
    _lay_out(qtbot, window, (1024, 600))
    department = window.form.department
    assert isinstance(department, ElidingComboBox)
    longest = max(range(department.count()), key=lambda i: len(department.itemText(i)))
    department.setCurrentIndex(longest)
    department.setFixedWidth(140)
    QApplication.processEvents()
    shown = department.shown_text()
    assert shown.endswith("…") and department.currentText().startswith(shown[:-1])
    assert department.toolTip()  # the whole name
    department.setMinimumWidth(0)
    department.setMaximumWidth(16777215)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_an_edit_keeps_its_whole_title_beside_save(qtbot, window, size):
    """At 1366x768 and 125 % an opened entry's title read "Mengubah catatan (vers": the
    buttons now drop their shortcut text first."""
    _lay_out(qtbot, window, size)
    form = window.form
    form._editing_id, form._editing_version = "an-entry", 12  # as load_inquiry sets them
    try:
        form._update_title()
        QApplication.processEvents()
        assert form.title.text().startswith("Mengubah catatan")
        needed = form.title.fontMetrics().horizontalAdvance(form.title.text())
        if size[0] >= 1024:  # the goal: from 1024x600 up
            assert form.title.width() >= needed, (form.title.width(), needed)
            assert QLabel.text(form.title) == form.title.text()
        else:  # below it, the title is cut with an ellipsis, never mid-letter
            assert QLabel.text(form.title).endswith("…")
        for button in (form.save_button, form.new_button, form.duplicate_button):
            _assert_inside(button, window)
            assert button.width() >= button.minimumSizeHint().width(), button.text()
    finally:
        form._editing_id, form._editing_version = None, None
        form._update_title()


def test_an_opened_entry_shows_the_start_of_each_narrow_field(qtbot, window):
    """At 1366x768 and 150 % an opened entry read "ntor Contoh Urusan Agama"."""
    import dataclasses

    _lay_out(qtbot, window, (910, 512))
    form = window.form
    long_name = "Kantor Pelayanan Perbendaharaan Negara Contoh Urusan Agama Kabupaten"
    data = dataclasses.replace(
        form.collect(),
        institution=long_name,
        email="siti.percobaan.panjang.sekali@example.com",
    )
    form.apply_input(data)
    QApplication.processEvents()
    assert form.institution.cursorPosition() == 0
    assert form.email.cursorPosition() == 0


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_kb_feedback_question_is_whole(qtbot, window, size):
    """At 1366x768 and 150 % the KB pane read "Apakah jawaban ini memb": the question goes
    above its two buttons where the pane is narrow."""
    window.show_page(names.PAGE_KB)
    kb = window.page(names.PAGE_KB)
    _lay_out(qtbot, window, size)
    for widget in (kb.vote_question, kb.helpful_button, kb.not_helpful_button):
        _assert_inside(widget, window)
        assert widget.width() >= widget.sizeHint().width(), (widget.width(), size)
    question = _rect_in(kb.vote_question, window)
    for button in (kb.helpful_button, kb.not_helpful_button):
        assert not question.intersects(_rect_in(button, window))


def test_urgent_broadcast_dialog_is_whole_on_a_small_screen(qtbot, window):
    """At 1366x768 and 150 % the dialog cut "Konfirmasi: sudah saya baca dan pahami" and
    laid its contact line over the body: the two answers now go below "Buka di
    Broadcast" and the dialog is as tall as its wrapped lines."""
    from hai_desktop.gui.dialogs.urgent_dialog import UrgentDialog

    dialog = UrgentDialog(window)
    qtbot.addWidget(dialog)
    item = {
        "id": "b1",
        "number": "BC-2026-000001",
        "title": "Gangguan SPAN: pengiriman SPM ke KPPN tertunda",
        "kind": "outage",
        "published_at": "2026-12-04T08:30:00Z",
        "affected_applications": ["SPAN", "SAKTI"],
        "outage_status": "cause_known",
        "body": "Sejak pukul 08.30 WIB terjadi gangguan. " * 12,
        "contact": {
            "name": "Kepala Seksi Layanan Pengguna (demo)",
            "phone": "0812-0000-9001",
            "email": "layanan.pengguna.demo@kemenkeu.go.id",
        },
    }
    dialog.set_queue([item])
    dialog.resize(dialog.minimumWidth(), 200)  # as narrow as it goes, too low
    dialog.raise_now()
    qtbot.waitExposed(dialog)
    QApplication.processEvents()
    for button in (dialog.open_button, dialog.later_button, dialog.ack_button):
        assert dialog.rect().contains(_rect_in(button, dialog)), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()
    body, contact = _rect_in(dialog.body, dialog), _rect_in(dialog.contact, dialog)
    assert not body.intersects(contact), (body, contact)
    assert contact.height() >= dialog.contact.heightForWidth(contact.width())
