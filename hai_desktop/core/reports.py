"""The monthly report of this desk's office (decree Lampiran III.3.3), from the desk database.

The figures are :func:`hai_contract.reports.compute`'s, the same function the hub's
``reports/monthly`` uses, fed with this desk's rows: for the same records both give the same
numbers (tests/integration/test_reports_parity.py pushes a month through a real hub and
compares every one).

A record is counted under ``COALESCE(counted_at, created_at)`` (the clock rule, see
core/clock.py and migration m0006). **Index need**: the month's rows are found through
``ix_inquiry_counted`` (an expression index on exactly that expression); the query below
must keep the expression as it is, and the index must stay (test_reports checks the plan).

Ticket figures (SLA, satisfaction) come from the desk's ``ticket`` table once it exists;
without it they are None ("no data"), never 0. Outage links likewise (an inquiry column
``outage_id``/``outage_broadcast_id``, when the broadcasts' migration adds one).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hai_contract import reports as rules
from hai_desktop.core import clock, reference
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.timeutil import format_utc

COUNTED = "COALESCE(counted_at, created_at)"
QUESTION_CHARS = 1000  # enough for the top-questions key (160 chars after folding)
OUTAGE_COLUMNS = ("outage_id", "outage_broadcast_id")
TICKET_COLUMNS = ("response_due", "first_response_at", "resolve_due", "resolved_at", "satisfied")


class ReportError(ValueError):
    """A report that cannot be made: ``code`` is ``month_invalid`` or ``month_future``."""

    def __init__(self, code: str, month: str) -> None:
        super().__init__(f"{code}: {month}")
        self.code = code
        self.month = month


@dataclass(frozen=True)
class Period:
    """A report's month in the office's zone, with its UTC bounds in the desk's text form."""

    month: str
    zone: str
    start: str
    end: str


def office_zone(office_code: str | None) -> str:
    """The office's ``timezone`` from the reference data (WIB when it names none)."""
    for item in reference.items("offices"):
        if item.get("code") == office_code:
            return str(item.get("timezone") or rules.DEFAULT_ZONE)
    return rules.DEFAULT_ZONE


def period(month: str, zone_name: str) -> Period:
    """The month's bounds. Millisecond text bounds compare right against both stored forms
    (the desk's ``…00.000Z`` and the hub's ``…00Z``)."""
    return Period(month, zone_name, *_texts(rules.month_bounds_utc(month, zone_name)))


def _texts(bounds: tuple[datetime, datetime]) -> tuple[str, str]:
    return format_utc(bounds[0]), format_utc(bounds[1])


def _period(month: str, bounds: tuple[datetime, datetime]) -> Period:
    return Period(month, "", *_texts(bounds))


def current_month(zone_name: str, now: datetime | None = None) -> str:
    """This month in the office's zone, by the desk clock corrected by its measured offset."""
    return rules.month_of(clock.hub_now(now), zone_name)


def check_month(month: str, zone_name: str, now: datetime | None = None) -> None:
    """Raise :class:`ReportError` for a malformed month or one after the current month."""
    try:
        rules.parse_month(month)
    except rules.MonthError:
        raise ReportError("month_invalid", month) from None
    if month > current_month(zone_name, now):
        raise ReportError("month_future", month)


def _columns(table: str) -> set[str]:
    db = database_proxy.obj
    return {row[1] for row in db.execute_sql(f"PRAGMA table_info({table})").fetchall()}


def _outage_column() -> str | None:
    present = _columns("inquiry")
    return next((c for c in OUTAGE_COLUMNS if c in present), None)


def month_rows(p: Period, office_code: str) -> list[rules.Row]:
    """The rows counted in the month (the SQL range is the index's; the exact test on
    whole seconds is in rules.compute)."""
    outage = _outage_column() or "NULL"
    sql = (
        f"SELECT {COUNTED}, department, channel, application, outcome, out_of_scope_reason,"
        f" served_started_at, served_ended_at, substr(question, 1, {QUESTION_CHARS}),"
        f" basis_kb_entry_ids, {outage}"
        f" FROM inquiry WHERE {COUNTED} >= ? AND {COUNTED} < ? AND office_code = ?"
    )
    out = []
    for r in database_proxy.obj.execute_sql(sql, (p.start, p.end, office_code)):
        kb_ids: tuple[str, ...] = ()
        if r[9] and r[9] != "[]":
            try:
                kb_ids = tuple(str(x) for x in json.loads(r[9]) or ())
            except ValueError:
                kb_ids = ()
        out.append(
            rules.Row(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8] or "", kb_ids, r[10])
        )
    return out


def count_month(p: Period, office_code: str) -> int:
    """How many records the month counts (the month-on-month comparison)."""
    sql = f"SELECT COUNT(*) FROM inquiry WHERE {COUNTED} >= ? AND {COUNTED} < ? AND office_code = ?"
    return database_proxy.obj.execute_sql(sql, (p.start, p.end, office_code)).fetchone()[0]


def month_tickets(p: Period, office_code: str) -> list[rules.TicketRow] | None:
    """The month's escalation tickets from the desk's ``ticket`` table, None if it has none
    (the hub counts tickets by their arrival there: ``received_at``)."""
    present = _columns("ticket")
    if not present or not {"received_at", "office_code", *TICKET_COLUMNS} <= present:
        return None
    sql = (
        f"SELECT {', '.join(TICKET_COLUMNS)} FROM ticket"
        " WHERE received_at >= ? AND received_at < ? AND office_code = ?"
    )
    rows = database_proxy.obj.execute_sql(sql, (p.start, p.end, office_code)).fetchall()
    return [
        rules.TicketRow(r[0], r[1], r[2], r[3], None if r[4] is None else bool(r[4])) for r in rows
    ]


def monthly(month: str, office_code: str, now: datetime | None = None) -> dict[str, Any]:
    """The figures of ``month`` (``YYYY-MM``) for ``office_code``; raises ReportError.

    An empty month is a report of zeros (``inquiries`` 0), not an error.
    """
    zone_name = office_zone(office_code)
    check_month(month, zone_name, now)
    p = period(month, zone_name)
    rows = month_rows(p, office_code)
    bounds = rules.previous_bounds(month, zone_name)
    previous = None if bounds is None else count_month(_period(month, bounds), office_code)
    tickets = month_tickets(p, office_code)
    out = rules.compute(month, zone_name, rows, tickets, previous, [office_code], now=now)
    out["office_code"] = office_code
    return out


def recent_months(zone_name: str, count: int = 24, now: datetime | None = None) -> list[str]:
    """The current month and the ``count - 1`` before it, newest first (the month picker)."""
    current = current_month(zone_name, now)
    return [rules.shift_month(current, -k) for k in range(count)]


def previous_month(zone_name: str, now: datetime | None = None) -> str:
    """Last month: the report a head of office usually asks for."""
    return rules.shift_month(current_month(zone_name, now), -1)
