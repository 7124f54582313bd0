"""The log form's questions to the CSO (unsaved input before another action)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_discard(parent: QWidget) -> bool:
    """True when the CSO agrees to drop the unsaved input."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("InquiryForm", "Isian belum disimpan"))
    box.setText(
        QCoreApplication.translate("InquiryForm", "Isian saat ini belum disimpan. Buang isian ini?")
    )
    box.setStandardButtons(QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    # Our own texts: Qt ships no Indonesian translation of its standard buttons.
    box.button(QMessageBox.StandardButton.Discard).setText(
        QCoreApplication.translate("InquiryForm", "Buang")
    )
    box.button(QMessageBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("InquiryForm", "Batal")
    )
    box.exec()
    return box.clickedButton() is box.button(QMessageBox.StandardButton.Discard)


def ask_save_first(parent: QWidget, can_discard: bool) -> str:
    """ "save", "discard" or "cancel" for Another question with unsaved input."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("InquiryForm", "Isian belum disimpan"))
    box.setText(
        QCoreApplication.translate(
            "InquiryForm",
            "Simpan isian ini dulu, lalu catat pertanyaan lain dari pengunjung yang sama?",
        )
    )
    save = box.addButton(
        QCoreApplication.translate("InquiryForm", "Simpan dan lanjutkan"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    discard = None
    if can_discard:
        discard = box.addButton(
            QCoreApplication.translate("InquiryForm", "Buang isian"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
    cancel = box.addButton(
        QCoreApplication.translate("InquiryForm", "Batal"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is save:
        return "save"
    if discard is not None and clicked is discard:
        return "discard"
    return "cancel"


def ask_on_close(parent: QWidget) -> str:
    """ "save", "draft", "discard" or "cancel" when the window closes with unsaved input."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("InquiryForm", "Isian belum disimpan"))
    box.setText(
        QCoreApplication.translate(
            "InquiryForm", "Isian di formulir belum disimpan. Apa yang dilakukan sebelum keluar?"
        )
    )
    save = box.addButton(
        QCoreApplication.translate("InquiryForm", "Simpan"), QMessageBox.ButtonRole.AcceptRole
    )
    draft = box.addButton(
        QCoreApplication.translate("InquiryForm", "Simpan sebagai draf"),
        QMessageBox.ButtonRole.ActionRole,
    )
    discard = box.addButton(
        QCoreApplication.translate("InquiryForm", "Buang"), QMessageBox.ButtonRole.DestructiveRole
    )
    cancel = box.addButton(
        QCoreApplication.translate("InquiryForm", "Batal"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    return {save: "save", draft: "draft", discard: "discard"}.get(box.clickedButton(), "cancel")
