"""The edit-conflict dialog (issue 7.6): the CSO sees both versions, keeps theirs, takes the
hub's, or merges field by field; the history marks the record *konflik*."""

from __future__ import annotations

import os

from hai_desktop.core import conflicts, inquiries, inquiries_form, inquiries_hub, outbox

SHOTS = os.environ.get("HAI_SCREENSHOT_DIR")


def _conflicted(question="Bagaimana cara revisi DIPA?") -> str:
    saved = inquiries.save_inquiry(
        inquiries_form.InquiryInput(
            channel="tatap_muka",
            department="PA",
            visitor_name="Siti Rahayu",
            question=question,
            answer="Jawaban awal.",
            outcome="answered",
        )
    )
    wire = inquiries_hub.to_wire(inquiries.get_inquiry(saved.id))
    form = inquiries.to_input(inquiries.get_inquiry(saved.id))
    form.answer = "Jawaban desk ini."
    form.institution = "Satker Uji"
    inquiries.save_inquiry(form)
    hub = {**wire, "version": 3, "answer": "Jawaban desk lain.", "rev": 12}
    inquiries_hub.apply_from_hub([hub])
    return saved.id


def test_dialog_merges_field_by_field(qtbot, db, profile):
    from hai_desktop.gui.dialogs.conflict_dialog import ConflictDialog

    record_id = _conflicted()
    dialog = ConflictDialog()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    assert set(dialog.picks()) == {"answer", "institution"}
    dialog.choose("answer", conflicts.HUB)
    if SHOTS:
        dialog.show()
        qtbot.waitExposed(dialog)
        os.makedirs(SHOTS, exist_ok=True)
        dialog.grab().save(os.path.join(SHOTS, "conflict_dialog.png"))
    with qtbot.waitSignal(dialog.resolved) as blocker:
        dialog.merge.click()
    assert blocker.args == [record_id, "sent"]
    local = inquiries.get_inquiry(record_id)
    assert (local.answer, local.institution, local.version) == (
        "Jawaban desk lain.",
        "Satker Uji",
        4,
    )
    assert outbox.depth() == 1 and conflicts.count() == 0
    assert dialog.list.count() == 0 and not dialog.merge.isEnabled()


def test_dialog_take_hub_and_keep_mine(qtbot, db, profile):
    from hai_desktop.gui.dialogs.conflict_dialog import ConflictDialog

    first, second = _conflicted("Satu?"), _conflicted("Dua?")
    dialog = ConflictDialog()
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    dialog.take_hub.click()
    dialog.keep_mine.click()
    taken = inquiries.get_inquiry(first)
    assert (taken.answer, taken.sync_status) == ("Jawaban desk lain.", "synced")
    kept = inquiries.get_inquiry(second)
    assert (kept.answer, kept.version, kept.sync_status) == ("Jawaban desk ini.", 4, "pending")
    assert outbox.depth() == 1


def test_history_says_konflik_and_opens_the_dialog(qtbot, window, monkeypatch):
    from hai_desktop.gui.dialogs import conflict_dialog

    _conflicted()
    view = window.history
    window.show_page("history")
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    column = [c.key for c in view.model.columns].index("sync_status")
    assert view.model.index(0, column).data() == "konflik"
    assert not view.conflict_button.isHidden()
    assert "1" in view.conflict_button.text()
    opened = []
    monkeypatch.setattr(conflict_dialog.ConflictDialog, "exec", lambda self: opened.append(1))
    view.conflict_button.click()
    assert opened == [1]
