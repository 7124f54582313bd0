"""The monthly report's PDF (issue 11): two A4 pages, the name, office, period, signature
block and the not-binding note in its text; written off the GUI thread; rendered to PNG."""

from __future__ import annotations

import random
import threading
from datetime import UTC, date, datetime

from hai_desktop.core import reports
from hai_desktop.core.exports import labels
from tests import report_data

OFFICE = "KPPN-BANDA-ACEH"
NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


def _figures(db, n=200):
    times = report_data.month_times("2026-11", n, random.Random(9))
    report_data.insert(db, OFFICE, times, seed=9)
    return reports.monthly("2026-11", OFFICE, now=NOW)


def _text(path) -> str:
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(doc.getAllText(i).text() for i in range(doc.pageCount()))
    pages = doc.pageCount()
    doc.close()
    return pages, " ".join(text.split())


def render_page(pdf, png, page: int = 0, width: int = 1240) -> None:
    """A page of the PDF as a PNG (QtPdf: no pdftoppm on this machine)."""
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(pdf))
    size = doc.pagePointSize(page)
    image = doc.render(page, QSize(width, int(width * size.height() / size.width())))
    image.save(str(png))
    doc.close()


def test_pdf_pages_and_words(qapp, db, profile, tmp_path):
    from hai_desktop.gui.views import report_pdf

    figures = _figures(db)
    out = tmp_path / "nov.pdf"
    assert report_pdf.write_pdf(out, figures, OFFICE, today=date(2026, 12, 2)) == 2
    assert out.read_bytes().startswith(b"%PDF")
    pages, text = _text(out)
    assert pages == 2
    for words in (
        "HAI-DJPBN",
        "November 2026",
        "Kepala Kantor",
        "tidak mengikat",
        "Per Bidang",
        "Tren Harian",
        "Pertanyaan Terbanyak",
        "2 Desember 2026",
    ):
        assert words in text, words
    assert "Banda Aceh" in text.title() or "BANDA" in text.upper()
    render_page(out, tmp_path / "p1.png")
    assert (tmp_path / "p1.png").stat().st_size > 10_000


def test_pdf_off_the_gui_thread_and_empty_month(qapp, db, profile, tmp_path):
    from hai_desktop.gui.views import report_pdf

    figures = reports.monthly("2026-11", OFFICE, now=NOW)
    out = tmp_path / "empty.pdf"
    errors = []

    def work():
        try:
            report_pdf.write_pdf(out, figures, OFFICE)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    t = threading.Thread(target=work)
    t.start()
    t.join(30)
    assert not errors
    pages, text = _text(out)
    assert pages == 2 and "Tidak ada data" in text and labels.APP_NAME in text
