"""Excel logbooks for import tests and the import benchmark: title rows above the header,
merged date cells, blank lines, dates as real dates, Excel serials and dd/mm/yyyy text."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl

HEADERS = ["No", "Tanggal", "Jam", "Nama Pengunjung", "Satker", "Instansi", "Pertanyaan",
           "Jawaban", "Bidang", "Kanal", "Keterangan"]  # fmt: skip
DEPTS = ["PA", "Pelaksanaan Anggaran", "PKN", "Sistem Perbendaharaan", "APK"]
QUESTIONS = ["Cara revisi DIPA?", "SP2D belum terbit", "Reset password SAKTI",
             "Syarat TUP", "Koreksi setoran MPN"]  # fmt: skip


def write_logbook(path: Path, n: int, start: datetime, seed: int = 1, merged: bool = True) -> Path:
    """A logbook of ``n`` good rows over the days from ``start`` (two title rows, a blank
    line every 50 rows, date forms mixed)."""
    rng = random.Random(seed)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Logbook"
    ws.append(["LOGBOOK LAYANAN KPPN"])
    ws.append(["Bulan November 2026"])
    ws.append(HEADERS)
    row = 4
    per_day = max(1, n // 20)
    for i in range(n):
        day = start + timedelta(days=i // per_day)
        form = i % 3
        date_value = (
            day if form == 0 else (day - datetime(1899, 12, 30)).days if form == 1
            else day.strftime("%d/%m/%Y")
        )  # fmt: skip
        ws.append([i + 1, date_value, f"{8 + i % 8:02d}:{i % 60:02d}", f"Tamu {i}",
                   f"{rng.randint(1, 999999)}", "Satker Uji", rng.choice(QUESTIONS) + f" #{i}",
                   "Sudah dijelaskan.", rng.choice(DEPTS), "Tatap muka", "Selesai"])  # fmt: skip
        row += 1
        if i % 50 == 49:
            ws.append([])
            row += 1
    if merged:
        ws.merge_cells("A1:K1")
    wb.save(path)
    return path
