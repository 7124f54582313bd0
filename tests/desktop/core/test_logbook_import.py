"""Importing an Excel logbook (issue 11): header below title rows, mapping guessed from
Indonesian headers, mixed date forms, merged cells, row-level problems, idempotent re-import
through the outbox, bad files refused before anything is written, the CLI's counts."""

from __future__ import annotations

from datetime import date, datetime, time

import openpyxl
import pytest

from hai_desktop import cli
from hai_desktop.core import logbook_import as imp
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.logbook_read import LogbookError, guess_mapping, read_sheet
from tests.logbook_data import write_logbook

OFFICE = "KPPN-BANDA-ACEH"


def _count(sql: str) -> int:
    return database_proxy.obj.execute_sql(sql).fetchone()[0]


def test_date_forms():
    assert imp.parse_date("26/11/2026") == date(2026, 11, 26)
    assert imp.parse_date("26-11-2026 08.15") == datetime(2026, 11, 26, 8, 15)
    assert imp.parse_date(46352) == date(2026, 11, 26)
    assert imp.parse_date(46352.5) == datetime(2026, 11, 26, 12, 0)
    assert imp.parse_date("2026-11-26") == date(2026, 11, 26)
    assert imp.parse_date("Kamis, 26 November 2026") == date(2026, 11, 26)
    assert imp.parse_date("26 Nop 2026") == date(2026, 11, 26)
    assert imp.parse_date("31/02/2026") is None and imp.parse_date("besok") is None
    assert imp.parse_date(12) is None
    assert imp.parse_clock("08.15") == time(8, 15) and imp.parse_clock(0.5) == time(12, 0)


def test_mapping_guessed_from_indonesian_headers():
    m = guess_mapping(["No", "Tgl.", "Nama Tamu", "Kode Satker", "K/L", "Permasalahan",
                       "Solusi", "Kategori", "Via", "Status"])  # fmt: skip
    assert m == {"date": 1, "visitor_name": 2, "satker_code": 3, "institution": 4,
                 "question": 5, "answer": 6, "department": 7, "channel": 8, "outcome": 9}  # fmt: skip


def test_import_then_reimport_creates_nothing(db, profile, tmp_path):
    path = write_logbook(tmp_path / "log.xlsx", 200, datetime(2026, 11, 2))
    sheet = read_sheet(path)
    assert sheet.headers[1] == "Tanggal" and sheet.rows[sheet.header_index][0] == 3
    dry = imp.import_logbook(path, OFFICE, dry_run=True)
    assert (len(dry.new), dry.already, len(dry.problems)) == (200, 0, 0)
    assert _count("SELECT COUNT(*) FROM inquiry") == 0
    first = imp.import_logbook(path, OFFICE)
    assert first.imported == 200
    assert _count("SELECT COUNT(*) FROM inquiry WHERE clock_offset_s = 0") == 200
    assert _count("SELECT COUNT(*) FROM outbox WHERE record_type = 'inquiry'") == 200
    assert _count("SELECT COUNT(*) FROM inquiry WHERE counted_at LIKE '2026-11%'") == 200
    again = imp.import_logbook(path, OFFICE)
    assert (again.imported, again.already) == (0, 200)
    assert _count("SELECT COUNT(*) FROM inquiry") == 200
    row = database_proxy.obj.execute_sql(
        "SELECT created_at, department, channel, outcome, satker_code FROM inquiry"
        " WHERE visitor_name = 'Tamu 0'"
    ).fetchone()
    assert row[0] == "2026-11-02T01:00:00.000Z"  # 08:00 WIB
    assert row[1] == "PA" and row[2] == "tatap_muka" and row[3] == "answered"
    assert len(row[4]) == 6


def test_row_problems_listed_with_numbers(db, profile, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Rekap pengunjung"])
    ws.append(["Tanggal", "Nama", "Pertanyaan", "Jawaban", "Bidang"])
    ws.append(["26/11/2026", "Ani", "Tanya A", "Jawab", "PA"])  # row 3 fine
    ws.append(["31/02/2026", "Budi", "Tanya B", "Jawab", "PA"])  # 4: bad date
    ws.append([None, "Citra", "Tanya C", "Jawab", "PA"])  # 5: no date
    ws.append(["26/11/2026", "Dodi", "Tanya D", "Jawab", "Bidang Aneh"])  # 6: dept
    ws.append(["26/11/2026", "", "Tanya E", "Jawab", "PA"])  # 7: no name
    ws.append(["01/01/2099", "Eka", "Tanya F", "Jawab", "PA"])  # 8: future
    ws.append(["26/11/2026", "Ani", "Tanya A", "Jawab", "PA"])  # 9: same as 3: own id
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    p = imp.import_logbook(path, OFFICE)
    got = {(x.row, x.code) for x in p.problems}
    assert got == {(4, "date_invalid"), (5, "date_missing"), (6, "department_unknown"),
                   (7, "required"), (8, "date_future")}  # fmt: skip
    assert p.imported == 2
    assert imp.import_logbook(path, OFFICE).already == 2


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "xls_format"),
        ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "file_encrypted"),
        ("broken.xlsx", b"PK\x03\x04 this is not a zip", "file_corrupt"),
        ("text.xlsx", b"hello", "file_corrupt"),
    ],
)
def test_bad_files_refused(db, profile, tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LogbookError) as err:
        imp.import_logbook(path, OFFICE)
    assert err.value.code == code
    assert _count("SELECT COUNT(*) FROM inquiry") == 0


def test_merged_date_cells_fill_their_rows(db, profile, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Tanggal", "Nama", "Pertanyaan", "Jawaban", "Bidang"])
    ws.append([datetime(2026, 11, 26), "Ani", "Q1", "A", "PA"])
    ws.append([None, "Budi", "Q2", "A", "PKN"])
    ws.append([None, "Citra", "Q3", "A", "SP"])
    ws.merge_cells("A2:A4")
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    p = imp.import_logbook(path, OFFICE)
    assert (p.imported, p.problems) == (3, [])
    assert _count("SELECT COUNT(*) FROM inquiry WHERE created_at LIKE '2026-11-25T17%'") == 3


def test_csv_logbook_and_missing_header(db, profile, tmp_path):
    path = tmp_path / "log.csv"
    path.write_text("Tanggal;Nama;Pertanyaan;Jawaban;Bidang\n26/11/2026;Ani;Tanya;Jawab;PA\n",
                    encoding="utf-8-sig")  # fmt: skip
    assert imp.import_logbook(path, OFFICE).imported == 1
    plain = tmp_path / "plain.csv"
    plain.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(LogbookError) as err:
        imp.import_logbook(plain, OFFICE)
    assert err.value.code == "no_header"


def test_cli_import_counts_and_errors(db, profile, paths, tmp_path, capsys):
    path = write_logbook(tmp_path / "log.xlsx", 40, datetime(2026, 11, 2))
    wb = openpyxl.load_workbook(path)
    wb.active.append([41, "32/13/2026", "09:00", "Rusak", "1", "X", "Q", "A", "PA", "", ""])
    wb.save(path)
    db.close()
    code = cli.main(["--data-dir", str(paths.data_dir), "import", str(path), "--dry-run"])
    out = capsys.readouterr().out
    assert code == cli.EXIT_FAILED
    assert "Uji coba" in out and "akan diimpor 40" in out and "tidak terbaca 1" in out
    assert 'Tanggal: tanggal tidak terbaca ("32/13/2026")' in out and "Baris " in out
    cli.main(["--data-dir", str(paths.data_dir), "import", str(path)])
    assert "Diimpor 40, sudah ada 0, tidak terbaca 1." in capsys.readouterr().out
    cli.main(["--data-dir", str(paths.data_dir), "import", str(path)])
    assert "Diimpor 0, sudah ada 40" in capsys.readouterr().out
    bad = tmp_path / "x.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    assert cli.main(["--data-dir", str(paths.data_dir), "import", str(bad)]) == cli.EXIT_FAILED
    assert ".xls" in capsys.readouterr().err


def test_cli_export_all_formats(qapp, db, profile, paths, tmp_path, capsys):
    # qapp: the PDF export would otherwise make a QGuiApplication in this process, and
    # later widget tests cannot run under one.
    path = write_logbook(tmp_path / "log.xlsx", 30, datetime(2026, 11, 1))
    imp.import_logbook(path, OFFICE)
    db.close()
    for fmt in ("xlsx", "csv", "pdf"):
        out = tmp_path / f"r.{fmt}"
        code = cli.main(["--data-dir", str(paths.data_dir), "export", "--month", "2026-11",
                         "--format", fmt, "--out", str(out)])  # fmt: skip
        assert code == cli.EXIT_OK, capsys.readouterr()
        assert out.stat().st_size > 0
        assert "30 layanan" in capsys.readouterr().out
    code = cli.main(["--data-dir", str(paths.data_dir), "export", "--month", "2099-01",
                     "--format", "csv", "--out", str(tmp_path / "f.csv")])  # fmt: skip
    assert code == cli.EXIT_USAGE and "belum tiba" in capsys.readouterr().err


def test_cli_hard_case_pdf(qapp, db, profile, paths, tmp_path, capsys):
    from PySide6.QtPdf import QPdfDocument

    from hai_desktop.core.inquiries import save_inquiry
    from hai_desktop.core.inquiries_form import InquiryInput

    saved = save_inquiry(
        InquiryInput(channel="telepon", department="PA", visitor_name="Rahasia Sekali",
                     phone="0812-555-0199", question="SP2D tertahan karena rekening diblokir",
                     answer="Dijelaskan prosedur pembukaan blokir.", outcome="answered",
                     basis_regulations=["PMK 190/PMK.05/2012"])
    )  # fmt: skip
    db.close()
    out = tmp_path / "kasus.pdf"
    code = cli.main(["--data-dir", str(paths.data_dir), "hard-case", saved.id, "--out", str(out),
                     "--conclusion", "Perlu panduan tertulis untuk satker."])  # fmt: skip
    assert code == cli.EXIT_OK, capsys.readouterr()
    doc = QPdfDocument()
    doc.load(str(out))
    text = " ".join(" ".join(doc.getAllText(i).text() for i in range(doc.pageCount())).split())
    doc.close()
    for words in ("Laporan Kasus Sulit", "Permasalahan", "Informasi yang diberikan",
                  "PMK 190/PMK.05/2012", "Perlu panduan tertulis", "Kepala Kantor",
                  "tidak mengikat"):  # fmt: skip
        assert words in text, words
    assert "Rahasia" not in text and "0812-555-0199" not in text
    assert cli.main(["--data-dir", str(paths.data_dir), "hard-case", "nope", "--out",
                     str(out)]) == cli.EXIT_FAILED  # fmt: skip
