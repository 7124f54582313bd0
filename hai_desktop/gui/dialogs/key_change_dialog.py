"""Accepting the hub's new signing key: only with the fingerprint the centre announced.

The desk never re-pins a key by itself (a changed key is exactly what an impostor hub would
present). IT staff get the new key's fingerprint from the centre by another channel (phone,
official letter) and type it here; the key is pinned only when it matches. The same step
exists for scripts as ``hai-desktop broadcast key --accept FINGERPRINT``.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hai_desktop.core import broadcasts
from hai_desktop.core import broadcasts_verify as verify


class KeyChangeDialog(QDialog):
    """Shows the pinned and the new key's fingerprints; OK once the typed one matches."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyChangeDialog")
        self.setWindowTitle(self.tr("Kunci tanda tangan hub berubah"))
        pinned, change = verify.pinned_key(), verify.key_change()
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Hub menandatangani siaran dengan kunci baru. Terima hanya bila petugas TI "
                "sudah memastikan sidik jari kunci baru langsung dengan pusat (telepon atau "
                "surat resmi). Ketik sidik jari dari pusat di bawah ini."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.old_fp = QLabel(verify.fingerprint(pinned["public_key"]) if pinned else "—")
        self.new_fp = QLabel(verify.fingerprint(change["public_key"]) if change else "—")
        for label in (self.old_fp, self.new_fp):
            label.setObjectName("keyFingerprint")
        form.addRow(self.tr("Kunci tersimpan"), self.old_fp)
        form.addRow(self.tr("Kunci baru dari hub"), self.new_fp)
        self.typed = QLineEdit()
        self.typed.setObjectName("keyFingerprintInput")
        self.typed.setPlaceholderText(self.tr("Sidik jari dari pusat, mis. AB12 CD34 …"))
        form.addRow(self.tr("Sidik jari dari pusat"), self.typed)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Terima kunci baru"))
        self.ok_button.setEnabled(False)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.typed.textChanged.connect(self._on_typed)
        self.admitted: int | None = None  # notices that verify with the accepted key
        self._wanted = "".join(self.new_fp.text().split()) if change else None

    def _on_typed(self, text: str) -> None:
        typed = "".join(text.split()).upper()
        matches = self._wanted is not None and typed == self._wanted
        self.ok_button.setEnabled(matches)
        long_enough = len(typed) >= len(self._wanted or "")
        self.problem.setText(
            self.tr("Sidik jari tidak cocok dengan kunci baru hub.")
            if long_enough and not matches
            else ""
        )

    def _accept(self) -> None:
        self.admitted = broadcasts.accept_hub_key(self.typed.text())
        if self.admitted is not None:
            self.accept()
        else:
            self.problem.setText(self.tr("Kunci tidak diganti: sidik jari tidak cocok."))
