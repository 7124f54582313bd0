"""Indonesian number and date forms for reports: ``1.234``, ``12,5``, ``45,0%``,
``November 2026``, ``26/11/2026 08.15``."""

from __future__ import annotations

from datetime import datetime

MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def integer(value: int | None) -> str:
    """``12345`` → ``12.345``; None → ``-``."""
    if value is None:
        return "-"
    return f"{int(value):,}".replace(",", ".")


def decimal(value: float | None, places: int = 1) -> str:
    """``1234.5`` → ``1.234,5``; None → ``-``."""
    if value is None:
        return "-"
    text = f"{float(value):,.{places}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def percent(rate: float | None, places: int = 1) -> str:
    """A 0..1 rate as ``45,0%``; None → ``-``."""
    return "-" if rate is None else decimal(rate * 100, places) + "%"


def signed(value: int | None) -> str:
    """``+12`` / ``-3`` / ``0``; None → ``-``."""
    if value is None:
        return "-"
    return ("+" if value > 0 else "") + integer(value)


def month_name(month: str) -> str:
    """``2026-11`` → ``November 2026``."""
    year, mon = month.split("-")
    return f"{MONTHS[int(mon) - 1]} {int(year)}"


def day_date(text: str) -> str:
    """``2026-11-30`` → ``30 November 2026``."""
    year, mon, day = text.split("-")
    return f"{int(day)} {MONTHS[int(mon) - 1]} {int(year)}"


def local_time(moment: datetime | None) -> str:
    """``26/11/2026 08.15`` (the Indonesian time form), empty for None."""
    return "" if moment is None else moment.strftime("%d/%m/%Y %H.%M")
