"""Ticket payloads: a new ticket, messages, patches and closing, the SLA, the feed."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from hai_central.schemas.attachments import AttachmentRef
from hai_central.schemas.common import (
    Department,
    Email,
    OfficeCode,
    Open,
    Phone,
    Priority,
    Satker,
    Text,
    TicketStatus,
)
from hai_central.wire import Int, Strict, Time, Uuid
from hai_contract import limits as L


class Requester(Open):
    name: str = Text(L.PERSON_NAME_MAX)
    email: Email
    phone: Phone | None = None
    satker_code: Satker | None = None


class TicketIn(Open):
    id: Uuid
    inquiry_id: Uuid | None = None
    office_code: OfficeCode
    department: Department
    subject: str = Text(L.SUBJECT_MAX)
    message: str = Text(L.MESSAGE_MAX)
    priority: Priority = "normal"
    requester: Requester
    attachments: list[AttachmentRef] = Field(default=[], max_length=L.ATTACHMENTS_MAX)
    created_at: Time


class TicketMessageIn(Strict):
    id: Uuid
    body: str = Text(L.MESSAGE_MAX)
    attachments: list[AttachmentRef] = Field(default=[], max_length=L.ATTACHMENTS_MAX)
    # Agent only: the status the reply leaves the ticket in (default ``answered``; e.g.
    # ``waiting`` when the reply asks the user for something, which pauses the SLA clock).
    status: TicketStatus | None = None


class TicketPatch(Strict):
    status: TicketStatus | None = None
    level: Int(L.TICKET_LEVEL_MIN, L.TICKET_LEVEL_MAX) | None = None
    assigned_department: Department | None = None
    assigned_to: str | None = Text(L.EMAIL_MAX, required=False, default=None)


class TicketClose(Strict):
    satisfied: bool | None = None
    note: str | None = Text(L.NOTE_MAX, required=False, default=None)


class Sla(BaseModel):
    response_due: str | None
    resolve_due: str | None
    # Working-time SLA (API-additions.md, tickets): the clock is paused while ``waiting``.
    paused: bool = False
    paused_since: str | None = None
    response_minutes: int | None = None
    resolve_minutes: int | None = None
    resolve_remaining_minutes: float | None = None
    response_met: bool | None = None
    resolve_met: bool | None = None


class TicketMessageOut(BaseModel):
    id: str
    author_role: str
    author_name: str | None = None
    body: str
    attachments: list[dict[str, Any]]
    created_at: str


class TicketOut(BaseModel):
    id: str
    number: str
    rev: int
    office_code: str
    inquiry_id: str | None = None
    department: str
    subject: str
    message: str
    priority: str
    requester: dict[str, Any]
    attachments: list[dict[str, Any]]
    status: str
    level: int
    assigned_department: str | None = None
    assigned_to: str | None = None
    sla: Sla
    created_at: str
    received_at: str | None = None
    updated_at: str
    first_response_at: str | None = None
    resolved_at: str | None = None
    closed_at: str | None = None
    satisfied: bool | None = None
    close_note: str | None = None
    messages: list[TicketMessageOut]


class TicketPage(BaseModel):
    items: list[TicketOut]
    next_cursor: int
    has_more: bool
