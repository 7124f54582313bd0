"""Sign in to the HAI Hub with the official e-mail and password.

The password is sent once to get a token and never stored; the token goes to the OS keyring
(or a private file). The network call runs off the GUI thread through ``runner``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

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

from hai_desktop.core.paths import ProfilePaths
from hai_desktop.gui import object_names as names

# runner(fn, on_done, on_error): run fn off the GUI thread, call back on the GUI thread.
Runner = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]], None]


def _run_inline(fn, on_done, on_error) -> None:
    try:
        result = fn()
    except BaseException as exc:  # handed to on_error like a worker would
        on_error(exc)
    else:
        on_done(result)


class SignInDialog(QDialog):
    """Hub address, official e-mail, password. Accepted once the hub gave a token."""

    def __init__(
        self,
        paths: ProfilePaths,
        hub_url: str = "",
        email: str = "",
        runner: Runner | None = None,
        message: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName(names.SIGNIN_DIALOG)
        self.setWindowTitle(self.tr("Masuk ke HAI Hub"))
        self.setMinimumWidth(420)
        self.paths = paths
        self.runner = runner or _run_inline
        self.user: dict | None = None

        intro = QLabel(
            message
            or self.tr(
                "Masuk dengan e-mail kedinasan untuk mengirim catatan ke HAI Hub. "
                "Kata sandi tidak disimpan di komputer ini."
            )
        )
        intro.setWordWrap(True)
        self.hub = QLineEdit(hub_url)
        self.hub.setObjectName(names.SIGNIN_HUB_URL)
        self.hub.setPlaceholderText("https://hai.djpb.kemenkeu.go.id")
        self.email = QLineEdit(email)
        self.email.setObjectName(names.SIGNIN_EMAIL)
        self.email.setPlaceholderText("nama@kemenkeu.go.id")
        self.password = QLineEdit()
        self.password.setObjectName(names.SIGNIN_PASSWORD)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName(names.SIGNIN_ERROR)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b91c1c;")
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Alamat HAI Hub"), self.hub)
        form.addRow(self.tr("E-mail kedinasan"), self.email)
        form.addRow(self.tr("Kata sandi"), self.password)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.tr("Masuk"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Nanti saja"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if hub_url and email else self.hub if not hub_url else self.email).setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def submit(self) -> None:
        """Validate the fields, then ask the hub for a token (off the GUI thread)."""
        hub = self.hub.text().strip()
        email = self.email.text().strip()
        password = self.password.text()
        if not hub.startswith(("https://", "http://")):
            self.show_error(self.tr("Alamat HAI Hub harus diawali https://"))
            return
        if "@" not in email:
            self.show_error(self.tr("Isi e-mail kedinasan."))
            return
        if not password:
            self.show_error(self.tr("Isi kata sandi."))
            return
        self.error.hide()
        self._set_busy(True)
        paths = self.paths

        def work():
            from hai_desktop.core.sync import account

            return account.sign_in(paths, hub, email, password)

        self.runner(work, self._on_signed_in, self._on_failed)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.hub, self.email, self.password, self.ok_button):
            widget.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def _on_signed_in(self, user: dict) -> None:
        self.password.clear()  # do not keep it around in the widget either
        self.user = user
        self._set_busy(False)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        from hai_desktop.core.sync.protocol import ErrorKind, HubError

        self._set_busy(False)
        self.password.clear()
        if isinstance(exc, HubError):
            if exc.kind is ErrorKind.AUTH:
                self.show_error(
                    self.tr("E-mail atau kata sandi salah, atau e-mail bukan e-mail kedinasan.")
                )
            else:
                from hai_desktop.gui.sync_texts import error_text

                self.show_error(error_text(exc))
        else:
            self.show_error(self.tr("Gagal masuk: %1").replace("%1", type(exc).__name__))
        self.password.setFocus()
