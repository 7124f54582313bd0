"""Reading an existing Excel logbook (issue 11): the file, its header row, the column mapping.

- The file: ``.xlsx``/``.xlsm`` through openpyxl, ``.csv`` (UTF-8 with or without BOM,
  ``;`` or ``,``); a ``.xls`` (Excel 97-2003), a password-protected workbook (an OLE file,
  not a zip) or a damaged file is refused with a code, before anything is written.
- Merged cells take the value of their top-left cell (a date merged over a day's rows);
  fully blank lines are skipped.
- The header row is found below title rows: the row among the first ``HEADER_SCAN`` with
  the most known Indonesian headers (*Tanggal, Nama, Satker, Instansi, Pertanyaan, Jawaban,
  Kategori/Bidang, …*). The mapping from columns to fields is guessed from them and can be
  overridden.

Codes only (no words, no Qt): ``LogbookError.code`` is ``file_missing``, ``xls_format``,
``file_encrypted``, ``file_corrupt``, ``sheet_empty``, ``no_header``.
"""

from __future__ import annotations

import csv
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HEADER_SCAN = 30
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# field → headers that name it (folded: lower case, punctuation and spaces squeezed).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("tanggal", "tgl", "tanggal layanan", "hari tanggal", "tanggal kunjungan",
             "waktu layanan", "tanggal waktu", "date"),
    "time": ("jam", "pukul", "waktu", "jam datang", "jam layanan"),
    "visitor_name": ("nama", "nama pengunjung", "nama tamu", "nama pengguna", "pemohon",
                     "nama pemohon", "nama penanya", "pengunjung", "tamu"),
    "satker_code": ("satker", "kode satker", "kd satker", "kdsatker", "no satker"),
    "institution": ("instansi", "nama satker", "unit kerja", "kementerian lembaga", "k l",
                    "asal instansi", "unit", "lembaga"),
    "phone": ("telepon", "telp", "no telp", "no hp", "hp", "nomor hp", "no telepon",
              "whatsapp", "wa", "kontak"),
    "email": ("email", "e mail", "surel", "alamat email"),
    "question": ("pertanyaan", "permasalahan", "masalah", "keluhan", "uraian",
                 "uraian pertanyaan", "pertanyaan permasalahan", "konsultasi"),
    "answer": ("jawaban", "solusi", "tanggapan", "penjelasan", "tindak lanjut", "jawaban solusi"),
    "department": ("kategori", "bidang", "departemen", "seksi", "kategori bidang", "layanan",
                   "jenis layanan", "topik"),
    "channel": ("kanal", "saluran", "media", "via", "sarana"),
    "application": ("aplikasi", "sistem", "nama aplikasi"),
    "outcome": ("status", "hasil", "keterangan", "status layanan", "penyelesaian"),
}  # fmt: skip
FIELDS = tuple(SYNONYMS)


class LogbookError(Exception):
    """The file cannot be imported at all (``code``; nothing was written)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass
class Sheet:
    """The sheet's cells (blank lines dropped), with 1-based row numbers of the file."""

    name: str
    rows: list[tuple[int, list[Any]]]
    header_index: int = -1  # index into ``rows`` of the header row
    headers: list[str] = field(default_factory=list)
    mapping: dict[str, int] = field(default_factory=dict)  # field → column index

    def data_rows(self) -> list[tuple[int, list[Any]]]:
        return self.rows[self.header_index + 1 :]


_FOLD_RE = re.compile(r"[^0-9a-z]+")


def fold(text: Any) -> str:
    """A header folded for matching: ``"Tgl. / Hari"`` → ``"tgl hari"``."""
    return _FOLD_RE.sub(" ", str(text or "").casefold()).strip()


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_xlsx(path: Path) -> tuple[str, list[tuple[int, list[Any]]]]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise LogbookError("file_corrupt", type(exc).__name__) from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on damaged files
        raise LogbookError("file_corrupt", type(exc).__name__) from None
    ws = wb.worksheets[0]
    grid = [list(r) for r in ws.iter_rows(values_only=True)]
    for merged in ws.merged_cells.ranges:
        top = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_row <= len(grid) else None
        for r in range(merged.min_row, min(merged.max_row, len(grid)) + 1):
            row = grid[r - 1]
            for c in range(merged.min_col, merged.max_col + 1):
                if c - 1 < len(row):
                    row[c - 1] = top
    wb.close()
    return ws.title, [(i, row) for i, row in enumerate(grid, start=1)]


def _read_csv(path: Path) -> tuple[str, list[tuple[int, list[Any]]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_bytes().decode("cp1252", errors="replace")
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    return path.stem, [(i, list(row)) for i, row in enumerate(rows, start=1)]


def read_sheet(path: Path | str) -> Sheet:
    """The first sheet of the logbook, header found and mapping guessed; raises
    :class:`LogbookError`."""
    path = Path(path)
    if not path.is_file():
        raise LogbookError("file_missing", str(path))
    with open(path, "rb") as fh:
        head = fh.read(8)
    suffix = path.suffix.lower()
    if head == OLE_MAGIC:
        # An OLE compound file: Excel 97-2003, or an encrypted (password) workbook.
        raise LogbookError("xls_format" if suffix == ".xls" else "file_encrypted")
    if suffix == ".csv":
        name, rows = _read_csv(path)
    elif head[:2] == b"PK":
        name, rows = _read_xlsx(path)
    else:
        raise LogbookError("xls_format" if suffix == ".xls" else "file_corrupt")
    rows = [(n, r) for n, r in rows if not all(_blank(v) for v in r)]
    if not rows:
        raise LogbookError("sheet_empty")
    sheet = Sheet(name, rows)
    find_header(sheet)
    return sheet


def _field_of(header: str) -> str | None:
    folded = fold(header)
    if not folded:
        return None
    for name, words in SYNONYMS.items():
        if folded in words:
            return name
    for name, words in SYNONYMS.items():  # "Nama Pengunjung/Tamu", "Pertanyaan Pengguna"
        if any(len(w) > 3 and folded.startswith(w + " ") for w in words):
            return name
    return None


def guess_mapping(headers: list[str]) -> dict[str, int]:
    """field → column index for the headers that name a field (the first column wins)."""
    mapping: dict[str, int] = {}
    for i, header in enumerate(headers):
        name = _field_of(header)
        if name and name not in mapping:
            mapping[name] = i
    if "date" not in mapping and "time" in mapping:  # "Waktu" alone holds the date
        mapping["date"] = mapping.pop("time")
    return mapping


def find_header(sheet: Sheet) -> None:
    """Set the header row (most known headers among the first rows) and the mapping."""
    best, best_score = -1, 1
    for i, (_n, row) in enumerate(sheet.rows[:HEADER_SCAN]):
        score = len(guess_mapping([str(v) if v is not None else "" for v in row]))
        if score > best_score:
            best, best_score = i, score
    if best < 0:
        raise LogbookError("no_header")
    sheet.header_index = best
    sheet.headers = [str(v).strip() if v is not None else "" for v in sheet.rows[best][1]]
    sheet.mapping = guess_mapping(sheet.headers)
