"""Working-time SLA: office hours in the office's zone, national holidays and cuti bersama,
admin days, the clock paused while ``waiting``; statuses, levels, assignment, satisfaction."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, date, datetime

import pytest

from hai_central.services import calendar, tickets
from hai_central.services.calendar import DEFAULT_HOURS_PARSED, WorkCalendar
from hai_central.services.common import CurrentUser, iso
from tests.central.test_tickets_attachments import ticket

WIB = WorkCalendar("Asia/Jakarta", DEFAULT_HOURS_PARSED)
WIT = WorkCalendar("Asia/Jayapura", DEFAULT_HOURS_PARSED)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def test_working_minutes_skip_nights_and_weekends():
    # Friday 2026-11-27 16:00 WIB (09:00 UTC): 30 minutes left that day (Friday ends 16:30),
    # then Monday from 07:30: 60 minutes end on Monday 08:00 WIB = 01:00 UTC.
    assert WIB.add(utc(2026, 11, 27, 9, 0), 60) == utc(2026, 11, 30, 1, 0)
    # Started at night: counts from the next opening.
    assert WIB.add(utc(2026, 11, 25, 20, 0), 30) == utc(2026, 11, 26, 1, 0)
    assert WIB.between(utc(2026, 11, 27, 9, 0), utc(2026, 11, 30, 1, 0)) == 60


def test_each_office_works_by_its_own_clock():
    start = utc(2026, 11, 25, 23, 0)  # 06:00 WIB, 08:00 WIT on Thursday the 26th
    assert WIB.add(start, 60) == utc(2026, 11, 26, 1, 30)  # 07:30 + 1 h WIB
    assert WIT.add(start, 60) == utc(2026, 11, 26, 0, 0)  # 08:00 + 1 h WIT = 09:00 WIT


def test_national_holidays_and_cuti_bersama_are_skipped():
    # Monday 2026-08-17 is Independence Day: Friday 16:00 + 60 min lands on Tuesday 08:00.
    assert WIB.add(utc(2026, 8, 14, 9, 0), 60) == utc(2026, 8, 18, 1, 0)
    # Idulfitri 1447 H: 20-24 March 2026 are holidays and cuti bersama (the package's
    # government category); Thursday 19 is Nyepi. Wednesday 18 March (cuti bersama Nyepi)
    # too, so Tuesday 17 March 15:00 WIB + 120 min ends on Wednesday 25 March 08:30.
    assert WIB.add(utc(2026, 3, 17, 8, 0), 120) == utc(2026, 3, 25, 1, 30)


def test_admin_days_off_and_working_days(hub):
    r = hub.client.put(
        "/api/v1/admin/calendar/2026-11-30",
        headers=hub.admin,
        json={"kind": "off", "name": "Cuti bersama (uji)"},
    )
    assert r.status_code == 200 and r.json()["source"] == "admin"
    cal = calendar.calendar_for("PUSAT")
    assert not cal.is_working_day(date(2026, 11, 30))
    assert cal.add(utc(2026, 11, 27, 9, 0), 60) == utc(2026, 12, 1, 1, 0)
    listed = hub.client.get("/api/v1/admin/calendar?year=2026", headers=hub.admin).json()["items"]
    days = {d["date"]: d for d in listed}
    assert days["2026-11-30"]["kind"] == "off" and days["2026-08-17"]["source"] == "national"
    # A day the national calendar has off can be made a working day.
    hub.client.put(
        "/api/v1/admin/calendar/2026-08-17", headers=hub.admin, json={"kind": "work", "name": "x"}
    )
    assert calendar.calendar_for("PUSAT").is_working_day(date(2026, 8, 17))
    assert (
        hub.client.delete("/api/v1/admin/calendar/2026-11-30", headers=hub.admin).status_code == 204
    )
    assert (
        hub.client.delete("/api/v1/admin/calendar/2026-11-30", headers=hub.admin).status_code == 404
    )
    cso = hub.user("cso", "KPPN-A")
    assert (
        hub.client.put(
            "/api/v1/admin/calendar/2026-12-01", headers=cso, json={"name": "x"}
        ).status_code
        == 403
    )
    assert (
        hub.client.put(
            "/api/v1/admin/calendar/2026-13-01", headers=hub.admin, json={"name": "x"}
        ).status_code
        == 422
    )


def test_office_timezone_in_reference_and_validated(hub):
    r = hub.client.post(
        "/api/v1/admin/offices",
        headers=hub.admin,
        json={
            "code": "KPPN-MKS",
            "name": "KPPN Makassar",
            "kind": "KPPN",
            "timezone": "Asia/Makassar",
        },
    )
    assert r.status_code == 201 and r.json()["timezone"] == "Asia/Makassar"
    bad = hub.client.post(
        "/api/v1/admin/offices",
        headers=hub.admin,
        json={"code": "KPPN-X", "name": "X", "kind": "KPPN", "timezone": "Asia/Tokyo"},
    )
    assert bad.status_code == 422
    ref = hub.client.get("/api/v1/reference", headers=hub.admin).json()
    by_code = {o["code"]: o for o in ref["offices"]}
    assert by_code["KPPN-MKS"]["timezone"] == "Asia/Makassar"
    assert by_code["PUSAT"]["timezone"] == "Asia/Jakarta"
    assert calendar.calendar_for("KPPN-MKS").timezone == "Asia/Makassar"
    # Without its own zone an office takes its province's.
    assert calendar.timezone_for({"province": "Papua"}) == "Asia/Jayapura"


class Clock:
    """A settable "now" for the ticket service."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = Clock(utc(2026, 11, 26, 2, 0))  # Thursday 09:00 WIB
    monkeypatch.setattr(tickets, "utcnow", c)
    return c


def test_dues_are_working_time_and_waiting_pauses_the_clock(hub, clock):
    a, agent = hub.user("cso", "KPPN-A"), hub.user("agent")
    t = ticket("KPPN-A", priority="normal", department="PA")  # 240 / 2880 working minutes
    r = hub.client.post("/api/v1/tickets", headers=a, json=t).json()
    assert r["sla"]["response_minutes"] == 240 and r["sla"]["resolve_minutes"] == 2880
    # Thursday 09:00 + 4 working hours = 13:00 WIB.
    assert r["sla"]["response_due"] == "2026-11-26T06:00:00Z"
    resolve_due = r["sla"]["resolve_due"]
    # The agent asks the user for a document: waiting, the clock stops.
    clock.now = utc(2026, 11, 26, 3, 0)  # 10:00 WIB
    w = hub.client.post(
        f"/api/v1/tickets/{t['id']}/messages",
        headers=agent,
        json={"id": str(uuid.uuid4()), "body": "Mohon kirim SPM.", "status": "waiting"},
    ).json()
    assert w["status"] == "waiting" and w["sla"]["paused"] is True
    assert w["sla"]["paused_since"] == "2026-11-26T03:00:00Z"
    assert w["sla"]["resolve_remaining_minutes"] == 2880 - 60
    assert w["sla"]["response_met"] is True
    # The user answers the next working day at 10:00: 510 working minutes were waited
    # (Thursday 10:00-16:00 = 360, Friday 07:30-10:00 = 150).
    clock.now = utc(2026, 11, 27, 3, 0)
    back = hub.client.post(
        f"/api/v1/tickets/{t['id']}/messages",
        headers=a,
        json={"id": str(uuid.uuid4()), "body": "Terlampir."},
    ).json()
    assert back["status"] == "in_progress" and back["sla"]["paused"] is False
    cal = calendar.calendar_for("KPPN-A")
    waited = cal.between(utc(2026, 11, 26, 3, 0), utc(2026, 11, 27, 3, 0))
    assert waited == 510
    old = datetime.fromisoformat(resolve_due.replace("Z", "+00:00"))
    assert back["sla"]["resolve_due"] == iso(cal.add(old, 510)) != resolve_due


def test_status_level_assignment_and_satisfaction(hub, clock):
    a, agent = hub.user("cso", "KPPN-A"), hub.user("agent")
    t = ticket("KPPN-A")
    hub.client.post("/api/v1/tickets", headers=a, json=t)
    url = f"/api/v1/tickets/{t['id']}"
    p = hub.client.patch(
        url,
        headers=agent,
        json={"status": "escalated", "level": 3, "assigned_to": "l3@kemenkeu.go.id"},
    ).json()
    assert (p["status"], p["level"], p["assigned_to"]) == ("escalated", 3, "l3@kemenkeu.go.id")
    assert hub.client.patch(url, headers=agent, json={"level": 4}).status_code == 422
    assert hub.client.patch(url, headers=agent, json={"status": "lost"}).status_code == 422
    assert hub.client.patch(url, headers=agent, json={"status": "waiting"}).json()["sla"]["paused"]
    # A desk may not set a status through a message.
    m = {"id": str(uuid.uuid4()), "body": "x", "status": "closed"}
    assert hub.client.post(f"{url}/messages", headers=a, json=m).status_code == 403
    c = hub.client.post(f"{url}/close", headers=a, json={"satisfied": False, "note": "Lama"}).json()
    assert (c["status"], c["satisfied"], c["close_note"]) == ("closed", False, "Lama")
    assert c["sla"]["paused"] is False and c["closed_at"]
    # A follow-up on a closed ticket is refused; the desk forwards a new one.
    r = hub.client.post(f"{url}/messages", headers=a, json={"id": str(uuid.uuid4()), "body": "y"})
    assert r.status_code == 409 and r.json()["error"]["code"] == "ticket_closed"


def test_ticket_numbers_gapless_under_concurrency(hub):
    """Parallel creates (and repeats of the same ids) take numbers 1..N, none twice."""
    hub.user("cso", "KPPN-A")
    user = CurrentUser("u", "u@kemenkeu.go.id", "U", "cso", "KPPN-A", "A", "KPPN", "")
    from hai_central.schemas.tickets import TicketIn

    bodies = [TicketIn.model_validate(ticket("KPPN-A")) for _ in range(24)]
    numbers: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def work(chunk):
        try:
            for body in chunk:
                got, _ = tickets.create(user, body)
                with lock:
                    numbers.append(got["number"])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    # Each body is sent by two threads: 48 requests, 24 tickets.
    threads = [threading.Thread(target=work, args=(bodies[i::4],)) for i in range(4)]
    threads += [threading.Thread(target=work, args=(bodies[i::4][::-1],)) for i in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    year = datetime.now(UTC).year
    assert sorted(set(numbers)) == [f"HAI-{year}-{n:06d}" for n in range(1, 25)]
    assert len(numbers) == 48


def test_old_style_dues_unchanged_without_targets():
    from hai_central.services import ticket_sla
    from hai_central.store.models import Ticket

    t = Ticket(
        status="new",
        office_code="X",
        received_at="2026-11-26T02:00:00Z",
        response_due="2026-11-26T06:00:00Z",
        resolve_due="2026-11-28T02:00:00Z",
    )
    t.sla_response_minutes = None
    assert ticket_sla.public(t)["response_due"] == "2026-11-26T06:00:00Z"
