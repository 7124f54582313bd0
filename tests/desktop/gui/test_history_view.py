"""The history page: lazy pages, filters, sorting, safe search, open/duplicate."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QLocale, Qt

from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.timeutil import format_utc
from hai_desktop.gui.models.inquiry_table_model import PAGE_SIZE
from tests.desktop.gui.conftest import drain

DEPARTMENTS = ["PA", "PKN", "SMI", "PPKBLU", "APK", "SP", "SITP"]
CHANNELS = ["tatap_muka", "telepon", "email", "whatsapp", "surat"]
OUTCOMES = ["answered", "escalated", "out_of_scope"]


def insert_rows(count: int) -> None:
    """Fast bulk rows straight into the table (the FTS triggers keep the index current)."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    rows = []
    for i in range(count):
        at = format_utc(start + timedelta(minutes=i))
        rows.append(
            (
                str(uuid.uuid4()),
                "KPPN-BANDA-ACEH",
                at,
                at,
                CHANNELS[i % 5],
                DEPARTMENTS[i % 7],
                f"Pengunjung {i:05d}",
                f"{i % 1000:06d}",
                f"Pertanyaan nomor {i} tentang pencairan dana",
                f"Jawaban {i}",
                OUTCOMES[i % 3],
                "interpretation" if i % 3 == 2 else None,
            )
        )
    db = database_proxy.obj
    with db.atomic():
        db.execute_sql("SELECT 1")
        db.cursor().executemany(
            "INSERT INTO inquiry (id, office_code, created_at, updated_at, channel, department,"
            " visitor_name, satker_code, question, answer, outcome, out_of_scope_reason)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def loaded(qtbot, view, tasks):
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: not view.model.is_loading, timeout=5000)
    drain(qtbot, tasks)


def test_lazy_loading_fetches_pages_only(qtbot, window, tasks):
    insert_rows(5000)
    view = window.history
    window.show_page("history")
    loaded(qtbot, view, tasks)
    model = view.model
    assert model.rowCount() <= 2 * PAGE_SIZE  # the view may ask for one more page to fill
    first_count = model.rowCount()
    assert model.total == 5000
    assert view.count_label.text() == f"{QLocale().toString(5000)} entri"
    # Newest first.
    assert model.index(0, 1).data() == "Pengunjung 04999"
    model.fetchMore()
    loaded(qtbot, view, tasks)
    assert model.rowCount() == first_count + PAGE_SIZE
    assert model.rowCount() < 5000
    # Scrolling to the end asks for more pages, one at a time.
    view.table.scrollToBottom()
    loaded(qtbot, view, tasks)
    assert model.rowCount() <= first_count + 3 * PAGE_SIZE


def test_sort_and_filters_requery_core(qtbot, window, tasks):
    insert_rows(700)
    view = window.history
    loaded(qtbot, view, tasks)
    view.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    loaded(qtbot, view, tasks)
    assert view.model.index(0, 1).data() == "Pengunjung 00000"
    view.department.setCurrentIndex(view.department.findData("SMI"))
    loaded(qtbot, view, tasks)
    assert view.model.total == 100
    assert all(view.model.index(r, 4).data() == "SMI" for r in range(view.model.rowCount()))
    view.outcome.setCurrentIndex(view.outcome.findData("escalated"))
    loaded(qtbot, view, tasks)
    assert {view.model.index(r, 5).data() for r in range(view.model.rowCount())} == {"Dieskalasi"}
    view.clear_filters()
    loaded(qtbot, view, tasks)
    assert view.model.total == 700


def test_search_text_and_operator_strings_never_crash(qtbot, window, tasks):
    insert_rows(300)
    view = window.history
    loaded(qtbot, view, tasks)
    qtbot.keyClicks(view.search, "nomor 17")
    qtbot.wait(400)  # debounce
    loaded(qtbot, view, tasks)
    assert view.model.total >= 1
    for text in ['"AND OR NEAR( *', '"', "*", "NOT", "a:b", "😀", "((", "pencairan OR"]:
        view.search.setText(text)
        view.apply_filters()
        loaded(qtbot, view, tasks)
        assert view.model.total is not None  # answered, not failed


def test_enter_opens_and_duplicate_starts_new_entry(qtbot, window, tasks):
    insert_rows(3)
    view = window.history
    window.show_page("history")
    loaded(qtbot, view, tasks)
    view.table.setFocus()
    view.table.selectRow(0)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    drain(qtbot, tasks)
    assert window.current_page_key() == "log"
    assert window.form.editing_id == view.model.inquiry_id(0)
    assert window.form.visitor_name.text() == "Pengunjung 00002"

    window.form.new_visitor(ask=False)
    window.show_page("history")
    view.table.selectRow(1)
    view.duplicate_current()
    drain(qtbot, tasks)
    assert window.form.editing_id is None
    assert window.form.visitor_name.text() == "Pengunjung 00001"
    assert window.form.question.toPlainText() == ""


def test_search_box_down_moves_into_table_and_enter_opens_first_hit(qtbot, window, tasks):
    insert_rows(5)
    view = window.history
    window.show_page("history")
    loaded(qtbot, view, tasks)
    view.focus_search()
    qtbot.keyClicks(view.search, "nomor 3")
    # Enter before the debounce fired: search now, open the first hit when it is loaded.
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page_key() == "log", timeout=5000)
    drain(qtbot, tasks)
    assert window.form.visitor_name.text() == "Pengunjung 00003"

    window.form.new_visitor(ask=False)
    window.show_page("history")
    view.search.clear()
    view.apply_filters()
    loaded(qtbot, view, tasks)
    view.focus_search()
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.table.hasFocus()
    assert view.table.currentIndex().row() == 0
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    # Enter in the search box opens the selected row.
    view.focus_search()
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    drain(qtbot, tasks)
    assert window.current_page_key() == "log"
    assert window.form.editing_id == view.model.inquiry_id(1)


def test_hard_case_report_from_riwayat_writes_a_pdf(qtbot, window, tasks, tmp_path):
    """Decree III.3.1.2: a hard case from any inquiry, with the CSO's conclusion."""
    from hai_desktop.gui.dialogs.hard_case_dialog import HardCaseDialog

    insert_rows(3)
    view = window.page("history")
    window.open_screen("history")
    loaded(qtbot, view, tasks)
    view.table.selectRow(0)
    view.hard_case_button.click()
    dialog = view.hard_case_dialog
    assert isinstance(dialog, HardCaseDialog)
    drain(qtbot, tasks)
    qtbot.waitUntil(lambda: dialog.pdf_button.isEnabled(), timeout=5000)
    assert "Pertanyaan nomor" in dialog.preview.toPlainText()
    dialog.conclusion.setPlainText("Perlu penegasan dari direktorat teknis.")
    assert "Perlu penegasan" in dialog.preview.toPlainText()
    out = tmp_path / "kasus.pdf"
    dialog.ask_path = lambda: out
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.pdf_button.click()
    assert out.read_bytes().startswith(b"%PDF")
    dialog.close()
