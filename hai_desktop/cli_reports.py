"""``hai-desktop export`` and ``hai-desktop import`` (registered by ``hai_desktop.cli``).

- ``export --month 2026-11 --format xlsx|pdf|csv --out FILE [--include-contact]``: the
  monthly report of this desk's office, headless. The PDF needs Qt's PDF writer: Qt is
  loaded for that format only (offscreen platform when there is no display).
- ``hard-case ID --out FILE.pdf [--conclusion TEXT]``: the hard-case report of an inquiry
  (decree Lampiran III.3.1.2: problem and information given, regulation, conclusion).
- ``import FILE.xlsx [--dry-run] [--bidang KODE] [--kanal KODE]``: an existing Excel logbook
  into the outbox like new entries; prints the counts (imported, already there,
  unreadable) and every unreadable row with its number and the reason, in Indonesian.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from hai_desktop.cli import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CommandFailed,
    paths_from_args,
    profile_db,
)

FILE_ERRORS = {
    "file_missing": "Berkas tidak ditemukan.",
    "xls_format": "Format .xls (Excel 97-2003) tidak didukung: simpan ulang sebagai .xlsx.",
    "file_encrypted": "Berkas dilindungi kata sandi: buka di Excel, hapus kata sandinya, "
    "simpan, lalu impor lagi.",
    "file_corrupt": "Berkas rusak atau bukan berkas Excel (.xlsx) / CSV.",
    "sheet_empty": "Lembar kerja pertama kosong.",
    "no_header": "Baris judul kolom (Tanggal, Nama, Pertanyaan, …) tidak ditemukan.",
}
FIELD_NAMES = {
    "date": "Tanggal", "time": "Jam", "visitor_name": "Nama", "satker_code": "Kode satker",
    "institution": "Instansi", "phone": "Telepon", "email": "E-mail", "question": "Pertanyaan",
    "answer": "Jawaban", "department": "Bidang", "channel": "Kanal", "application": "Aplikasi",
    "outcome": "Hasil", "out_of_scope_reason": "Alasan di luar lingkup",
}  # fmt: skip
ROW_ERRORS = {
    "date_missing": "tanggal kosong",
    "date_invalid": "tanggal tidak terbaca",
    "date_future": "tanggal di masa depan",
    "department_unknown": "bidang tidak dikenal",
    "channel_unknown": "kanal tidak dikenal",
    "required": "wajib diisi",
    "answer_required": "hasil 'terjawab' memerlukan jawaban",
    "too_long": "terlalu panjang",
    "satker_invalid": "kode satker harus 6 angka",
    "phone_invalid": "nomor telepon tidak valid",
    "email_invalid": "alamat email tidak valid",
    "unknown_code": "nilai tidak dikenal",
    "time_invalid": "waktu tidak terbaca",
    "time_order": "waktu selesai sebelum waktu mulai",
}
REPORT_ERRORS = {
    "month_invalid": "Bulan harus berbentuk TTTT-BB, misalnya 2026-11.",
    "month_future": "Bulan itu belum tiba.",
}


def register(subparsers, parents: list[argparse.ArgumentParser]) -> None:
    """Add ``export`` and ``import`` to the CLI's subparsers."""
    ex = subparsers.add_parser("export", parents=parents, help="ekspor laporan bulanan")
    ex.add_argument("--month", required=True, metavar="TTTT-BB", help="bulan, mis. 2026-11")
    ex.add_argument("--format", required=True, choices=("xlsx", "pdf", "csv"))
    ex.add_argument("--out", required=True, metavar="BERKAS")
    ex.add_argument(
        "--include-contact", action="store_true",
        help="sertakan nama, telepon dan email pengunjung (data pribadi)",
    )  # fmt: skip
    ex.add_argument("--delimiter", default=";", choices=(";", ","), help="pemisah CSV")
    ex.set_defaults(func=cmd_export)

    im = subparsers.add_parser("import", parents=parents, help="impor logbook Excel")
    im.add_argument("file", metavar="BERKAS.xlsx")
    im.add_argument("--dry-run", action="store_true", help="periksa saja, tanpa menyimpan")
    im.add_argument("--bidang", default="", metavar="KODE", help="bidang bila tidak ada kolomnya")
    im.add_argument("--kanal", default="tatap_muka", metavar="KODE", help="kanal bawaan")
    im.add_argument("--max-errors", type=int, default=200, help="baris galat yang dicetak")
    im.set_defaults(func=cmd_import)

    hc = subparsers.add_parser("hard-case", parents=parents, help="laporan kasus sulit (PDF)")
    hc.add_argument("id", help="ID catatan layanan")
    hc.add_argument("--out", required=True, metavar="BERKAS.pdf")
    hc.add_argument("--conclusion", default="", help="kesimpulan dan/atau rekomendasi")
    hc.set_defaults(func=cmd_hard_case)


def _office() -> str:
    from hai_desktop.core.profile_store import get_profile

    profile = get_profile()
    if profile is None or not profile.office_code:
        raise CommandFailed(
            "Profil CSO belum diisi: jalankan 'hai-desktop profile set'.", EXIT_USAGE
        )
    return profile.office_code


def _qt_app():
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication(sys.argv[:1])


def cmd_export(args: argparse.Namespace) -> int:
    from hai_desktop.core import reports

    out = Path(args.out)
    if not out.parent.is_dir():
        raise CommandFailed(f"Folder {out.parent} tidak ada.", EXIT_USAGE)
    started = time.perf_counter()
    with profile_db(paths_from_args(args), must_exist=True, check="auto"):
        office = _office()
        try:
            figures = reports.monthly(args.month, office)
        except reports.ReportError as exc:
            raise CommandFailed(REPORT_ERRORS[exc.code], EXIT_USAGE) from None
        if args.format == "xlsx":
            from hai_desktop.core.exports.xlsx_export import write_xlsx

            n = write_xlsx(out, figures, args.month, office, args.include_contact)
            what = f"{n} baris layanan"
        elif args.format == "csv":
            from hai_desktop.core.exports.csv_export import write_csv

            n = write_csv(out, args.month, office, args.include_contact, args.delimiter)
            what = f"{n} baris layanan"
        else:
            app = _qt_app()  # noqa: F841 - QPdfWriter needs a QGuiApplication
            from hai_desktop.gui.views.report_pdf import write_pdf

            what = f"{write_pdf(out, figures, office)} halaman"
    took = time.perf_counter() - started
    print(f"Laporan {args.month} ({figures['inquiries']} layanan) tersimpan di {out}: {what}"
          f" ({took:.1f} dtk).")  # fmt: skip
    return EXIT_OK


def problem_text(problem) -> str:
    """A row problem in Indonesian: ``Baris 12: Tanggal: tanggal tidak terbaca ("31/02")``."""
    reason = ROW_ERRORS.get(problem.code, problem.code)
    field = FIELD_NAMES.get(problem.field, problem.field)
    value = f' ("{problem.value}")' if problem.value else ""
    return f"Baris {problem.row}: {field}: {reason}{value}"


def cmd_import(args: argparse.Namespace) -> int:
    from hai_desktop.core import logbook_import
    from hai_desktop.core.logbook_read import LogbookError

    with profile_db(paths_from_args(args), must_exist=True):
        office = _office()
        opts = logbook_import.Options(channel=args.kanal, department=args.bidang)
        try:
            result = logbook_import.import_logbook(args.file, office, opts, dry_run=args.dry_run)
        except LogbookError as exc:
            raise CommandFailed(f"{args.file}: {FILE_ERRORS.get(exc.code, exc.code)}") from None
    cols = ", ".join(f'{FIELD_NAMES.get(f, f)} ← "{h}"' for f, h in result.mapping.items())
    print(f"Lembar '{result.sheet}', kolom: {cols}")
    for problem in result.problems[: args.max_errors]:
        print(problem_text(problem))
    if len(result.problems) > args.max_errors:
        print(f"… dan {len(result.problems) - args.max_errors} baris lain tidak terbaca.")
    if args.dry_run:
        print(f"Uji coba (tidak disimpan): akan diimpor {len(result.new)}, sudah ada "
              f"{result.already}, tidak terbaca {len(result.problems)}.")  # fmt: skip
    else:
        print(f"Diimpor {result.imported}, sudah ada {result.already}, "
              f"tidak terbaca {len(result.problems)}.")  # fmt: skip
    return EXIT_OK if not result.problems else EXIT_FAILED


def cmd_hard_case(args: argparse.Namespace) -> int:
    from hai_desktop.core import hard_case

    with profile_db(paths_from_args(args), must_exist=True, check="auto"):
        case = hard_case.from_inquiry(args.id.lower(), args.conclusion)
        if case is None:
            print(f"Catatan {args.id} tidak ada di desk ini.", file=sys.stderr)
            return EXIT_FAILED
        _qt_app()
        from hai_desktop.gui.views.hard_case_pdf import write_pdf

        write_pdf(args.out, case)
    print(f"Laporan kasus sulit tersimpan di {args.out}.")
    return EXIT_OK
