"""The monthly figures as titled tables: what the XLSX summary sheet, the PDF and the
report screen's charts show. Codes become reference names here (reference data, not UI
words); counts stay numbers (each output formats them its own way)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hai_contract import reports as rules
from hai_desktop.core import reference
from hai_desktop.core.exports import labels, numbers

# Breakdown key → reference list of its codes (None: shown as they are).
BREAKDOWNS = {
    "by_department": "departments",
    "by_channel": "channels",
    "by_application": "applications",
    "by_outcome": "outcomes",
    "out_of_scope_by_reason": "out_of_scope_reasons",
    "by_outage": None,
}
NO_APPLICATION_NAME = "Tanpa aplikasi"


@dataclass
class Table:
    """One titled table: ``rows`` of (label, count) and, for the charts, the chart kind."""

    key: str
    title: str
    rows: list[tuple[str, int]] = field(default_factory=list)
    chart: str = "bar"  # bar (horizontal), column (vertical), line


def _label(kind: str | None, code: str) -> str:
    if code == rules.NO_APPLICATION:
        return NO_APPLICATION_NAME if kind == "applications" else labels.NO_DATA
    return reference.name_of(kind, code) if kind else code


def outage_titles() -> dict[str, str]:
    """Outage broadcast id → its number and title, when the desk has the broadcasts table."""
    from hai_desktop.core.db.models import database_proxy

    db = database_proxy.obj
    try:
        rows = db.execute_sql("SELECT id, number, title FROM broadcast").fetchall()
    except Exception:  # noqa: BLE001 - no broadcasts table on an older desk: codes stay
        return {}
    return {r[0]: " ".join(x for x in (r[1], r[2]) if x) for r in rows}


def tables(figures: dict[str, Any], outages: dict[str, str] | None = None) -> list[Table]:
    """The breakdowns, the hour and day series and the top questions, in report order."""
    out = []
    for key, kind in BREAKDOWNS.items():
        names = outages or {}
        rows = [
            (names.get(code, code) if key == "by_outage" else _label(kind, code), int(count))
            for code, count in (figures.get(key) or {}).items()
        ]
        out.append(Table(key, labels.TITLES[key], rows))
    hours = figures.get("by_hour") or [0] * 24
    first = next((h for h, c in enumerate(hours) if c), 8)
    last = max((h for h, c in enumerate(hours) if c), default=16)
    lo, hi = min(first, 7), max(last, 17)
    out.append(
        Table("by_hour", labels.TITLES["by_hour"],
              [(f"{h:02d}.00", int(hours[h])) for h in range(lo, hi + 1)], "column")
    )  # fmt: skip
    out.append(
        Table("daily", labels.TITLES["daily"],
              [(str(d + 1), int(c)) for d, c in enumerate(figures.get("daily") or [])], "line")
    )  # fmt: skip
    out.append(
        Table("top_questions", labels.TITLES["top_questions"],
              [(q["question"], int(q["count"])) for q in figures.get("top_questions") or []],
              "list")
    )  # fmt: skip
    return out


def key_figures(figures: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, formatted value) of the headline figures (Indonesian number forms)."""
    out = []
    for key, label in labels.FIGURES.items():
        value = figures.get(key)
        if key.endswith("_rate"):
            text = numbers.percent(value)
        elif key == "change":
            text = numbers.signed(value)
        elif key == "change_pct":
            text = "-" if value is None else ("+" if value > 0 else "") + numbers.decimal(value)
        elif key.startswith("service_minutes"):
            text = numbers.decimal(value)
        else:
            text = numbers.integer(value)
        out.append((label, text))
    return out


def office_name(office_code: str) -> str:
    """The office's name from the reference data (its code when unknown)."""
    return reference.name_of("offices", office_code) or office_code


def period_text(figures: dict[str, Any]) -> str:
    """``1 November 2026 – 30 November 2026 (WIB)``."""
    zone_short = {"Asia/Jakarta": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
    tz = zone_short.get(str(figures.get("timezone")), str(figures.get("timezone") or ""))
    start = numbers.day_date(figures["period_start"])
    end = numbers.day_date(figures["period_end"])
    return f"{start} – {end} ({tz})"
