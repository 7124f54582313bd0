"""Desk, admin and report payloads: heartbeats, desks, offices, users, the monthly report."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from hai_central.schemas.auth import UserPublic
from hai_central.schemas.common import (
    Email,
    OfficeCode,
    OfficeKind,
    OfficialEmail,
    Open,
    Role,
    Text,
    Timezone,
)
from hai_central.wire import Int, Strict, Time
from hai_contract import limits as L

FeedName = Annotated[str, Field(min_length=1, max_length=32, pattern=r"^[a-z_]+$")]


class HeartbeatIn(Strict):
    device_id: str = Text(64)
    app_version: str = Text(L.APP_VERSION_MAX, required=False)
    outbox_depth: Int(0, 10**9)
    oldest_unsent_at: Time | None = None
    last_pull_at: Time | None = None
    client_time: Time
    # An idle sync in one request: the desk's feed cursors and reference ETag; the answer's
    # ``unchanged`` names the feeds it need not pull. Unknown feed names are ignored.
    cursors: Annotated[dict[FeedName, Int(-1, 2**63 - 1)], Field(max_length=32)] | None = None
    reference_etag: str | None = Text(128, required=False, default=None)


class HeartbeatOut(BaseModel):
    server_time: str
    version: str | None = None  # the hub's version (the desk's About dialog)
    unchanged: list[str] | None = None  # feeds (and "reference") with nothing new for the desk


class DeskOut(BaseModel):
    device_id: str
    office_code: str | None = None
    office_name: str | None = None
    user_id: str | None = None
    user_name: str | None = None
    device_name: str | None = None
    app_version: str | None = None
    outbox_depth: int
    oldest_unsent_at: str | None = None
    last_pull_at: str | None = None
    client_time: str | None = None
    last_seen: str


class DeskList(BaseModel):
    items: list[DeskOut]


class OfficeIn(Open):
    code: OfficeCode
    name: str = Text(L.OFFICE_NAME_MAX)
    kind: OfficeKind
    parent_code: OfficeCode | None = None
    timezone: Timezone | None = None
    email: Email | None = None


class OfficeOut(Open):
    code: str
    name: str
    kind: str
    parent_code: str | None = None
    active: bool = True


Password = Annotated[
    str, Field(min_length=L.PASSWORD_MIN, max_length=L.PASSWORD_MAX, pattern=L.TEXT_PATTERN)
]


class UserIn(Strict):
    email: OfficialEmail
    name: str = Text(L.PERSON_NAME_MAX)
    password: Password
    role: Role
    office_code: OfficeCode


class UserPatch(Strict):
    role: Role | None = None
    office_code: OfficeCode | None = None
    active: bool | None = None
    name: str | None = Text(L.PERSON_NAME_MAX, default=None)
    password: Password | None = None


class UserList(BaseModel):
    items: list[UserPublic]


class OfficeList(BaseModel):
    items: list[OfficeOut]


class TopQuestion(BaseModel):
    key: str
    question: str
    count: int


class MonthlyReport(BaseModel):
    """hai_contract.reports.compute's figures (docs/API-additions.md, "Reports")."""

    office_code: str | None
    office_codes: list[str]
    month: str
    timezone: str
    period_start: str
    period_end: str
    inquiries: int
    by_department: dict[str, int]
    by_channel: dict[str, int]
    by_application: dict[str, int]
    by_outcome: dict[str, int]
    out_of_scope_by_reason: dict[str, int]
    escalations: int
    first_contact_resolved: int
    first_contact_rate: float | None
    tickets: int | None
    sla_response_met: int | None
    sla_response_missed: int | None
    sla_resolve_met: int | None
    sla_resolve_missed: int | None
    satisfied: int | None
    unsatisfied: int | None
    satisfaction_rate: float | None
    service_count: int
    service_minutes_avg: float | None
    service_minutes_median: float | None
    service_minutes_total: float
    by_hour: list[int]
    daily: list[int]
    top_questions: list[TopQuestion]
    by_outage: dict[str, int]
    previous_month: str
    previous_inquiries: int | None
    change: int | None
    change_pct: float | None
