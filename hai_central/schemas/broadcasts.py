"""Broadcast payloads: notices and their audience, the signing key, receipts, replies and
the e-mail status."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from hai_central.schemas.attachments import AttachmentRef
from hai_central.schemas.common import (
    BroadcastKind,
    Email,
    ErrorDetail,
    OfficeCode,
    OfficeKind,
    OutageStatus,
    Phone,
    Role,
    Text,
    Urgency,
)
from hai_central.wire import Strict, Time, Uuid
from hai_contract import limits as L


class Audience(Strict):
    roles: list[Role] = []
    office_kinds: list[OfficeKind] = []
    office_codes: list[OfficeCode] = Field(default=[], max_length=1000)


class Contact(Strict):
    name: str = Text(L.PERSON_NAME_MAX)
    phone: Phone
    email: Email


ApplicationCode = Annotated[str, Text(L.APPLICATION_CODE_MAX)]


class BroadcastIn(Strict):
    id: Uuid
    kind: BroadcastKind
    title: str = Text(L.SUBJECT_MAX)
    body: str = Text(L.MESSAGE_MAX)
    urgency: Urgency = "normal"
    audience: Audience | None = None
    contact: Contact
    attachments: list[AttachmentRef] = Field(default=[], max_length=L.ATTACHMENTS_MAX)
    valid_until: Time | None = Field(default=None, description="in the future")
    ack_required: bool | None = None
    affected_applications: list[ApplicationCode] = Field(default=[], max_length=50)
    outage_status: OutageStatus | None = None
    updates: Uuid | None = None
    reply_requested: bool | None = None
    reply_due: Time | None = Field(default=None, description="in the future")
    # Before signature v2: "this outage notice closes that one". Read as updates + resolved.
    resolves: Uuid | None = None


class BroadcastOut(BaseModel):
    id: str
    number: str
    rev: int
    kind: str
    title: str
    body: str
    urgency: str
    audience: dict[str, Any]
    contact: dict[str, Any]
    attachments: list[dict[str, Any]]
    valid_until: str | None = None
    updates: str | None = None
    outage_status: str | None = None
    affected_applications: list[str] | None = None
    ack_required: bool | None = None
    reply_requested: bool | None = None
    reply_due: str | None = None
    published_at: str
    signature: str
    signature_version: int


class BroadcastPage(BaseModel):
    items: list[BroadcastOut]
    next_cursor: int
    has_more: bool


class PublicKey(BaseModel):
    algorithm: Literal["Ed25519"]
    public_key: str


class ReceiptIn(Strict):
    broadcast_id: Uuid
    read_at: Time
    acknowledged_at: Time | None = None


class ReceiptBatch(Strict):
    items: list[ReceiptIn] = Field(max_length=L.BATCH_ITEMS_MAX)


class ReceiptResult(BaseModel):
    broadcast_id: str
    status: Literal["recorded", "rejected"]
    error: ErrorDetail | None = None


class ReceiptResults(BaseModel):
    results: list[ReceiptResult]


class ReceiptRow(BaseModel):
    user_id: str
    name: str | None = None
    office_code: str | None = None
    read_at: str | None = None
    acknowledged_at: str | None = None


class OfficeReceipt(BaseModel):
    office_code: str
    office_name: str | None = None
    state: Literal["acknowledged", "read", "none"]
    read_at: str | None = None
    acknowledged_at: str | None = None


class ReceiptReport(BaseModel):
    broadcast_id: str
    ack_required: bool = False
    read: list[ReceiptRow]
    acknowledged: list[ReceiptRow]
    silent_offices: list[str]
    unacknowledged_offices: list[str] = []
    offices: list[OfficeReceipt] = []


class ReplyIn(Strict):
    id: Uuid
    body: str = Text(L.MESSAGE_MAX)
    attachments: list[AttachmentRef] = Field(default=[], max_length=L.ATTACHMENTS_MAX)
    created_at: Time | None = None


class ReplyOut(BaseModel):
    id: str
    broadcast_id: str
    office_code: str
    author_name: str | None = None
    body: str
    attachments: list[dict[str, Any]]
    created_at: str
    received_at: str
    late: bool


class OfficeReply(BaseModel):
    office_code: str
    office_name: str | None = None
    state: Literal["replied", "late", "missing"]
    replied_at: str | None = None
    replies: int = 0


class ReplyReport(BaseModel):
    broadcast_id: str
    reply_due: str | None = None
    due_passed: bool
    offices: list[OfficeReply]
    replies: list[ReplyOut]


class EmailStatusRow(BaseModel):
    office_code: str | None = None
    state: str
    attempts: int
    sent_at: str | None = None
    last_error: str | None = None


class EmailStatus(BaseModel):
    broadcast_id: str
    items: list[EmailStatusRow]
