"""The log form: keyboard-only entry, inline messages, drafts, edit and duplicate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hai_desktop.core.inquiries import get_inquiry
from hai_desktop.core.inquiries_view import list_inquiries
from hai_desktop.gui import object_names as names
from hai_desktop.gui.views.inquiry_form import DRAFT_KEY
from tests.desktop.gui.conftest import drain


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def type_and_tab(qtbot, text: str | None = None, expect_next: str | None = None) -> None:
    widget = QApplication.focusWidget()
    if text:
        qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)
    if expect_next is not None:
        assert focused() == expect_next


def test_whole_form_with_keyboard_only_then_row_in_history(qtbot, window, tasks):
    form = window.form
    assert focused() == names.VISITOR_NAME
    # The visual columns, top to bottom: Nama, Instansi, E-mail, then Kode satker, Telepon,
    # Saluran.
    type_and_tab(qtbot, "Siti Aminah", names.INSTITUTION)
    type_and_tab(qtbot, "KPPN Banda Aceh", names.EMAIL)
    type_and_tab(qtbot, "siti@example.go.id", names.SATKER_CODE)
    type_and_tab(qtbot, "123456", names.PHONE)
    type_and_tab(qtbot, "0812 3456 7890", names.CHANNEL)
    type_and_tab(qtbot, None, names.DEPARTMENT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)  # first department
    type_and_tab(qtbot, None, names.APPLICATION)
    type_and_tab(qtbot, None, names.QUESTION)
    type_and_tab(qtbot, "Bagaimana cara pencairan dana UP?", names.ANSWER)
    # After the answer comes what lies below it: the basis row, then the outcome.
    type_and_tab(qtbot, "Ajukan SPM-UP melalui SAKTI.", names.REGULATION_INPUT)
    qtbot.keyClicks(QApplication.focusWidget(), "PMK 62 Tahun 2023 pasal 5")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert form.regulations() == ["PMK 62 Tahun 2023 pasal 5"]

    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        qtbot.keyClick(
            QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    inquiry = get_inquiry(saved.args[0])
    assert inquiry.visitor_name == "Siti Aminah"
    assert inquiry.satker_code == "123456"
    assert inquiry.department == form.department.itemData(1)
    assert inquiry.served_started_at and inquiry.served_ended_at
    # The form is ready for the next visitor, with a calm confirmation.
    assert form.visitor_name.text() == ""
    assert form.confirmation.isVisibleTo(form)
    assert focused() == names.VISITOR_NAME

    # Ctrl+F goes to history, where the row is.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    history = window.history
    assert focused() == names.HISTORY_SEARCH
    qtbot.waitUntil(lambda: history.model.rowCount() == 1, timeout=5000)
    assert history.model.inquiry_id(0) == inquiry.id


def test_invalid_satker_shows_indonesian_message_and_keeps_fields(qtbot, window, tasks):
    form = window.form
    form.visitor_name.setText("Andi")
    form.satker_code.setText("12345")
    form.department.setCurrentIndex(1)
    form.question.setPlainText("Pertanyaan 😀 中文")
    form.answer.setPlainText("x" * 100_000)
    form.save()
    drain(qtbot, tasks)
    assert form.error_text("satker_code") == "Kode satker harus 6 angka."
    assert focused() == names.SATKER_CODE
    assert form.visitor_name.text() == "Andi"
    assert form.question.toPlainText() == "Pertanyaan 😀 中文"
    assert len(form.answer.toPlainText()) == 100_000
    assert list_inquiries() == []
    # Fixing the field clears its message, and the save goes through.
    form.satker_code.setText("123456")
    assert form.error_text("satker_code") == ""
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()


def test_missing_required_fields_each_get_a_message(qtbot, window):
    form = window.form
    form.save()
    assert form.error_text("visitor_name") == "Wajib diisi."
    assert form.error_text("department") == "Wajib diisi."
    assert form.error_text("question") == "Wajib diisi."


def test_out_of_scope_reason_only_when_needed(qtbot, window):
    form = window.form
    assert not form.out_of_scope_reason.isVisibleTo(form)
    form.outcome.setCurrentIndex(form.outcome.findData("out_of_scope"))
    assert form.out_of_scope_reason.isVisibleTo(form)
    form.visitor_name.setText("Andi")
    form.department.setCurrentIndex(1)
    form.question.setPlainText("Mohon penafsiran pasal ini")
    form.save()
    assert form.error_text("out_of_scope_reason")
    form.outcome.setCurrentIndex(form.outcome.findData("answered"))
    assert not form.out_of_scope_reason.isVisibleTo(form)


def test_draft_survives_a_restart(qtbot, make_window, tasks):
    from hai_desktop.core import drafts

    first = make_window()
    first.form.visitor_name.setText("Dewi Lestari")
    first.form.question.setPlainText("Status SP2D belum terbit")
    qtbot.wait(1200)  # the debounce fires
    drain(qtbot, tasks)
    assert drafts.load_draft(DRAFT_KEY)["visitor_name"] == "Dewi Lestari"

    second = make_window()  # as if the app had been killed and opened again
    qtbot.waitUntil(lambda: second.form.draft_banner.isVisibleTo(second.form), timeout=5000)
    qtbot.mouseClick(second.form.draft_restore, Qt.MouseButton.LeftButton)
    assert second.form.visitor_name.text() == "Dewi Lestari"
    assert second.form.question.toPlainText() == "Status SP2D belum terbit"


def _save(qtbot, form, name="Rina", question="Cara revisi DIPA?"):
    form.visitor_name.setText(name)
    form.satker_code.setText("654321")
    form.department.setCurrentIndex(1)
    form.question.setPlainText(question)
    form.answer.setPlainText("Ajukan revisi melalui SAKTI.")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        form.save()
    return saved.args[0]


def test_edit_raises_version_and_duplicate_keeps_visitor(qtbot, window, tasks):
    form = window.form
    inquiry_id = _save(qtbot, form)
    window.open_inquiry(inquiry_id)
    drain(qtbot, tasks)
    assert form.editing_id == inquiry_id
    assert form.question.toPlainText() == "Cara revisi DIPA?"
    form.answer.setPlainText("Melalui aplikasi SAKTI modul anggaran.")
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    assert get_inquiry(inquiry_id).version == 2

    window.duplicate_inquiry(inquiry_id)
    drain(qtbot, tasks)
    assert form.editing_id is None
    assert form.visitor_name.text() == "Rina"
    assert form.satker_code.text() == "654321"
    assert form.question.toPlainText() == ""


def test_insert_answer_records_kb_entry_as_basis(qtbot, window):
    seen = []
    window.question_text_changed.connect(seen.append)
    qtbot.keyClicks(window.form.question, "SPM")
    assert seen[-1] == "SPM"
    window.insert_answer("Jawaban dari basis pengetahuan.", "kb-entry-1")
    window.insert_answer("Jawaban dari basis pengetahuan.", "kb-entry-1")
    assert window.form.answer.toPlainText() == "Jawaban dari basis pengetahuan."
    assert window.form.kb_entry_ids() == ["kb-entry-1"]


def test_kb_basis_shows_the_entry_title_and_keeps_its_id(qtbot, window):
    from hai_desktop.core import kb

    entry_id = "1b4e28ba-2fa1-11d2-883f-0016d3cca427"
    kb.apply_kb_changes(
        [
            {
                "id": entry_id,
                "rev": 1,
                "title": "Pengajuan UP pertama",
                "question": "Cara UP?",
                "answer": "Ajukan SPM-UP.",
                "department": "PA",
                "regulations": [],
                "tags": [],
                "source_inquiry_ids": [],
                "updated_at": "2026-11-01T00:00:00Z",
                "deleted": False,
            }
        ]
    )
    window.insert_answer("Ajukan SPM-UP.", entry_id)
    item = window.form.kb_basis_list.item(0)
    assert item.text() == "Pengajuan UP pertama"
    assert window.form.kb_entry_ids() == [entry_id]


def test_service_clock_starts_with_the_first_keystroke(qtbot, window):
    from PySide6.QtCore import QDateTime

    form = window.form
    long_ago = QDateTime.currentDateTime().addSecs(-3600)
    form._loading = True
    form.served_start.setDateTime(long_ago)  # as if the empty form had waited an hour
    form._loading = False
    qtbot.keyClicks(form.visitor_name, "A")
    assert form.served_start.dateTime().secsTo(QDateTime.currentDateTime()) < 120
    # Once typing has begun, the start the CSO sets by hand stays.
    form.served_start.setDateTime(long_ago)
    qtbot.keyClicks(form.visitor_name, "B")
    assert form.served_start.dateTime() == long_ago


def _fill_valid(form, name="Rina"):
    form.visitor_name.setText(name)
    form.department.setCurrentIndex(1)
    form.question.setPlainText("Cara revisi DIPA?")
    form.answer.setPlainText("Ajukan revisi melalui SAKTI.")


def test_answered_without_answer_is_refused(qtbot, window, tasks):
    form = window.form
    _fill_valid(form)
    form.answer.setPlainText("")
    form.save()
    drain(qtbot, tasks)
    assert form.error_text("answer") == "Tulis jawaban yang diberikan, atau pilih hasil lain."
    assert focused() == names.ANSWER
    assert list_inquiries() == []
    form.outcome.setCurrentIndex(form.outcome.findData("escalated"))
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()


def test_fixing_a_field_clears_message_and_outline(qtbot, window):
    form = window.form
    form.save()
    assert form.visitor_name.property("invalid") is True
    form.visitor_name.setText("Andi")
    assert form.error_text("visitor_name") == ""
    assert form.visitor_name.property("invalid") is False
    assert form.question.property("invalid") is True  # other fields keep theirs
    # The corrected field's message goes with its line at once (no gap until the next save).
    label = form._errors["visitor_name"]
    assert not label.isVisibleTo(form)


def test_confirmation_does_not_move_the_fields(qtbot, window, tasks):
    form = window.form
    window.show()
    qtbot.waitExposed(window)
    before = form.visitor_name.mapTo(form, form.visitor_name.rect().topLeft())
    width = form.sizeHint().width()
    _fill_valid(form)
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    assert form.confirmation.isVisibleTo(form)
    QApplication.processEvents()
    assert form.visitor_name.mapTo(form, form.visitor_name.rect().topLeft()) == before
    assert form.sizeHint().width() <= width  # the title row does not grow either


def test_delete_key_removes_basis_items_and_buttons_are_off_the_tab_chain(qtbot, window):
    form = window.form
    form.regulation_input.setText("PMK 62/2023")
    qtbot.keyClick(form.regulation_input, Qt.Key.Key_Return)
    assert form.regulations() == ["PMK 62/2023"]
    form.regulation_list.setCurrentRow(0)
    qtbot.keyClick(form.regulation_list, Qt.Key.Key_Delete)
    assert form.regulations() == []
    for button in (form.regulation_add, form.regulation_remove, form.kb_basis_remove):
        assert button.focusPolicy() == Qt.FocusPolicy.ClickFocus


def test_department_combo_shows_code_first(qtbot, window):
    combo = window.form.department
    index = combo.findData("PA")
    assert combo.itemText(index) == "PA — Pelaksanaan Anggaran"
    assert combo.itemData(index, Qt.ItemDataRole.ToolTipRole) == "Direktorat Pelaksanaan Anggaran"


def test_another_question_shortcut_saves_first_then_keeps_visitor(
    qtbot, window, tasks, monkeypatch
):
    form = window.form
    # The shortcut is in the text, or (a narrow form) in the tooltip.
    assert "Ctrl+Shift+N" in form.duplicate_button.text() + form.duplicate_button.toolTip()
    _fill_valid(form, name="Budi")
    form.phone.setText("0812 3456 7890")
    assert form.duplicate_button.isEnabled()
    monkeypatch.setattr(type(form), "_ask_save_first", lambda self: "save")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        qtbot.keyClick(
            form.question,
            Qt.Key.Key_N,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    drain(qtbot, tasks)
    assert get_inquiry(saved.args[0]).visitor_name == "Budi"
    qtbot.waitUntil(lambda: form.visitor_name.text() == "Budi", timeout=5000)
    assert form.phone.text() == "0812 3456 7890"
    assert form.question.toPlainText() == ""
    assert form.editing_id is None
    assert "pengunjung yang sama" in form.last_confirmation


def test_saving_an_edit_returns_to_history_and_names_the_version(qtbot, window, tasks):
    form = window.form
    inquiry_id = _save(qtbot, form)
    window.open_inquiry(inquiry_id)
    drain(qtbot, tasks)
    form.answer.setPlainText("Jawaban yang diperbaiki.")
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    assert window.current_page_key() == names.PAGE_HISTORY
    assert form.last_confirmation == "Perubahan tersimpan sebagai versi 2."
    assert form.confirmation.text() == "Tersimpan (versi 2)."


def test_discard_dialog_buttons_are_indonesian(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen = []

    def fake_exec(box):
        seen.append(sorted(b.text() for b in box.buttons()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    window.form.visitor_name.setText("Andi")
    window.form.new_visitor()
    assert seen == [["Batal", "Buang"]]
    assert window.form.visitor_name.text() == "Andi"  # nothing clicked: kept
