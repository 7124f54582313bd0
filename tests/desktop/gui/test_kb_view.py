"""The KB screen and the KB suggestions beside the log form (offscreen, pytest-qt)."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt

from hai_desktop.core import kb, kb_feedback, outbox, profile_store, reference
from hai_desktop.core.db.database import open_database
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.gui import kb_view
from hai_desktop.gui.tasks import TaskManager


def _entry(title, question, answer, **extra):
    item = {
        "id": str(uuid.uuid4()),
        "rev": 1,
        "title": title,
        "question": question,
        "answer": answer,
        "department": "PKN",
        "application": None,
        "regulations": ["PMK 190/PMK.05/2012 pasal 20"],
        "tags": ["sp2d"],
        "source_inquiry_ids": [],
        "valid_until": None,
        "updated_at": "2026-11-01T08:00:00Z",
        "deleted": False,
    }
    item.update(extra)
    return item


ENTRIES = [
    _entry(
        "Pencairan dana melalui SP2D",
        "Bagaimana proses pencairan dana belanja satker?",
        "Dana dicairkan oleh KPPN setelah SPM diuji dan SP2D diterbitkan.",
    ),
    _entry(
        "Revisi DIPA melalui SAKTI",
        "Bagaimana mengajukan revisi DIPA?",
        "Revisi DIPA diajukan melalui modul penganggaran SAKTI.",
        department="PA",
        application="SAKTI",
        regulations=["PMK 62 Tahun 2023 pasal 5"],
    ),
    _entry(
        "Tata cara retur SP2D lama",
        "Apa yang dilakukan bila SP2D diretur?",
        "Satker mengajukan perbaikan rekening penerima ke KPPN.",
        valid_until="2020-12-31",
    ),
]


@pytest.fixture
def paths(tmp_path):
    return ProfilePaths.for_dir(tmp_path / "profile").ensure()


@pytest.fixture
def db(paths):
    database = open_database(paths.database)
    reference.seed_reference_if_empty()
    kb.apply_kb_changes(ENTRIES)
    yield database
    database.close()


@pytest.fixture
def tasks(db):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_kb_screen_searches_as_you_type_and_shows_the_entry(qtbot, tasks):
    view = kb_view.KbView(tasks)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)  # browse: all entries

    qtbot.keyClicks(view.search_edit, "dicairkan")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.hit(0).title == "Pencairan dana melalui SP2D"
    qtbot.waitUntil(
        lambda: (
            view.current_entry() is not None
            and view.current_entry().title == "Pencairan dana melalui SP2D"
        )
    )
    assert view.title_label.text() == "Pencairan dana melalui SP2D"
    body = view.body.toPlainText()
    assert "SP2D diterbitkan" in body and "PMK 190/PMK.05/2012 pasal 20" in body
    assert view.outdated_label.isHidden()

    # Operators and quotes are plain text.
    view.search_edit.setText('"AND OR NEAR( *')
    view.run_search()
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)


def test_kb_screen_filters_and_outdated_mark(qtbot, tasks):
    view = kb_view.KbView(tasks)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.department_combo.count() == 3)  # all + PA + PKN
    view.department_combo.setCurrentIndex(view.department_combo.findData("PA"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.hit(0).title == "Revisi DIPA melalui SAKTI"

    view.department_combo.setCurrentIndex(0)
    view.search_edit.setText("retur")
    view.run_search()
    qtbot.waitUntil(
        lambda: (
            view.current_entry() is not None
            and view.current_entry().title == "Tata cara retur SP2D lama"
        )
    )
    assert not view.outdated_label.isHidden()
    assert "tidak berlaku" in view.outdated_label.text().lower()


def test_kb_feedback_button_records_row_and_outbox(qtbot, tasks):
    view = kb_view.KbView(tasks)
    qtbot.addWidget(view)
    view.show()
    view.search_edit.setText("revisi")
    view.run_search()
    # Wait for the first hit's own entry (not the one shown before the search).
    qtbot.waitUntil(
        lambda: (
            view.model.rowCount() > 0
            and view.current_entry() is not None
            and view.current_entry().id == view.model.hit(0).id
        )
    )
    view.note_edit.setText("Sudah ada PMK baru")
    qtbot.mouseClick(view.not_helpful_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Terima kasih" in view.feedback_status.text())
    tasks.wait_db_idle()
    rows = outbox.pending(record_type=kb_feedback.FEEDBACK_RECORD_TYPE)
    assert len(rows) == 1
    stored = kb_feedback.get_feedback(rows[0].record_id)
    assert stored.kb_entry_id == ENTRIES[1]["id"]
    assert stored.helpful is False and stored.note == "Sudah ada PMK baru"


@pytest.fixture
def window(qtbot, tasks, paths):
    from hai_desktop.gui.mainwindow import MainWindow

    profile = profile_store.set_profile(
        "Budi Santoso", "budi.santoso@kemenkeu.go.id", reference.items("offices")[1]["code"]
    )
    win = MainWindow(paths, tasks, profile=profile)
    qtbot.addWidget(win)
    panel = win.kb_suggestions  # built with the window's pages, beside the log form
    assert win.page("kb") is win.kb_view
    win.show()
    return win, panel


def test_suggestions_appear_while_typing_and_alt_1_inserts(qtbot, window):
    win, panel = window
    win.form.question.setFocus()
    qtbot.keyClicks(win.form.question, "Bagaimana pencairan dana untuk belanja?")
    with qtbot.waitSignal(panel.suggestions_shown, timeout=3000):
        pass
    qtbot.waitUntil(lambda: panel.list.count() >= 1)
    assert panel.hits()[0].title == "Pencairan dana melalui SP2D"

    qtbot.keyClick(win.form.question, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert win.form.answer.toPlainText() == ENTRIES[0]["answer"]
    assert win.form.kb_entry_ids() == [ENTRIES[0]["id"]]
    assert win.form.regulations() == ["PMK 190/PMK.05/2012 pasal 20"]
    # The question itself is untouched.
    assert win.form.question.toPlainText() == "Bagaimana pencairan dana untuk belanja?"


def test_suggestion_ctrl_enter_inserts_selected_and_kb_page_uses_answer(qtbot, window):
    win, panel = window
    win.form.question.setPlainText("revisi dipa")
    qtbot.waitUntil(lambda: panel.list.count() >= 1, timeout=3000)
    panel.list.setCurrentRow(0)
    win.form.question.setFocus()
    qtbot.keyClick(win.form.question, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert win.form.answer.toPlainText() == ENTRIES[1]["answer"]
    assert win.form.regulations() == ["PMK 62 Tahun 2023 pasal 5"]

    # "Pakai jawaban ini" on the KB screen puts another answer in the form, basis added.
    from hai_desktop.gui import object_names as names

    win.show_page(names.PAGE_KB)
    view = win.page(names.PAGE_KB)
    view.search_edit.setText("retur")
    view.run_search()
    qtbot.waitUntil(
        lambda: view.current_entry() is not None and view.current_entry().id == ENTRIES[2]["id"]
    )
    qtbot.mouseClick(view.use_button, Qt.MouseButton.LeftButton)
    assert win.current_page_key() == names.PAGE_LOG
    # Appended to the answer already there (never replacing it); both entries are its basis.
    assert win.form.answer.toPlainText() == ENTRIES[1]["answer"] + "\n\n" + ENTRIES[2]["answer"]
    assert win.form.kb_entry_ids() == [ENTRIES[1]["id"], ENTRIES[2]["id"]]


def test_inserting_a_suggestion_fills_an_empty_department(qtbot, window):
    win, panel = window
    win.form.question.setPlainText("revisi dipa")
    qtbot.waitUntil(lambda: panel.list.count() >= 1, timeout=3000)
    assert win.form.department.currentData() is None
    panel.insert_number(1)
    assert win.form.department.currentData() == "PA"
    assert win.form.application.currentData() == "SAKTI"


def test_kb_page_has_a_title_and_translatable_detail_headings(qtbot, tasks):
    from PySide6.QtWidgets import QLabel

    view = kb_view.KbView(tasks)
    qtbot.addWidget(view)
    title = view.findChild(QLabel, "kbPageTitle")
    assert title is not None and title.text() == "Basis Pengetahuan"
    assert title.property("role") == "title"
    # pyside6-lupdate misses tr() inside f-strings: the headings are plain tr() calls.
    import inspect

    from hai_desktop.gui import kb_entry_html

    source = inspect.getsource(kb_entry_html.entry_html)
    for text in ("Pertanyaan", "Jawaban", "Dasar peraturan", "Tidak disebutkan", "Label"):
        assert f'QCoreApplication.translate("KbView", "{text}")' in source


def test_kb_search_box_down_moves_to_results_and_enter_opens_first_hit(qtbot, tasks):
    view = kb_view.KbView(tasks)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    view.search_edit.setFocus()
    qtbot.keyClicks(view.search_edit, "sp2d")
    # Enter before the debounce fired: search now, open the first hit when it arrives.
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.body.hasFocus(), timeout=3000)
    assert view.results.currentIndex().row() == 0
    # The entry loads off the GUI thread; until then the one shown before may still be there.
    qtbot.waitUntil(
        lambda: view.current_entry() is not None and view.current_entry().id == view.model.hit(0).id
    )

    view.search_edit.setFocus()
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Down)
    assert view.results.hasFocus()
    assert view.results.currentIndex().isValid()
    qtbot.keyClick(view.results, Qt.Key.Key_Down)
    assert view.results.currentIndex().row() == 1
    # Enter in the search box now opens the selected hit, not the first.
    view.search_edit.setFocus()
    qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    assert view.body.hasFocus() and view.results.currentIndex().row() == 1


def test_kb_feedback_shows_the_choice_and_never_loses_a_note(qtbot, tasks):
    view = kb_view.KbView(tasks)
    qtbot.addWidget(view)
    view.show()
    view.search_edit.setText("revisi")
    view.run_search()
    # Wait for the first hit's own entry (not the one shown before the search).
    qtbot.waitUntil(
        lambda: (
            view.model.rowCount() > 0
            and view.current_entry() is not None
            and view.current_entry().id == view.model.hit(0).id
        )
    )
    assert "tulis dulu" in view.note_edit.placeholderText()
    # Enter in the note says what sends it (it does not silently do nothing).
    view.note_edit.setText("PMK sudah diganti")
    qtbot.keyClick(view.note_edit, Qt.Key.Key_Return)
    assert "Membantu" in view.feedback_status.text()
    assert outbox.pending(record_type=kb_feedback.FEEDBACK_RECORD_TYPE) == []

    qtbot.mouseClick(view.helpful_button, Qt.MouseButton.LeftButton)
    # Once voted, the note field closes: nothing typed afterwards can be lost.
    assert not view.note_edit.isEnabled()
    qtbot.waitUntil(lambda: "Terima kasih" in view.feedback_status.text())
    assert "tercatat" in view.feedback_status.text()
    assert view.helpful_button.text().startswith("✓")
    assert view.helpful_button.property("chosen") is True
    assert not view.not_helpful_button.text().startswith("✓")
    tasks.wait_db_idle()
    rows = outbox.pending(record_type=kb_feedback.FEEDBACK_RECORD_TYPE)
    assert kb_feedback.get_feedback(rows[0].record_id).note == "PMK sudah diganti"


def test_outdated_suggestion_is_never_preselected_over_a_valid_one(qtbot, tasks):
    from datetime import date

    from hai_desktop.gui.kb_suggestions import KbSuggestionsPanel

    panel = KbSuggestionsPanel(tasks)
    qtbot.addWidget(panel)
    panel.show()
    old = kb.KbHit("a", "Lama", "q", "jawaban lama", "PKN", None, [], [], "2020-12-31", -9.0)
    new = kb.KbHit("b", "Baru", "q", "jawaban baru", "PKN", None, [], [], None, -5.0)
    assert kb.is_possibly_outdated(old, date.today())
    panel._seq = 1
    panel._show(1, [old, new])  # whatever order arrives
    assert panel.list.currentRow() == 1
    assert "⚠" in panel.list.item(0).text()
