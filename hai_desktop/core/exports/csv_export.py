"""The month's inquiries as CSV: one row each, a header row, the XLSX sheet's columns, UTF-8
with a BOM so that Excel opens it right. The delimiter is ``;`` by default: Excel with
Indonesian regional settings (decimal comma) splits on it."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from hai_desktop.core.exports import rows as export_rows

DEFAULT_DELIMITER = ";"


def write_csv(
    path: Path | str,
    month: str,
    office_code: str,
    include_contact: bool = False,
    delimiter: str = DEFAULT_DELIMITER,
) -> int:
    """Write the CSV (through a temporary file, so a failure leaves no half file); returns
    the number of inquiry rows."""
    path = Path(path)
    cols = export_rows.columns(include_contact)
    tmp = path.with_name(path.name + ".part")
    n = 0
    try:
        with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
            writer.writerow(cols.headers)
            for row in export_rows.month_rows(month, office_code, include_contact):
                writer.writerow([export_rows.as_text(row.get(k)) for k in cols.keys])
                n += 1
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return n
