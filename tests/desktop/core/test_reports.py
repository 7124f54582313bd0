"""The desk's monthly report (core/reports.py) and the shared rules (hai_contract.reports)."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from hai_contract import reports as rules
from hai_desktop.core import clock, reports
from hai_desktop.core.inquiries import save_inquiry
from hai_desktop.core.inquiries_form import InquiryInput
from tests import report_data

OFFICE = "KPPN-BANDA-ACEH"
NOW = datetime(2026, 12, 2, 3, 0, tzinfo=UTC)


def _insert(db, month: str, n: int, seed: int = 3) -> list[str]:
    times = report_data.month_times(month, n, random.Random(seed))
    report_data.insert(db, OFFICE, times, seed=seed)
    return times


def test_month_is_first_to_last_day_in_the_office_zone():
    start, end = rules.month_bounds_utc("2026-11", "Asia/Jakarta")
    assert (start.isoformat(), end.isoformat()) == (
        "2026-10-31T17:00:00+00:00",
        "2026-11-30T17:00:00+00:00",
    )
    start, _ = rules.month_bounds_utc("2026-12", "Asia/Jayapura")
    assert start.isoformat() == "2026-11-30T15:00:00+00:00"
    assert rules.shift_month("2026-01", -1) == "2025-12"
    assert rules.month_days("2028-02") == 29


def test_counted_at_rule():
    # a desk clock 5 years ahead, offset measured: corrected
    assert rules.counted_at("2031-11-10T03:00:00.250Z", -5 * 365 * 86400.0) == (
        "2026-11-11T03:00:00Z"
    )
    # offset unknown, arrival caps it: never counted after it arrived
    assert rules.counted_at("2031-06-01T00:00:00Z", None, "2026-11-20T01:00:00Z") == (
        "2026-11-20T01:00:00Z"
    )
    # absurd offsets are ignored, unreadable times take the arrival
    assert rules.counted_at("2026-11-20T01:00:00Z", 1e300) == "2026-11-20T01:00:00Z"
    assert rules.counted_at("garbage", None, "2026-11-20T01:00:00Z") == "2026-11-20T01:00:00Z"


def test_month_figures(db, profile):
    times = _insert(db, "2026-11", 300)
    _insert(db, "2026-10", 120, seed=4)
    _insert(db, "2026-12", 5, seed=5)
    r = reports.monthly("2026-11", OFFICE, now=NOW)
    assert r["inquiries"] == 300 == sum(r["by_department"].values()) == sum(r["daily"])
    assert sum(r["by_hour"]) == 300 and sum(r["by_channel"].values()) == 300
    assert r["previous_inquiries"] == 120 and r["change"] == 180 and r["change_pct"] == 150.0
    assert r["first_contact_resolved"] == r["by_outcome"]["answered"]
    assert sum(r["out_of_scope_by_reason"].values()) == r["by_outcome"].get("out_of_scope", 0)
    assert r["escalations"] == r["by_outcome"].get("escalated", 0)
    assert r["service_count"] > 0 and 3 <= r["service_minutes_median"] <= 25
    assert r["by_hour"][0] == 0 and max(r["by_hour"]) == max(r["by_hour"][8:17])
    assert r["top_questions"][0]["count"] >= r["top_questions"][-1]["count"]
    assert r["tickets"] is None  # no ticket table on this desk yet: "no data", not 0
    assert len(r["daily"]) == 30 and r["period_end"] == "2026-11-30"
    assert times  # the first working day's first hour is in the month, not in October
    assert r["daily"][datetime.fromisoformat(times[0][:10]).day - 1] >= 0


def test_empty_and_future_month(db, profile):
    r = reports.monthly("2026-06", OFFICE, now=NOW)
    assert r["inquiries"] == 0 and r["service_minutes_avg"] is None and r["top_questions"] == []
    with pytest.raises(reports.ReportError) as err:
        reports.monthly("2027-01", OFFICE, now=NOW)
    assert err.value.code == "month_future"
    with pytest.raises(reports.ReportError) as err:
        reports.monthly("2026-13", OFFICE, now=NOW)
    assert err.value.code == "month_invalid"


def test_report_query_uses_the_counted_index(db, profile):
    """Index need (for the storage work on issue 7.5): ix_inquiry_counted must stay."""
    p = reports.period("2026-11", "Asia/Jakarta")
    for sql in (
        f"SELECT * FROM inquiry WHERE {reports.COUNTED} >= ? AND {reports.COUNTED} < ?"
        " AND office_code = ?",
    ):
        plan = " ".join(
            str(r[3]) for r in db.execute_sql("EXPLAIN QUERY PLAN " + sql, (p.start, p.end, OFFICE))
        )
        assert "ix_inquiry_counted" in plan, plan


def test_save_stamps_the_clock_offset(db, profile):
    clock.forget()
    clock.remember(-3600.0)  # the desk clock is an hour fast
    try:
        saved = save_inquiry(
            InquiryInput(
                channel="telepon",
                department="PA",
                visitor_name="Siti",
                question="Apa itu UP?",
                answer="Uang persediaan.",
                outcome="answered",
            )
        )
        assert saved.clock_offset_s == pytest.approx(-3600.0, abs=1)
        created = rules.parse_time(saved.created_at)
        counted = rules.parse_time(saved.counted_at)
        assert abs((created - counted).total_seconds() - 3600) < 2
    finally:
        clock.forget()


@pytest.mark.parametrize("month", ["0000-01", "0001-01", "9999-12", "2026-00", "26-11", ""])
def test_months_a_calendar_cannot_hold_are_invalid(month):
    with pytest.raises(rules.MonthError):
        rules.month_bounds_utc(month, None)
