"""The monthly report (decree Lampiran III.3): one office, a Kanwil with its KPPNs, or all.

The figures themselves come from :func:`hai_contract.reports.compute`, the same function the
desk uses, so a desk's report for its office and month equals the hub's for the same data.
Records are counted under ``counted_at`` (the clock rule: the desk's time corrected by its
measured offset, never after the hub first received the record).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hai_central.errors import invalid
from hai_central.services import scoping
from hai_central.services.common import CurrentUser
from hai_central.store import db as store
from hai_central.store.models import Inquiry, Office, Ticket
from hai_contract import reports as rules

# The row-level test in rules.compute is exact; the SQL range only has to contain it.
_SLACK = timedelta(seconds=2)


def _offices(scope: str | None, rollup: bool) -> tuple[list[str] | None, str | None]:
    """(office codes or None for all, the time zone of the report)."""
    if scope is None:
        return None, rules.DEFAULT_ZONE
    office = Office.get_or_none(Office.code == scope)
    zone = ((office.extra or {}).get("timezone") if office else None) or rules.DEFAULT_ZONE
    codes = [scope]
    if rollup and office is not None and office.kind == "KANWIL":
        codes += [o.code for o in Office.select(Office.code).where(Office.parent_code == scope)]
    return codes, zone


def _outage_of(data: dict[str, Any]) -> str | None:
    """The outage broadcast an inquiry was caused by (the broadcasts' link), if any."""
    value = data.get("outage_id") or data.get("outage_broadcast_id")
    return str(value) if value else None


def _row(inquiry: Inquiry) -> rules.Row:
    data = inquiry.data or {}
    basis = data.get("basis") or {}
    return rules.Row(
        counted_at=inquiry.counted_at or inquiry.created_at,
        department=inquiry.department,
        channel=inquiry.channel,
        application=inquiry.application,
        outcome=inquiry.outcome,
        out_of_scope_reason=data.get("out_of_scope_reason"),
        served_started_at=data.get("served_started_at"),
        served_ended_at=data.get("served_ended_at"),
        question=data.get("question") or "",
        kb_entry_ids=tuple(str(x) for x in basis.get("kb_entry_ids") or ()),
        outage_id=_outage_of(data),
    )


def _in_offices(query, field, codes: list[str] | None):
    return query if codes is None else query.where(field.in_(codes))


def monthly(
    user: CurrentUser, office_code: str | None, month: str, rollup: bool = False
) -> dict[str, Any]:
    """The month's figures for the office the user may read (``rollup``: a Kanwil and its
    KPPNs together)."""
    try:
        start, end = rules.month_bounds_utc(month, None)
    except rules.MonthError:
        raise invalid("month", "month must look like 2026-11") from None
    scope = scoping.read_scope(user, office_code)
    with store.session():
        codes, zone = _offices(scope, rollup)
        start, end = rules.month_bounds_utc(month, zone)
        lo, hi = rules.format_time(start - _SLACK), rules.format_time(end + _SLACK)
        query = Inquiry.select().where((Inquiry.counted_at >= lo) & (Inquiry.counted_at < hi))
        rows = [_row(r) for r in _in_offices(query, Inquiry.office_code, codes).iterator()]
        bounds = rules.previous_bounds(month, zone)
        previous = None
        if bounds is not None:
            previous = _in_offices(
                Inquiry.select().where(
                    (Inquiry.counted_at >= rules.format_time(bounds[0]))
                    & (Inquiry.counted_at < rules.format_time(bounds[1]))
                ),
                Inquiry.office_code,
                codes,
            ).count()
        tq = Ticket.select().where(
            (Ticket.received_at >= rules.format_time(start))
            & (Ticket.received_at < rules.format_time(end))
        )
        tickets = [
            rules.TicketRow(
                response_due=t.response_due,
                first_response_at=t.first_response_at,
                resolve_due=t.resolve_due,
                resolved_at=t.resolved_at,
                satisfied=t.satisfied,
            )
            for t in _in_offices(tq, Ticket.office_code, codes)
        ]
    out = rules.compute(month, zone, rows, tickets, previous, codes)
    out["office_code"] = scope
    return out
