"""Pengaturan → Akun: the CSO profile and the hub account, changeable after the first start.

- *Ubah profil…*: the profile dialog, filled in; the window shows the new name and office.
- *Keluar dari hub*: revoke the token at the hub (when reachable) and forget it here. Records
  stay on this desk and in the outbox: they are sent after the next sign-in.
- *Masuk / pindah hub…*: the sign-in dialog, where the hub's address can be another one
  (``account.sign_in`` resets the feeds' cursors and pins the new hub's key).
The page reads the account and the outbox depth once when the dialog opens (tiny reads);
signing out runs on the sync controller's network thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from hai_desktop.core import outbox
from hai_desktop.core.sync import account as sync_account
from hai_desktop.gui import messages

ROLE_WORDS = {
    "cso": "CSO",
    "agent": "agen HAI-DJPBN",
    "supervisor": "supervisor",
    "broadcaster": "penyiar",
    "admin": "admin",
}


class AccountPage(QWidget):
    """A settings page (``title``, ``apply``); its buttons act at once, not on Save."""

    def __init__(self, window, settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.window_ = window
        self.title = self.tr("Akun")
        self.setObjectName("accountPage")
        layout = QFormLayout(self)
        self.profile_label = QLabel()
        self.profile_label.setObjectName("accountProfile")
        self.profile_label.setWordWrap(True)
        self.edit_profile = QPushButton(self.tr("Ubah profil…"))
        self.edit_profile.setObjectName("accountEditProfile")
        self.edit_profile.clicked.connect(self.change_profile)
        layout.addRow(self.tr("Profil"), self.profile_label)
        layout.addRow("", self.edit_profile)

        self.hub_label = QLabel()
        self.hub_label.setObjectName("accountHub")
        self.hub_label.setWordWrap(True)
        layout.addRow(self.tr("HAI Hub"), self.hub_label)
        row = QHBoxLayout()
        self.sign_in_button = QPushButton(self.tr("Masuk / pindah hub…"))
        self.sign_in_button.setObjectName("accountSignIn")
        self.sign_in_button.clicked.connect(self.sign_in)
        self.sign_out_button = QPushButton(self.tr("Keluar dari hub"))
        self.sign_out_button.setObjectName("accountSignOut")
        self.sign_out_button.clicked.connect(self.sign_out)
        row.addWidget(self.sign_in_button)
        row.addWidget(self.sign_out_button)
        row.addStretch(1)
        layout.addRow("", row)
        note = QLabel(
            self.tr(
                "Catatan tetap tersimpan di komputer ini. Yang belum terkirim dikirim setelah "
                "Anda masuk lagi."
            )
        )
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        layout.addRow("", note)
        self.refresh()

    def apply(self, settings) -> None:
        """Nothing to copy: the buttons act at once."""

    # -- actions --------------------------------------------------------------------------
    def refresh(self) -> None:
        profile = getattr(self.window_, "profile", None)
        if profile is not None:
            from hai_desktop.core import reference

            office = reference.name_of("offices", profile.office_code)
            self.profile_label.setText(f"{profile.name} · {profile.email}\n{office}")
        else:
            self.profile_label.setText(self.tr("Belum ada profil."))
        acct = sync_account.account() or {}
        signed_in = self._has_token()
        if signed_in and acct.get("email"):
            role = ROLE_WORDS.get(acct.get("role") or "", acct.get("role") or "")
            self.hub_label.setText(
                self.tr("Masuk sebagai %1 (%2) di %3")
                .replace("%1", acct["email"])
                .replace("%2", role)
                .replace("%3", acct.get("hub_url") or "")
            )
        else:
            self.hub_label.setText(self.tr("Belum masuk ke HAI Hub."))
        self.sign_out_button.setEnabled(signed_in)

    def change_profile(self) -> None:
        from hai_desktop.gui.dialogs.profile_dialog import ProfileDialog

        dialog = ProfileDialog(self.window_.tasks, self)
        if self.window_.profile is not None:
            dialog.prefill(self.window_.profile)
        if dialog.exec() == ProfileDialog.DialogCode.Accepted and dialog.profile is not None:
            self.window_.set_profile(dialog.profile)
            messages.info(self.tr("Profil disimpan."))
            self.refresh()

    def sign_in(self) -> None:
        from hai_desktop.gui.sync_controller import open_signin

        controller = getattr(self.window_, "sync_controller", None)
        if controller is None:
            return
        open_signin(self.window_, self.window_.paths, controller)
        dialog = getattr(self.window_, "_signin_dialog", None)
        if dialog is not None:
            dialog.finished.connect(lambda _result: self.refresh())

    def confirm_sign_out(self, waiting: int) -> bool:
        """Ask before signing out (tests replace this)."""
        text = self.tr("Keluar dari HAI Hub di desk ini?")
        if waiting:
            text += "\n\n" + self.tr(
                "%n catatan belum terkirim; tetap tersimpan dan dikirim setelah masuk lagi.",
                "",
                waiting,
            )
        answer = QMessageBox.question(self, self.tr("Keluar dari hub"), text)
        return answer == QMessageBox.StandardButton.Yes

    def sign_out(self) -> None:
        if not self.confirm_sign_out(outbox.depth()):
            return
        controller = getattr(self.window_, "sync_controller", None)
        paths = self.window_.paths
        self.sign_out_button.setEnabled(False)

        def work() -> None:
            client = None
            try:
                client = sync_account.default_client_factory(paths)()
            except Exception:  # noqa: BLE001 - no hub or no token: forget locally anyway
                client = None
            try:
                sync_account.sign_out(paths, client)
            finally:
                if client is not None:
                    client.close()

        def done(_result=None) -> None:
            messages.info(self.tr("Keluar dari HAI Hub."))
            self.refresh()
            if controller is not None:
                controller.request_sync(force=True)  # the indicator says "perlu masuk"

        def failed(_exc: BaseException) -> None:
            self.refresh()
            messages.error(self.tr("Tidak dapat keluar dari HAI Hub."))

        if controller is not None:
            controller.run_for_dialog(work, done, failed)
        else:
            work()
            done()

    def _has_token(self) -> bool:
        from hai_desktop.core import credentials

        paths = getattr(self.window_, "paths", None)
        return bool(paths is not None and credentials.load_token(paths))


def install(window, paths, controller) -> None:
    """Add the Akun tab to Pengaturan for this window."""
    from hai_desktop.gui.dialogs.settings_dialog import register_settings_page

    register_settings_page(lambda settings: AccountPage(window, settings), key="account")
