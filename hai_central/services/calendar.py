"""Working time for SLA dues: office hours in the office's own time zone, minus national
holidays, *cuti bersama* and the days an admin adds.

Indonesia has three time zones (WIB ``Asia/Jakarta``, WITA ``Asia/Makassar``, WIT
``Asia/Jayapura``); an office carries its ``timezone`` (set by an admin, else derived from its
province, else WIB). The national calendar is the ``holidays`` package's Indonesian one with
its *government* category (the joint leave days it knows); cuti bersama are set yearly by a
joint decree, so an admin adds (``off``) or takes back (``work``) single days, and those
entries win over the package.

Office hours default to the working hours of government offices (Monday-Thursday
07:30-16:00, Friday 07:30-16:30); the reference item ``office_hours`` or an office's own
``office_hours`` (``{"mon": ["07:30", "16:00"], …}``, a day left out is a day off) override it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import holidays

from hai_central.errors import ApiError, invalid
from hai_central.store import db as store
from hai_central.store.models import CalendarDay, Office

TIMEZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
DEFAULT_TIMEZONE = "Asia/Jakarta"
DAY_KINDS = ("off", "work")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_HOURS: dict[str, tuple[str, str]] = {
    "mon": ("07:30", "16:00"),
    "tue": ("07:30", "16:00"),
    "wed": ("07:30", "16:00"),
    "thu": ("07:30", "16:00"),
    "fri": ("07:30", "16:30"),
}
# Provinces outside WIB (the reference's office list names each office's province).
WITA_PROVINCES = frozenset(
    {
        "Bali",
        "Nusa Tenggara Barat",
        "Nusa Tenggara Timur",
        "Kalimantan Selatan",
        "Kalimantan Timur",
        "Kalimantan Utara",
        "Sulawesi Utara",
        "Sulawesi Tengah",
        "Sulawesi Selatan",
        "Sulawesi Tenggara",
        "Sulawesi Barat",
        "Gorontalo",
    }
)
WIT_PROVINCES = frozenset(
    {
        "Maluku",
        "Maluku Utara",
        "Papua",
        "Papua Barat",
        "Papua Barat Daya",
        "Papua Selatan",
        "Papua Tengah",
        "Papua Pegunungan",
    }
)
# A due date is never further than this many days ahead (a guard against a calendar with
# no working day at all, e.g. office hours configured empty).
MAX_SPAN_DAYS = 3660


def timezone_for(extra: dict[str, Any] | None) -> str:
    """An office's time zone: its own ``timezone``, else from its province, else WIB."""
    extra = extra or {}
    tz = extra.get("timezone")
    if tz in TIMEZONES:
        return tz
    province = extra.get("province")
    if province in WITA_PROVINCES:
        return "Asia/Makassar"
    if province in WIT_PROVINCES:
        return "Asia/Jayapura"
    return DEFAULT_TIMEZONE


def check_timezone(value: Any) -> None:
    """422 unless ``value`` is one of Indonesia's three time zones (or absent)."""
    if value is not None and value not in TIMEZONES:
        raise invalid("timezone", f"timezone must be one of {', '.join(TIMEZONES)}")


def _parse_hours(raw: Any) -> dict[int, tuple[time, time]]:
    hours: dict[int, tuple[time, time]] = {}
    for i, name in enumerate(WEEKDAYS):
        span = (raw or {}).get(name)
        if not span:
            continue
        start, end = time.fromisoformat(str(span[0])), time.fromisoformat(str(span[1]))
        if end > start:
            hours[i] = (start, end)
    return hours


@lru_cache(maxsize=64)
def national_days_off(year: int) -> frozenset[date]:
    """The package's national holidays and joint leave days (cuti bersama) of ``year``."""
    days = holidays.country_holidays("ID", years=year, categories=("public", "government"))
    return frozenset(days.keys())


def national_holidays(year: int) -> list[dict[str, str]]:
    """The package's calendar of ``year`` with Indonesian names (for the admin's list)."""
    days = holidays.country_holidays(
        "ID", years=year, categories=("public", "government"), language="id"
    )
    return [{"date": d.isoformat(), "name": n} for d, n in sorted(days.items())]


@dataclass(frozen=True)
class WorkCalendar:
    """Working time of one office: its zone, its hours and the days that differ."""

    timezone: str
    hours: dict[int, tuple[time, time]]
    extra_off: frozenset[date] = frozenset()
    extra_work: frozenset[date] = frozenset()

    def is_working_day(self, d: date) -> bool:
        if d in self.extra_work:
            return True  # a make-up day works even on a weekend (default hours then)
        if d in self.extra_off or d in national_days_off(d.year):
            return False
        return d.weekday() in self.hours

    def _span(self, d: date) -> tuple[datetime, datetime] | None:
        if not self.is_working_day(d):
            return None
        start, end = self.hours.get(d.weekday()) or DEFAULT_HOURS_PARSED[0]
        tz = ZoneInfo(self.timezone)
        return datetime.combine(d, start, tz), datetime.combine(d, end, tz)

    def add(self, start: datetime, minutes: float) -> datetime:
        """The moment ``minutes`` of working time after ``start`` (UTC)."""
        if minutes <= 0:
            return start.astimezone(UTC)
        tz = ZoneInfo(self.timezone)
        moment = start.astimezone(tz)
        remaining = timedelta(minutes=minutes)
        day = moment.date()
        for _ in range(MAX_SPAN_DAYS):
            span = self._span(day)
            if span is not None:
                begin = max(moment, span[0])
                if begin < span[1]:
                    available = span[1] - begin
                    if remaining <= available:
                        return (begin + remaining).astimezone(UTC)
                    remaining -= available
            day += timedelta(days=1)
        raise ApiError(500, "calendar_error", "no working time found within ten years")

    def between(self, a: datetime, b: datetime) -> float:
        """Working minutes from ``a`` to ``b`` (0 when ``b`` is not after ``a``)."""
        if b <= a:
            return 0.0
        tz = ZoneInfo(self.timezone)
        a, b = a.astimezone(tz), b.astimezone(tz)
        total = timedelta()
        day = a.date()
        while day <= b.date():
            span = self._span(day)
            if span is not None:
                lo, hi = max(a, span[0]), min(b, span[1])
                if hi > lo:
                    total += hi - lo
            day += timedelta(days=1)
        return total.total_seconds() / 60


DEFAULT_HOURS_PARSED = _parse_hours(DEFAULT_HOURS)


def _reference_hours() -> Any:
    from hai_central.services import reference

    return reference.get_item("office_hours")


def _calendar(extra: dict[str, Any], rows: list[CalendarDay], reference_hours: Any) -> WorkCalendar:
    raw_hours = extra.get("office_hours") or reference_hours or DEFAULT_HOURS
    return WorkCalendar(
        timezone=timezone_for(extra),
        hours=_parse_hours(raw_hours),
        extra_off=frozenset(date.fromisoformat(r.day) for r in rows if r.kind == "off"),
        extra_work=frozenset(date.fromisoformat(r.day) for r in rows if r.kind == "work"),
    )


def calendar_for(office_code: str | None) -> WorkCalendar:
    """The working calendar of an office (unknown office: WIB, default hours)."""
    with store.session():
        office = Office.get_or_none(Office.code == office_code) if office_code else None
        extra = (office.extra or {}) if office is not None else {}
        rows = list(CalendarDay.select())
    return _calendar(extra, rows, _reference_hours())


def calendars_for(office_codes: set[str]) -> dict[str, WorkCalendar]:
    """The working calendars of many offices at once (the national view's desks); an
    unknown office gets WIB and the default hours, as in :func:`calendar_for`."""
    with store.session():
        extras = {
            o.code: o.extra or {}
            for o in Office.select(Office.code, Office.extra).where(
                Office.code.in_(sorted(office_codes) or [""])
            )
        }
        rows = list(CalendarDay.select())
    reference_hours = _reference_hours()
    return {code: _calendar(extras.get(code, {}), rows, reference_hours) for code in office_codes}


# ------------------------------------------------------------------ admin: days that differ


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise invalid("date", "a date is YYYY-MM-DD") from None


def set_day(day: str, kind: str, name: str, user_id: str | None) -> dict[str, Any]:
    """Add (or change) a day off (``off``: cuti bersama, a local holiday) or a working day
    that the national calendar marks off (``work``)."""
    d = _parse_day(day)
    if kind not in DAY_KINDS:
        raise invalid("kind", "kind must be 'off' or 'work'")
    name = (name or "").strip()[:200]
    if not name:
        raise invalid("name", "name the day (e.g. 'Cuti bersama Idulfitri')")
    from hai_central.services.common import now_iso

    with store.transaction():
        CalendarDay.insert(
            day=d.isoformat(), kind=kind, name=name, created_by=user_id, created_at=now_iso()
        ).on_conflict(
            conflict_target=[CalendarDay.day],
            update={CalendarDay.kind: kind, CalendarDay.name: name},
        ).execute()
    return {"date": d.isoformat(), "kind": kind, "name": name, "source": "admin"}


def remove_day(day: str) -> bool:
    """Drop an admin's day; True when there was one."""
    d = _parse_day(day)
    with store.transaction():
        return CalendarDay.delete().where(CalendarDay.day == d.isoformat()).execute() > 0


def list_days(year: int) -> list[dict[str, Any]]:
    """The year's days off and admin changes: national ones, then the admin's over them."""
    if not 1900 <= year <= 2200:
        raise invalid("year", "year out of range")
    days: dict[str, dict[str, Any]] = {
        h["date"]: {"date": h["date"], "kind": "off", "name": h["name"], "source": "national"}
        for h in national_holidays(year)
    }
    with store.session():
        rows = CalendarDay.select().where(
            (CalendarDay.day >= f"{year}-01-01") & (CalendarDay.day <= f"{year}-12-31")
        )
        for r in rows:
            days[r.day] = {"date": r.day, "kind": r.kind, "name": r.name, "source": "admin"}
    return [days[k] for k in sorted(days)]
