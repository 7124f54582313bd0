"""Dates and times as the UI language writes them (issue 12: English kept DD/MM/YYYY).

Indonesian: ``03/12/2026 15:52`` (the form Indonesian offices write). English: the month by
name, ``3 Dec 2026, 15:52``: unambiguous for a reader of either day-month order. The
language's ``QLocale`` is the default one (``gui/app.install_translator`` sets it). Exported
documents are Indonesian whatever the UI language (``core/exports/numbers.py``).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

from hai_desktop.core.timeutil import parse_utc


def _indonesian() -> bool:
    return QLocale().language() == QLocale.Language.Indonesian


def date_format() -> str:
    """A Qt date format (``QDateEdit.setDisplayFormat``) for the UI language."""
    return "dd/MM/yyyy" if _indonesian() else "d MMM yyyy"


def datetime_format() -> str:
    """A Qt date-time format for the UI language."""
    return "dd/MM/yyyy HH:mm" if _indonesian() else "d MMM yyyy, HH:mm"


def local_datetime(moment: datetime) -> str:
    """``moment`` (aware or naive local) in the UI language's format."""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    value = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    return QLocale().toString(value, datetime_format())


def utc_text(iso: str | None) -> str:
    """A stored UTC time as local time in the UI language ("" for none; odd text as is)."""
    if not iso:
        return ""
    try:
        return local_datetime(parse_utc(iso))
    except (ValueError, TypeError, OverflowError):
        return str(iso)
