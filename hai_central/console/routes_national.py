"""Supervisor screens: the national view of the desks (last seen, silent for more than a
working day by the office's own calendar, outbox depth, clock off, version; from the desks'
heartbeats, services/desks) and the monthly figures per office and per Kanwil with SLA
compliance (services/reports.monthly: the same numbers as GET /reports/monthly)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from hai_central.console import labels, labels_roles  # noqa: F401 - filters
from hai_central.console.app import PREFIX, ConsoleRoute, render, staff
from hai_central.errors import invalid
from hai_central.services import calendar, desks, reference, reports
from hai_central.services.common import CurrentUser, parse_time, utcnow
from hai_central.store import db as store
from hai_central.store.models import Office
from hai_contract import limits

router = APIRouter(route_class=ConsoleRoute, include_in_schema=False)
Supervisor = Annotated[CurrentUser, Depends(staff("supervisor"))]
BASE = f"{PREFIX}/national"
PER_PAGE = 100
# "Silent for more than a working day": no heartbeat during a full day of office hours
# (Monday-Thursday 07:30-16:00) of the desk's office, holidays and weekends not counted.
WORKING_DAY_MINUTES = 8.5 * 60
RECENT = timedelta(minutes=WORKING_DAY_MINUTES)
# A desk clock this far from the hub's is flagged (its records are still counted right:
# the hub corrects them by the measured offset).
CLOCK_TOLERANCE_S = 5 * 60
FILTERS = ("silent", "clock", "outbox", "version")


def _version(value: str | None) -> tuple[int, ...]:
    parts = []
    for p in (value or "").split("."):
        digits = "".join(ch for ch in p if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)


def desk_rows(now: datetime, office_code: str | None = None) -> list[dict[str, Any]]:
    """Every desk with its flags: silent, clock offset, outbox, old version."""
    items = desks.list_desks(office_code)
    cals = calendar.calendars_for({d["office_code"] or "" for d in items})
    current = str(reference.get_item("desk_version") or "")
    current_v = _version(current)
    for d in items:
        seen = parse_time(d["last_seen"])
        # Silent when a full working day of the office has passed since the last heartbeat
        # (working time never runs faster than the clock: a recent desk needs no calendar).
        d["silent"] = now - seen >= RECENT and (
            cals[d["office_code"] or ""].add(seen, WORKING_DAY_MINUTES) <= now
        )
        offset = None
        if d["client_time"]:
            offset = (parse_time(d["client_time"]) - seen).total_seconds()
        d["clock_offset_s"] = offset
        d["clock_off"] = offset is not None and abs(offset) > CLOCK_TOLERANCE_S
        d["old_version"] = bool(current) and _version(d["app_version"]) < current_v
    return items


def _offset_text(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    sign = "+" if seconds >= 0 else "−"
    s = abs(int(seconds))
    if s < 60:
        return "tepat"
    if s >= 86400:
        return f"{sign}{s // 86400} hari"
    if s >= 3600:
        return f"{sign}{s // 3600} jam {s % 3600 // 60} mnt"
    return f"{sign}{s // 60} mnt {s % 60} dtk"


@router.get(BASE)
def desks_page(request: Request, user: Supervisor) -> Response:
    q = request.query_params
    office = (q.get("office") or "").strip().upper() or None
    show = q.get("show") if q.get("show") in FILTERS else ""
    rows = desk_rows(utcnow(), office)
    summary = {
        "desks": len(rows),
        "offices": len({d["office_code"] for d in rows}),
        "silent": sum(d["silent"] for d in rows),
        "clock": sum(d["clock_off"] for d in rows),
        "outbox": sum(1 for d in rows if d["outbox_depth"]),
        "version": sum(d["old_version"] for d in rows),
    }
    if show == "silent":
        rows = [d for d in rows if d["silent"]]
    elif show == "clock":
        rows = [d for d in rows if d["clock_off"]]
    elif show == "outbox":
        rows = sorted((d for d in rows if d["outbox_depth"]), key=lambda d: -d["outbox_depth"])
    elif show == "version":
        rows = [d for d in rows if d["old_version"]]
    try:
        page = max(1, int(q.get("page") or 1))
    except ValueError:
        page = 1
    pages = max(1, -(-len(rows) // PER_PAGE))
    shown = rows[(page - 1) * PER_PAGE : page * PER_PAGE]
    for d in shown:
        d["offset_text"] = _offset_text(d["clock_offset_s"])
    query = {k: v for k, v in (("office", office or ""), ("show", show)) if v}
    return render(
        request,
        "national.html",
        {
            "title": "Pemantauan desk",
            "summary": summary,
            "rows": shown,
            "filters": {"office": office or "", "show": show},
            "result": {"page": page, "pages": pages, "total": len(rows)},
            "query": query,
            "desk_version": reference.get_item("desk_version"),
        },
    )


def _current_month() -> str:
    return utcnow().astimezone(labels.CENTRE_TZ).strftime("%Y-%m")


def _compliance(met: int | None, missed: int | None) -> float | None:
    done = (met or 0) + (missed or 0)
    return round((met or 0) / done, 4) if done else None


def figures_row(report: dict[str, Any], code: str | None, name: str) -> dict[str, Any]:
    """The columns of one office's (or region's) line, from reports.monthly's figures."""
    return {
        "code": code,
        "name": name,
        "inquiries": report["inquiries"],
        "escalations": report["escalations"],
        "first_contact_rate": report["first_contact_rate"],
        "tickets": report["tickets"] or 0,
        "response_met": report["sla_response_met"] or 0,
        "response_missed": report["sla_response_missed"] or 0,
        "resolve_met": report["sla_resolve_met"] or 0,
        "resolve_missed": report["sla_resolve_missed"] or 0,
        "response_rate": _compliance(report["sla_response_met"], report["sla_response_missed"]),
        "resolve_rate": _compliance(report["sla_resolve_met"], report["sla_resolve_missed"]),
        "satisfaction_rate": report["satisfaction_rate"],
    }


def _bars(counts: dict[str, int], names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    top = max(counts.values(), default=0) or 1
    return [
        {"label": (names or {}).get(k, k), "count": v, "width": round(v * 100 / top, 1)}
        for k, v in counts.items()
    ]


def _names(key: str) -> dict[str, str]:
    return {d["code"]: d["name"] for d in reference.get_item(key) or []}


@router.get(BASE + "/monthly")
def monthly_page(request: Request, user: Supervisor) -> Response:
    q = request.query_params
    month = q.get("month") or _current_month()
    if not re.fullmatch(limits.MONTH_PATTERN, month):
        raise invalid("month", "month must look like 2026-11")
    kanwil = (q.get("kanwil") or "").strip().upper()
    with store.session():
        kanwils = list(
            Office.select(Office.code, Office.name)
            .where((Office.kind == "KANWIL") & (Office.active == True))  # noqa: E712
            .order_by(Office.code)
        )
        region = None
        if kanwil:
            region = Office.get_or_none((Office.code == kanwil) & (Office.kind == "KANWIL"))
            if region is None:
                raise invalid("kanwil", "unknown Kanwil")
            kppns = list(
                Office.select(Office.code, Office.name)
                .where(Office.parent_code == kanwil)
                .order_by(Office.code)
            )
    if region is not None:
        total = reports.monthly(user, kanwil, month, rollup=True)
        rows = [figures_row(reports.monthly(user, kanwil, month), kanwil, region.name)]
        rows += [figures_row(reports.monthly(user, o.code, month), o.code, o.name) for o in kppns]
        scope_name = f"{region.name} (dengan KPPN-nya)"
    else:
        total = reports.monthly(user, None, month)
        rows = [
            figures_row(reports.monthly(user, k.code, month, rollup=True), k.code, k.name)
            for k in kanwils
        ]
        scope_name = "Nasional"
    top = max((r["inquiries"] for r in rows), default=0) or 1
    for r in rows:
        r["width"] = round(r["inquiries"] * 100 / top, 1)
    departments = _names("departments")
    daily_top = max(total["daily"], default=0) or 1
    return render(
        request,
        "national_monthly.html",
        {
            "title": "Angka bulanan",
            "month": month,
            "kanwil": kanwil,
            "kanwils": kanwils,
            "scope_name": scope_name,
            "total": figures_row(total, kanwil or None, scope_name),
            "report": total,
            "rows": rows,
            "by_department": _bars(total["by_department"], departments),
            "by_channel": _bars(total["by_channel"], _names("channels")),
            "daily": [
                {"day": i + 1, "count": n, "height": round(n * 100 / daily_top, 1)}
                for i, n in enumerate(total["daily"])
            ],
            "rollup_label": "Kanwil (dengan KPPN-nya)" if region is None else "Kantor",
        },
    )
