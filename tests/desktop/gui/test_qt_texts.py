"""Qt's own texts (standard buttons, edit menus) are Indonesian when the UI is."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from hai_desktop.gui.app import install_translator


def test_indonesian_ui_translates_qt_standard_buttons_and_menus(qapp):
    app = QApplication.instance()
    translator = install_translator(app, "id")
    try:
        box = QMessageBox()
        box.setStandardButtons(
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
        )
        assert box.button(QMessageBox.StandardButton.Discard).text() == "Buang"
        assert box.button(QMessageBox.StandardButton.Cancel).text() == "Batal"
        assert QCoreApplication.translate("QLineEdit", "&Paste") == "&Tempel"
        assert QCoreApplication.translate("QWidgetTextControl", "Select All") == "Pilih semua"
        # Our own (Indonesian source) texts pass through untouched.
        assert QCoreApplication.translate("InquiryForm", "Pengunjung baru") == "Pengunjung baru"
    finally:
        app.removeTranslator(translator)
