"""The month's inquiries as export rows: the XLSX inquiry sheet and the CSV share them.

Visitor contact data (name, phone, e-mail) is personal data (DOMAIN.md, "Confidentiality"):
it is left out unless the caller asks for it (``include_contact``, a box the user ticks).
Rows are the ones the monthly figures count: the same counted-time expression and range as
``core.reports`` (the ``ix_inquiry_counted`` index), oldest first.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from hai_contract import reports as rules
from hai_desktop.core import reference, reports
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.exports import labels

_SQL = (
    f"SELECT {reports.COUNTED}, id, channel, department, application, visitor_name,"
    " satker_code, institution, phone, email, question, answer, outcome,"
    " out_of_scope_reason, basis_regulations, served_started_at, served_ended_at, origin"
    f" FROM inquiry WHERE {reports.COUNTED} >= ? AND {reports.COUNTED} < ? AND office_code = ?"
    f" ORDER BY {reports.COUNTED}, id"
)


@dataclass(frozen=True)
class Columns:
    """The export's columns (keys and headers, in order)."""

    keys: list[str]
    headers: list[str]


def columns(include_contact: bool = False) -> Columns:
    """The inquiry sheet's columns; the contact ones only with ``include_contact``."""
    out: list[tuple[str, str]] = []
    for key, header in labels.COLUMNS:
        out.append((key, header))
        if include_contact and key == labels.CONTACT_AFTER:
            out.extend(labels.CONTACT_COLUMNS)
    return Columns([k for k, _ in out], [h for _, h in out])


def _names(kind: str) -> dict[str, str]:
    return {item["code"]: str(item.get("name") or item["code"]) for item in reference.items(kind)}


def _minutes(started: str | None, ended: str | None) -> float | None:
    a, b = rules.parse_time(started), rules.parse_time(ended)
    if a is None or b is None or b < a:
        return None
    return round((b - a).total_seconds() / 60, 1)


def _regulations(text: str | None) -> str:
    if not text or text == "[]":
        return ""
    try:
        return "; ".join(str(x) for x in json.loads(text) or ())
    except ValueError:
        return ""


def month_rows(
    month: str, office_code: str, include_contact: bool = False
) -> Iterator[dict[str, object]]:
    """The month's inquiries, one dict per row (keys of :func:`columns`); ``time`` is a naive
    datetime in the office's zone (what a spreadsheet shows), ``minutes`` a float or None."""
    zone_name = reports.office_zone(office_code)
    p = reports.period(month, zone_name)
    tz = rules.zone(zone_name)
    names = {k: _names(k) for k in ("channels", "departments", "applications", "outcomes")}
    reasons = _names("out_of_scope_reasons")
    cursor = database_proxy.obj.execute_sql(_SQL, (p.start, p.end, office_code))
    n = 0
    for r in cursor:
        moment = rules.parse_time(r[0])
        if moment is None:
            continue
        n += 1
        row: dict[str, object] = {
            "no": n,
            "time": moment.astimezone(tz).replace(tzinfo=None),
            "channel": names["channels"].get(r[2], r[2]),
            "department": names["departments"].get(r[3], r[3]),
            "application": names["applications"].get(r[4], r[4]) if r[4] else "",
            "satker_code": r[6] or "",
            "institution": r[7] or "",
            "question": r[10] or "",
            "answer": r[11] or "",
            "outcome": names["outcomes"].get(r[12], r[12]),
            "out_of_scope_reason": reasons.get(r[13], r[13]) if r[13] else "",
            "regulations": _regulations(r[14]),
            "minutes": _minutes(r[15], r[16]),
            "origin": labels.ORIGINS.get(r[17], r[17] or ""),
            "id": r[1],
        }
        if include_contact:
            row.update(visitor_name=r[5] or "", phone=r[8] or "", email=r[9] or "")
        yield row


def as_text(value: object) -> str:
    """A cell as CSV text (Indonesian forms: ``26/11/2026 08.15``, ``12,5``)."""
    from hai_desktop.core.exports import numbers

    if value is None:
        return ""
    if isinstance(value, datetime):
        return numbers.local_time(value)
    if isinstance(value, float):
        return numbers.decimal(value, 1).replace(".", "")
    return str(value)
