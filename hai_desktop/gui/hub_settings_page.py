"""The "HAI Hub" tab of the settings dialog: hub address, CA bundle, proxy, sync interval.

Registered with ``settings_dialog.register_settings_page`` by the sync controller's install.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from hai_desktop.gui import object_names as names

MIN_INTERVAL_S, MAX_INTERVAL_S = 10, 3600


class HubSettingsPage(QWidget):
    """Hub connection settings (a SettingsPage: ``title`` and ``apply(settings)``)."""

    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = self.tr("HAI Hub")
        layout = QFormLayout(self)

        self.hub_url = QLineEdit(getattr(settings, "hub_url", "") or "")
        self.hub_url.setObjectName(names.SETTINGS_HUB_URL)
        self.hub_url.setPlaceholderText("https://hai.djpb.kemenkeu.go.id")
        layout.addRow(self.tr("Alamat HAI Hub"), self.hub_url)

        self.ca_bundle = QLineEdit(getattr(settings, "ca_bundle", "") or "")
        self.ca_bundle.setObjectName(names.SETTINGS_CA_BUNDLE)
        self.ca_bundle.setPlaceholderText(self.tr("kosong = sertifikat sistem"))
        browse = QPushButton(self.tr("Pilih…"))
        browse.clicked.connect(self._browse_ca)
        row = QHBoxLayout()
        row.addWidget(self.ca_bundle, 1)
        row.addWidget(browse)
        layout.addRow(self.tr("Berkas CA (PEM)"), row)

        self.proxy = QLineEdit(getattr(settings, "proxy", "") or "")
        self.proxy.setObjectName(names.SETTINGS_PROXY)
        self.proxy.setPlaceholderText(self.tr("kosong = proxy sistem"))
        layout.addRow(self.tr("Proxy"), self.proxy)

        self.interval = QSpinBox()
        self.interval.setObjectName(names.SETTINGS_SYNC_INTERVAL)
        self.interval.setRange(MIN_INTERVAL_S, MAX_INTERVAL_S)
        self.interval.setSuffix(self.tr(" detik"))
        self.interval.setValue(int(getattr(settings, "sync_interval_s", 60) or 60))
        layout.addRow(self.tr("Sinkron otomatis setiap"), self.interval)

        note = QLabel(
            self.tr(
                "Catatan selalu tersimpan di komputer ini lebih dulu; sinkronisasi "
                "mengirimnya ke HAI Hub saat jaringan tersedia."
            )
        )
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        layout.addRow("", note)

    def _browse_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas CA"), "", self.tr("Sertifikat (*.pem *.crt);;Semua (*)")
        )
        if path:
            self.ca_bundle.setText(path)

    def apply(self, settings) -> None:
        settings.hub_url = self.hub_url.text().strip().rstrip("/")
        settings.ca_bundle = self.ca_bundle.text().strip()
        settings.proxy = self.proxy.text().strip()
        settings.sync_interval_s = int(self.interval.value())
