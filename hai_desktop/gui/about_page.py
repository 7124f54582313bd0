"""*Tentang HAI Desk* (issue 13): a tab of the settings dialog with the desk's version, the hub
it talks to and that hub's version, the data folder and the licence; and the notice that the
hub announces a newer desk (the desk never downloads code by itself)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from hai_desktop.core import about
from hai_desktop.core.paths import ProfilePaths


def update_text(ctx: QObject, update: about.Update) -> str:
    """The words of the newer-desk notice (with where to get it, when the hub says)."""
    text = ctx.tr("Versi HAI Desk yang lebih baru tersedia: {version}.").format(
        version=update.version
    )
    if update.url:
        text += " " + ctx.tr("Unduh dari {url} atau minta bantuan petugas TI.").format(
            url=update.url
        )
    else:
        text += " " + ctx.tr("Minta petugas TI memasangnya.")
    return text


class AboutPage(QWidget):
    """The About tab (nothing to apply: it only shows)."""

    def __init__(self, settings, paths: ProfilePaths, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("aboutPage")
        self.title = self.tr("Tentang")
        info = about.about_info(paths.data_dir, getattr(settings, "hub_url", "") or None)
        layout = QFormLayout(self)

        def value(text: str, name: str) -> QLabel:
            label = QLabel(text)
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            return label

        layout.addRow(self.tr("Aplikasi"), value(info.app_name, "aboutApp"))
        layout.addRow(self.tr("Versi"), value(info.version, "aboutVersion"))
        layout.addRow(
            self.tr("HAI Hub"), value(info.hub_url or self.tr("belum diatur"), "aboutHub")
        )
        layout.addRow(
            self.tr("Versi HAI Hub"),
            value(
                info.hub_version or self.tr("belum diketahui (belum tersinkron)"), "aboutHubVersion"
            ),
        )
        layout.addRow(self.tr("Folder data"), value(info.data_dir, "aboutDataDir"))
        layout.addRow(self.tr("Lisensi"), value(info.licence, "aboutLicence"))
        notice = value(update_text(self, info.update) if info.update else "", "aboutUpdate")
        notice.setProperty("role", "attention")
        notice.setVisible(info.update is not None)
        self.update_label = notice
        layout.addRow("", notice)

    def apply(self, settings) -> None:
        """Nothing to save."""


def install(window: QWidget, paths: ProfilePaths, controller=None) -> None:
    """Add the About tab to the settings dialog and, once per session after a sync brought
    the reference, say so in the status bar when the hub announces a newer desk."""
    from hai_desktop.gui import messages
    from hai_desktop.gui.dialogs.settings_dialog import register_settings_page

    register_settings_page(lambda settings: AboutPage(settings, paths))
    told: list[str] = []

    def check(*_args) -> None:
        update = about.update_from_reference()
        if update is not None and update.version not in told:
            told.append(update.version)
            messages.info(update_text(window, update), 15000)

    if controller is not None:
        controller.sync_finished.connect(check)
    check()
