"""First-run profile: the CSO's name, official e-mail and office."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import reference
from hai_desktop.core.errors import ValidationError
from hai_desktop.core.profile_store import set_profile
from hai_desktop.gui import object_names as names
from hai_desktop.gui.error_texts import text as message_text
from hai_desktop.gui.tasks import TaskManager
from hai_desktop.gui.widgets import ErrorLabel, SearchableComboBox


class ProfileDialog(QDialog):
    """Asks for the CSO profile; saved through the database worker."""

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(names.PROFILE_DIALOG)
        self.tasks = tasks
        self.profile = None
        self.setWindowTitle(self.tr("Profil petugas layanan"))
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        title = QLabel(self.tr("Selamat datang di HAI Desk"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Sebelum mulai mencatat layanan, isi profil Anda. Profil ini dipakai untuk setiap "
                "catatan layanan yang dikirim ke HAI-DJPBN."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        self.name = QLineEdit()
        self.name.setObjectName(names.PROFILE_NAME)
        self.name.setPlaceholderText(self.tr("Nama lengkap"))
        self.email = QLineEdit()
        self.email.setObjectName(names.PROFILE_EMAIL)
        self.email.setPlaceholderText(self.tr("nama@kemenkeu.go.id"))
        self.office = SearchableComboBox()
        self.office.setObjectName(names.PROFILE_OFFICE)
        for item in reference.items("offices"):
            self.office.addItem(item["name"], item["code"])
        self.office.setCurrentIndex(-1)
        self.office.lineEdit().setPlaceholderText(self.tr("Ketik untuk mencari kantor…"))
        self._errors: dict[str, ErrorLabel] = {}
        for label, field, widget in (
            (self.tr("Nama"), "name", self.name),
            (self.tr("E-mail kedinasan"), "email", self.email),
            (self.tr("Kantor"), "office_code", self.office),
        ):
            cell = QWidget()
            cell_layout = QVBoxLayout(cell)
            cell_layout.setContentsMargins(0, 0, 0, 0)
            cell_layout.setSpacing(2)
            cell_layout.addWidget(widget)
            error = ErrorLabel(names.error_name(widget.objectName()))
            cell_layout.addWidget(error)
            self._errors[field] = error
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, cell)
        layout.addLayout(form)

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("Simpan profil"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName(names.PROFILE_SAVE)
        self.save_button.setProperty("role", "primary")
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def prefill(self, profile) -> None:
        """Edit an existing profile (Pengaturan → Akun) instead of a first-run one."""
        self.setWindowTitle(self.tr("Ubah profil petugas layanan"))
        self.name.setText(profile.name or "")
        self.email.setText(profile.email or "")
        index = self.office.findData(profile.office_code)
        if index >= 0:
            self.office.setCurrentIndex(index)

    def save(self) -> None:
        name = self.name.text().strip()
        email = self.email.text().strip()
        office = self.office.selected_code() or ""
        self.save_button.setEnabled(False)
        self.tasks.run_db(lambda: set_profile(name, email, office), self._on_saved, self._on_failed)

    def show_errors(self, errors: dict[str, str]) -> None:
        for field, label in self._errors.items():
            code = errors.get(field)
            label.show_message(message_text(code) if code else None)

    def _on_saved(self, profile) -> None:
        self.profile = profile
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
            return
        raise exc
