"""The monthly report's counts (decree Lampiran III.3): one office or all, one month."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from hai_central.errors import invalid
from hai_central.services import scoping
from hai_central.services.common import CurrentUser, now_iso, parse_time
from hai_central.store import db as store
from hai_central.store.models import Inquiry, Ticket

MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def monthly(user: CurrentUser, office_code: str | None, month: str) -> dict[str, Any]:
    """Counts by department, channel, application, outcome; escalations; SLA; service time."""
    if not MONTH_RE.match(month or ""):
        raise invalid("month", "month must look like 2026-11")
    scope = scoping.read_scope(user, office_code)
    start = f"{month}-01T00:00:00Z"
    year, mon = int(month[:4]), int(month[5:])
    end = f"{year + (mon == 12):04d}-{mon % 12 + 1:02d}-01T00:00:00Z"
    by: dict[str, Counter] = {
        k: Counter() for k in ("department", "channel", "application", "outcome")
    }
    minutes: list[float] = []
    with store.session():
        query = Inquiry.select().where((Inquiry.created_at >= start) & (Inquiry.created_at < end))
        if scope is not None:
            query = query.where(Inquiry.office_code == scope)
        total = 0
        for row in query.iterator():
            total += 1
            by["department"][row.department] += 1
            by["channel"][row.channel] += 1
            by["application"][row.application or "-"] += 1
            by["outcome"][row.outcome] += 1
            started, ended = row.data.get("served_started_at"), row.data.get("served_ended_at")
            if started and ended:
                try:
                    span = (parse_time(ended) - parse_time(started)).total_seconds() / 60
                except ValueError:
                    continue
                if span >= 0:
                    minutes.append(span)
        tq = Ticket.select().where((Ticket.received_at >= start) & (Ticket.received_at < end))
        if scope is not None:
            tq = tq.where(Ticket.office_code == scope)
        tickets = list(tq)
    sla: Counter = Counter()
    now = now_iso()
    for t in tickets:
        for kind, done, due in (
            ("response", t.first_response_at, t.response_due),
            ("resolve", t.resolved_at, t.resolve_due),
        ):
            if done and due:
                sla[f"{kind}_met" if done <= due else f"{kind}_missed"] += 1
            elif due and due < now:
                sla[f"{kind}_missed"] += 1
    return {
        "office_code": scope,
        "month": month,
        "inquiries": total,
        "by_department": dict(by["department"]),
        "by_channel": dict(by["channel"]),
        "by_application": dict(by["application"]),
        "by_outcome": dict(by["outcome"]),
        "escalations": by["outcome"]["escalated"],
        "tickets": len(tickets),
        "sla_response_met": sla["response_met"],
        "sla_response_missed": sla["response_missed"],
        "sla_resolve_met": sla["resolve_met"],
        "sla_resolve_missed": sla["resolve_missed"],
        "service_minutes_avg": round(sum(minutes) / len(minutes), 2) if minutes else None,
        "service_minutes_total": round(sum(minutes), 2),
    }
