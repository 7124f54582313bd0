"""A ticket's SLA dues in working time, and the status changes that move them.

The targets (working minutes to the first response and to the resolution) come from the
reference table department × priority when the ticket arrives and stay with the ticket. A due
is the moment when that much working time of the ticket's office (see
:mod:`hai_central.services.calendar`) has passed since the hub received the ticket, not
counting the working minutes it spent ``waiting`` for the user: entering ``waiting`` notes the
time, leaving it adds the working minutes waited and moves the dues that are still open.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hai_central.services import reference
from hai_central.services.calendar import WorkCalendar, calendar_for
from hai_central.services.common import iso, parse_time
from hai_central.store.models import Ticket

DEFAULT_SLA = (240, 2880)
RESOLVED_STATUSES = ("answered", "closed")


def sla_minutes(department: str, priority: str) -> tuple[int, int]:
    """(response, resolve) working minutes for a department and priority (reference data)."""
    for row in reference.get_item("sla") or []:
        if row.get("department") == department and row.get("priority") == priority:
            return int(row.get("response_minutes") or DEFAULT_SLA[0]), int(
                row.get("resolve_minutes") or DEFAULT_SLA[1]
            )
    return DEFAULT_SLA


def _due(cal: WorkCalendar, t: Ticket, minutes: int | None) -> str | None:
    if minutes is None:
        return None
    base = parse_time(t.received_at)
    return iso(cal.add(base, minutes + float(t.paused_minutes or 0)))


def start(t: Ticket, now: datetime) -> None:
    """Set the targets and the first dues of a new ticket (``t`` not saved yet)."""
    t.sla_response_minutes, t.sla_resolve_minutes = sla_minutes(t.department, t.priority)
    t.paused_minutes = 0
    cal = calendar_for(t.office_code)
    t.response_due = iso(cal.add(now, t.sla_response_minutes))
    t.resolve_due = iso(cal.add(now, t.sla_resolve_minutes))


def _recompute(t: Ticket, cal: WorkCalendar) -> None:
    if t.sla_response_minutes is None:
        return  # a ticket from before working-time SLA keeps its fixed dues
    if not t.first_response_at:
        t.response_due = _due(cal, t, t.sla_response_minutes)
    if not t.resolved_at:
        t.resolve_due = _due(cal, t, t.sla_resolve_minutes)


def change_status(t: Ticket, status: str, now: datetime) -> None:
    """Move ``t`` to ``status``, pausing or resuming the SLA clock (``t`` not saved)."""
    if status == t.status:
        return
    cal = calendar_for(t.office_code)
    if t.status == "waiting" and t.waiting_since:
        t.paused_minutes = float(t.paused_minutes or 0) + cal.between(
            parse_time(t.waiting_since), now
        )
        t.waiting_since = None
    if status == "waiting":
        t.waiting_since = iso(now)
    if status in RESOLVED_STATUSES:
        t.resolved_at = t.resolved_at or iso(now)
    elif t.status in RESOLVED_STATUSES:
        t.resolved_at = None  # reopened: the resolution clock runs again
    if status == "closed":
        t.closed_at = t.closed_at or iso(now)
    t.status = status
    _recompute(t, cal)


def _met(done: str | None, due: str | None) -> bool | None:
    if not done or not due:
        return None
    return done <= due


def public(t: Ticket) -> dict[str, Any]:
    """The ``sla`` object of a ticket as the API shows it."""
    paused = t.status == "waiting" and bool(t.waiting_since)
    remaining = None
    if paused and t.sla_resolve_minutes is not None and not t.resolved_at:
        cal = calendar_for(t.office_code)
        used = cal.between(parse_time(t.received_at), parse_time(t.waiting_since)) - float(
            t.paused_minutes or 0
        )
        remaining = round(max(0.0, t.sla_resolve_minutes - used), 1)
    return {
        "response_due": t.response_due,
        "resolve_due": t.resolve_due,
        "paused": paused,
        "paused_since": t.waiting_since if paused else None,
        "response_minutes": t.sla_response_minutes,
        "resolve_minutes": t.sla_resolve_minutes,
        "resolve_remaining_minutes": remaining,
        "response_met": _met(t.first_response_at, t.response_due),
        "resolve_met": _met(t.resolved_at, t.resolve_due),
    }
