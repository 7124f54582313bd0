"""The monthly report's rules, shared by the desk and the hub so that their figures agree.

- **The period** (decree Lampiran III.3.3): the 1st to the last day of a month, in the
  office's own time zone (a KPPN in Makassar or Jayapura works by its own clock). Indonesia
  has no daylight saving, so the three zones are fixed offsets (no tz database needed on a
  Windows desk).
- **The counted time** (issue 7.10, the clock rule): a record counts at its desk time
  corrected by the desk's measured clock offset (``clock_offset_s`` = hub time − desk
  time), and never after the hub first received it: ``min(created_at + offset,
  first_received_at)``. A desk clock at 2031 thus cannot push a record into 2031-06.
- **The figures**: :func:`compute` turns rows (one :class:`Row` per inquiry, one
  :class:`TicketRow` per ticket) into a JSON-able dict of codes and numbers. Desk and hub
  each read their own storage into these rows and call the same function, so equal data
  gives equal numbers (floats included: every time is cut to whole seconds first, because
  the hub stores seconds and the desk milliseconds).

Pure Python: no Qt, no database, no HTTP.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
DEFAULT_ZONE = "Asia/Jakarta"
ZONE_OFFSETS_H = {"Asia/Jakarta": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9}
NO_APPLICATION = "-"
MIN_YEAR, MAX_YEAR = 1900, 9998
TOP_QUESTIONS = 10
TOP_QUESTION_CHARS = 160
# An offset beyond this is a broken measurement, not a clock: it is ignored (counted as 0).
MAX_CLOCK_OFFSET_S = 200 * 365 * 86400


class MonthError(ValueError):
    """A month that is not ``YYYY-MM``."""


# ---------------------------------------------------------------- the period


def zone(name: str | None) -> timezone:
    """The fixed-offset zone of an office's ``timezone`` (unknown or empty → WIB)."""
    hours = ZONE_OFFSETS_H.get(name or "", ZONE_OFFSETS_H[DEFAULT_ZONE])
    return timezone(timedelta(hours=hours), name if name in ZONE_OFFSETS_H else DEFAULT_ZONE)


def parse_month(month: str) -> tuple[int, int]:
    """``"2026-11"`` → ``(2026, 11)``; raises :class:`MonthError`."""
    match = MONTH_RE.match(month or "")
    # Years a datetime can hold with a month either side and any zone around them.
    if match is None or not MIN_YEAR <= int(match.group(1)) <= MAX_YEAR:
        raise MonthError(month)
    return int(match.group(1)), int(match.group(2))


def shift_month(month: str, delta: int) -> str:
    """The month ``delta`` months after ``month`` (negative: before)."""
    year, mon = parse_month(month)
    index = year * 12 + (mon - 1) + delta
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_days(month: str) -> int:
    """How many days the month has."""
    year, mon = parse_month(month)
    nxt = date(year + (mon == 12), mon % 12 + 1, 1)
    return (nxt - date(year, mon, 1)).days


def month_bounds_utc(month: str, zone_name: str | None) -> tuple[datetime, datetime]:
    """[start, end) of the month in the office's zone, as aware UTC datetimes."""
    year, mon = parse_month(month)
    tz = zone(zone_name)
    start = datetime(year, mon, 1, tzinfo=tz)
    end = datetime(year + (mon == 12), mon % 12 + 1, 1, tzinfo=tz)
    return start.astimezone(UTC), end.astimezone(UTC)


def previous_bounds(month: str, zone_name: str | None) -> tuple[datetime, datetime] | None:
    """The previous month's bounds (None before the first month a report can have)."""
    try:
        return month_bounds_utc(shift_month(month, -1), zone_name)
    except MonthError:
        return None


def month_of(moment: datetime, zone_name: str | None) -> str:
    """The ``YYYY-MM`` a moment falls in, in the office's zone."""
    local = moment.astimezone(zone(zone_name))
    return f"{local.year:04d}-{local.month:02d}"


# ---------------------------------------------------------------- the clock rule


def parse_time(text: str | None) -> datetime | None:
    """RFC 3339 text → aware UTC datetime cut to whole seconds (None when empty/unreadable)."""
    if not text:
        return None
    value = str(text).strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC).replace(microsecond=0)
    except OverflowError:
        return None


def format_time(moment: datetime) -> str:
    """The hub's text form of a time: ``2026-11-26T08:15:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def valid_offset(offset_s: Any) -> float | None:
    """A usable clock offset in seconds, or None."""
    if offset_s is None or isinstance(offset_s, bool):
        return None
    try:
        value = float(offset_s)
    except (TypeError, ValueError):
        return None
    if value != value or abs(value) > MAX_CLOCK_OFFSET_S:  # NaN or absurd
        return None
    return value


def counted_at(
    created_at: str | datetime,
    clock_offset_s: Any = None,
    first_received_at: str | datetime | None = None,
) -> str:
    """The time a record is counted under (the clock rule), in the hub's text form.

    ``created_at`` is the desk's clock; ``clock_offset_s`` (hub − desk, seconds) corrects
    it; ``first_received_at`` (the hub's clock when it first stored the record) caps it:
    a record is never counted after it arrived. Without a readable ``created_at`` the
    arrival is the counted time.
    """
    moment = created_at if isinstance(created_at, datetime) else parse_time(created_at)
    received = (
        first_received_at
        if isinstance(first_received_at, datetime) or first_received_at is None
        else parse_time(first_received_at)
    )
    if moment is None:
        moment = received or datetime.now(UTC)
    offset = valid_offset(clock_offset_s)
    if offset:
        try:
            moment = moment + timedelta(seconds=offset)
        except OverflowError:
            pass
    if received is not None and moment > received:
        moment = received
    return format_time(moment.replace(microsecond=0))


# ---------------------------------------------------------------- the figures


@dataclass(frozen=True, slots=True)
class Row:
    """What the report needs of one inquiry (codes and times only, no personal data)."""

    counted_at: str
    department: str
    channel: str
    application: str | None
    outcome: str
    out_of_scope_reason: str | None = None
    served_started_at: str | None = None
    served_ended_at: str | None = None
    question: str = ""
    kb_entry_ids: tuple[str, ...] = ()
    outage_id: str | None = None


@dataclass(frozen=True, slots=True)
class TicketRow:
    """What the report needs of one ticket (escalation) counted in the month."""

    response_due: str | None = None
    first_response_at: str | None = None
    resolve_due: str | None = None
    resolved_at: str | None = None
    satisfied: bool | None = None


@dataclass
class _Acc:
    total: int = 0
    by: dict[str, Counter] = field(
        default_factory=lambda: {
            k: Counter() for k in ("department", "channel", "application", "outcome", "oos")
        }
    )
    minutes: list[float] = field(default_factory=list)
    hours: list[int] = field(default_factory=lambda: [0] * 24)
    days: list[int] = field(default_factory=list)
    questions: Counter = field(default_factory=Counter)
    question_text: dict[str, str] = field(default_factory=dict)
    outages: Counter = field(default_factory=Counter)


_SPACE_RE = re.compile(r"\s+")


def question_key(question: str, kb_entry_ids: Iterable[str] = ()) -> tuple[str, str]:
    """(group key, text shown) for the top-questions list: the KB entry the answer came
    from when there is one (same question, different words), else the question's text
    folded (case, spaces, trailing punctuation)."""
    text = _SPACE_RE.sub(" ", question or "").strip()
    kb_ids = sorted(str(x) for x in kb_entry_ids or () if x)
    if kb_ids:
        return "kb:" + kb_ids[0], text[:TOP_QUESTION_CHARS]
    folded = text.casefold().rstrip(" ?.!")[:TOP_QUESTION_CHARS]
    return "q:" + folded, folded


def _minutes(row: Row) -> float | None:
    started, ended = parse_time(row.served_started_at), parse_time(row.served_ended_at)
    if started is None or ended is None or ended < started:
        return None
    return (ended - started).total_seconds() / 60


def _sla(tickets: list[TicketRow], now: datetime) -> dict[str, int]:
    sla: Counter = Counter()
    for t in tickets:
        for kind, done, due in (
            ("response", t.first_response_at, t.response_due),
            ("resolve", t.resolved_at, t.resolve_due),
        ):
            due_t, done_t = parse_time(due), parse_time(done)
            if due_t is None:
                continue
            if done_t is not None:
                sla[f"{kind}_met" if done_t <= due_t else f"{kind}_missed"] += 1
            elif due_t < now:
                sla[f"{kind}_missed"] += 1
    return {
        f"sla_{k}": sla[k]
        for k in ("response_met", "response_missed", "resolve_met", "resolve_missed")
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _sorted(counter: Counter) -> dict[str, int]:
    """Largest first, then by code: a stable order for tables and charts."""
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def compute(
    month: str,
    zone_name: str | None,
    rows: Iterable[Row],
    tickets: list[TicketRow] | None,
    previous_total: int | None,
    office_codes: list[str] | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The month's figures from its rows (already limited to the month by the caller).

    ``tickets`` None = this side has no ticket data (the desk before tickets existed): the
    ticket figures are then None, not 0. ``previous_total``: the previous month's count,
    for the month-on-month change.
    """
    tz = zone(zone_name)
    start, end = month_bounds_utc(month, zone_name)
    acc = _Acc(days=[0] * month_days(month))
    for row in rows:
        moment = parse_time(row.counted_at)
        if moment is None or not (start <= moment < end):
            continue  # the caller's range is by text; the exact test is here
        acc.total += 1
        acc.by["department"][row.department] += 1
        acc.by["channel"][row.channel] += 1
        acc.by["application"][row.application or NO_APPLICATION] += 1
        acc.by["outcome"][row.outcome] += 1
        if row.outcome == "out_of_scope":
            acc.by["oos"][row.out_of_scope_reason or NO_APPLICATION] += 1
        local = moment.astimezone(tz)
        acc.hours[local.hour] += 1
        acc.days[local.day - 1] += 1
        span = _minutes(row)
        if span is not None:
            acc.minutes.append(span)
        key, text = question_key(row.question, row.kb_entry_ids)
        acc.questions[key] += 1
        if key not in acc.question_text or text < acc.question_text[key]:
            acc.question_text[key] = text  # the smallest text: the same whatever the order
        if row.outage_id:
            acc.outages[row.outage_id] += 1
    answered = acc.by["outcome"]["answered"]
    minutes = acc.minutes
    top = sorted(acc.questions.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_QUESTIONS]
    out: dict[str, Any] = {
        "office_codes": sorted(office_codes) if office_codes else [],
        "month": month,
        "timezone": tz.tzname(None),
        "period_start": f"{month}-01",
        "period_end": f"{month}-{month_days(month):02d}",
        "inquiries": acc.total,
        "by_department": _sorted(acc.by["department"]),
        "by_channel": _sorted(acc.by["channel"]),
        "by_application": _sorted(acc.by["application"]),
        "by_outcome": _sorted(acc.by["outcome"]),
        "out_of_scope_by_reason": _sorted(acc.by["oos"]),
        "escalations": acc.by["outcome"]["escalated"],
        "first_contact_resolved": answered,
        "first_contact_rate": round(answered / acc.total, 4) if acc.total else None,
        "service_count": len(minutes),
        "service_minutes_avg": _round(sum(minutes) / len(minutes)) if minutes else None,
        "service_minutes_median": _round(statistics.median(minutes)) if minutes else None,
        "service_minutes_total": round(sum(minutes), 2),
        "by_hour": acc.hours,
        "daily": acc.days,
        "top_questions": [
            {"key": key, "question": acc.question_text[key], "count": count} for key, count in top
        ],
        "by_outage": _sorted(acc.outages),
        "previous_month": shift_month(month, -1),
        "previous_inquiries": previous_total,
        "change": None if previous_total is None else acc.total - previous_total,
        "change_pct": (
            round((acc.total - previous_total) * 100 / previous_total, 1)
            if previous_total
            else None
        ),
    }
    out.update(ticket_figures(tickets, now or datetime.now(UTC)))
    return out


TICKET_KEYS = (
    "tickets",
    "sla_response_met",
    "sla_response_missed",
    "sla_resolve_met",
    "sla_resolve_missed",
    "satisfied",
    "unsatisfied",
    "satisfaction_rate",
)


def ticket_figures(tickets: list[TicketRow] | None, now: datetime) -> dict[str, Any]:
    """Escalation tickets: SLA met/missed and satisfaction (all None without ticket data)."""
    if tickets is None:
        return dict.fromkeys(TICKET_KEYS)
    satisfied = sum(1 for t in tickets if t.satisfied is True)
    unsatisfied = sum(1 for t in tickets if t.satisfied is False)
    rated = satisfied + unsatisfied
    return {
        "tickets": len(tickets),
        **_sla(tickets, now),
        "satisfied": satisfied,
        "unsatisfied": unsatisfied,
        "satisfaction_rate": round(satisfied / rated, 4) if rated else None,
    }
