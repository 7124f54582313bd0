"""The hard-case report (decree Lampiran III.3.1.2) as PDF: a QTextDocument printed with
QPdfWriter (thread-safe: no widgets), the HAI-DJPBN name, the case, the signature block and
the not-legally-binding note of decree V.e.5."""

from __future__ import annotations

import html
import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from hai_desktop.core.exports import labels, numbers
from hai_desktop.core.hard_case import HardCase

TITLE = "Laporan Kasus Sulit"


def _p(text: str) -> str:
    return html.escape(text or "-").replace("\n", "<br>")


def to_html(case: HardCase, today: date) -> str:
    """The report as simple HTML (QTextDocument's subset)."""
    rows = [("Kantor", case.office), ("Tanggal layanan", case.date), ("Kanal", case.channel),
            ("Bidang", case.department), ("Aplikasi", case.application or "-"),
            ("Instansi / satker", case.institution or "-"), ("Hasil layanan", case.outcome),
            ("ID catatan", case.inquiry_id)]  # fmt: skip
    table = "".join(
        f"<tr><td width='32%'><b>{html.escape(k)}</b></td><td>{_p(v)}</td></tr>" for k, v in rows
    )
    regs = "".join(f"<li>{_p(r)}</li>" for r in case.regulations) or "<p>-</p>"
    return f"""
<h2 style='color:#1f5fa8'>{labels.APP_NAME}</h2>
<h3>{TITLE}</h3>
<table cellspacing='0' cellpadding='3' border='0'>{table}</table>
<h4>1. Permasalahan</h4><p>{_p(case.problem)}</p>
<h4>2. Informasi yang diberikan</h4><p>{_p(case.information)}</p>
<h4>3. Peraturan terkait</h4><ul>{regs}</ul>
<h4>4. Kesimpulan dan/atau rekomendasi</h4><p>{_p(case.conclusion)}</p>
<br><table width='100%'><tr><td width='55%'></td><td>
{numbers.day_date(today.isoformat())}<br>{labels.SIGNATURE_ROLE}<br>{html.escape(case.office)}
<br><br><br><br>(........................................)<br>NIP.</td></tr></table>
<p style='color:#5b6673'><i>{html.escape(labels.NOT_BINDING)}</i></p>
"""


def write_pdf(path: Path | str, case: HardCase, today: date | None = None) -> None:
    """Print the hard case to ``path`` (through a temporary file)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setResolution(96)
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait,
                    QMarginsF(18, 18, 18, 18), QPageLayout.Millimeter)
    )  # fmt: skip
    writer.setTitle(f"{TITLE} {case.inquiry_id}")
    writer.setCreator(labels.APP_NAME)
    doc = QTextDocument()
    doc.setDefaultStyleSheet("body { font-family: 'DejaVu Sans'; font-size: 10pt; }")
    doc.setHtml(to_html(case, today or date.today()))
    doc.setPageSize(QSizeF(writer.width(), writer.height()))
    doc.print_(writer)
    try:
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
