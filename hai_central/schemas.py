"""pydantic models of the API's payloads (they also make the OpenAPI document).

Request models allow extra fields where API.md says a payload may carry more than listed;
the hub keeps them and returns them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from hai_contract.reports import MAX_CLOCK_OFFSET_S

Code = str
Outcome = Literal["answered", "escalated", "out_of_scope"]
OutOfScopeReason = Literal["interpretation", "unregulated", "official_authority", "ppid"]
Priority = Literal["low", "normal", "high", "urgent"]
TicketStatus = Literal["new", "in_progress", "waiting", "escalated", "answered", "closed"]
BroadcastKind = Literal["info", "outage", "data_request", "service_change", "other"]
OutageStatus = Literal["investigating", "identified", "monitoring", "resolved"]
Role = Literal["cso", "agent", "broadcaster", "supervisor", "admin"]
OfficeKind = Literal["KPPN", "KANWIL", "PUSAT"]


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: dict[str, Any] = {}


class ErrorResponse(BaseModel):
    error: ErrorDetail


# --- health, auth -----------------------------------------------------------------------


class Health(BaseModel):
    status: str
    version: str
    time: str


class TokenRequest(BaseModel):
    email: str = Field(max_length=254)
    password: str = Field(max_length=1024)
    device_id: str | None = Field(default=None, max_length=64)
    device_name: str | None = Field(default=None, max_length=200)


class OfficeRef(BaseModel):
    code: str
    name: str
    kind: str


class UserPublic(BaseModel):
    id: str
    email: str
    name: str
    role: str
    active: bool = True
    office: OfficeRef


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"]
    expires_at: str
    user: UserPublic


class Ok(BaseModel):
    ok: bool = True


# --- inquiries -----------------------------------------------------------------------------


class Visitor(Open):
    name: str = Field(min_length=1, max_length=300)
    satker_code: str | None = Field(default=None, max_length=32)
    institution: str | None = Field(default=None, max_length=300)
    phone: str | None = Field(default=None, max_length=64)
    email: str | None = Field(default=None, max_length=254)


class Basis(Open):
    regulations: list[str] = []
    kb_entry_ids: list[UUID] = []


# Question and answer of an inquiry: the desk's limit (hai_desktop.core.inquiries.MAX_TEXT),
# so whatever a desk saves also reaches the hub; tests/integration/test_limits.py keeps the two
# equal. A 100,000-character answer must just work.
INQUIRY_TEXT_MAX = 200_000


class InquiryIn(Open):
    """An inquiry as a desk pushes it."""

    id: UUID
    office_code: str = Field(min_length=1, max_length=32)
    created_at: datetime
    updated_at: datetime
    channel: str = Field(min_length=1, max_length=32)
    department: str = Field(min_length=1, max_length=16)
    application: str | None = Field(default=None, max_length=64)
    visitor: Visitor
    question: str = Field(min_length=1, max_length=INQUIRY_TEXT_MAX)
    answer: str | None = Field(default=None, max_length=INQUIRY_TEXT_MAX)
    basis: Basis = Basis()
    outcome: Outcome
    out_of_scope_reason: OutOfScopeReason | None = None
    ticket_id: UUID | None = None
    served_started_at: datetime | None = None
    served_ended_at: datetime | None = None
    version: int = Field(ge=0, le=2**62)
    # The clock rule (docs/API-additions.md, "Reports"): hub time − desk time, seconds.
    clock_offset_s: float | None = Field(
        default=None, ge=-MAX_CLOCK_OFFSET_S, le=MAX_CLOCK_OFFSET_S, allow_inf_nan=False
    )
    # The outage notice the question was answered from (docs/API-additions.md, Broadcasts).
    outage_broadcast_id: UUID | None = None


class InquiryBatch(BaseModel):
    """Up to 500 inquiries; each item is validated on its own (see InquiryIn)."""

    items: list[Any] = Field(
        json_schema_extra={"items": {"$ref": "#/components/schemas/InquiryIn"}}
    )


class ItemResult(BaseModel):
    id: str | None
    status: Literal["created", "updated", "unchanged", "conflict", "rejected"]
    rev: int | None = None
    error: ErrorDetail | None = None
    current: dict[str, Any] | None = None  # with "conflict": the hub's item (issue 7.6)


class BatchResults(BaseModel):
    results: list[ItemResult]


class InquiryOut(Open):
    id: str
    office_code: str
    rev: int
    review_status: str | None = None
    version: int


class InquiryPage(BaseModel):
    items: list[InquiryOut]
    next_cursor: int
    has_more: bool


# --- knowledge base -----------------------------------------------------------------------


class KbFields(Open):
    """KbEntry fields an agent may send (all optional on update)."""

    id: UUID | None = None
    title: str | None = Field(default=None, min_length=1, max_length=500)
    question: str | None = Field(default=None, min_length=1, max_length=20000)
    answer: str | None = Field(default=None, min_length=1, max_length=50000)
    department: str | None = Field(default=None, min_length=1, max_length=16)
    application: str | None = Field(default=None, max_length=64)
    regulations: list[str] | None = None
    tags: list[str] | None = None
    source_inquiry_ids: list[UUID] | None = None
    valid_until: datetime | None = None


class KbCreate(KbFields):
    id: UUID
    title: str = Field(min_length=1, max_length=500)
    question: str = Field(min_length=1, max_length=20000)
    answer: str = Field(min_length=1, max_length=50000)
    department: str = Field(min_length=1, max_length=16)


class KbEntryOut(BaseModel):
    id: str
    rev: int
    title: str
    question: str
    answer: str
    department: str
    application: str | None = None
    regulations: list[str]
    tags: list[str]
    source_inquiry_ids: list[str]
    valid_until: str | None = None
    updated_at: str
    deleted: bool
    helpful_count: int | None = None
    unhelpful_count: int | None = None


class KbPage(BaseModel):
    items: list[KbEntryOut]
    next_cursor: int
    has_more: bool


class FeedbackIn(BaseModel):
    id: UUID
    helpful: bool
    note: str | None = Field(default=None, max_length=2000)


class FeedbackOut(BaseModel):
    id: str
    kb_entry_id: str
    helpful: bool
    created: bool


class ReviewDecision(BaseModel):
    decision: Literal["accept", "reject"]
    kb_entry: KbFields | None = None
    note: str | None = Field(default=None, max_length=2000)


class ReviewResult(BaseModel):
    inquiry: InquiryOut
    kb_entry: KbEntryOut | None = None


# --- attachments --------------------------------------------------------------------------


class AttachmentRef(Open):
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    filename: str = Field(min_length=1, max_length=255)


class AttachmentOut(BaseModel):
    sha256: str
    filename: str
    size: int
    content_type: str | None = None
    created: bool


# --- tickets ------------------------------------------------------------------------------


class Requester(Open):
    name: str = Field(min_length=1, max_length=300)
    email: str = Field(min_length=3, max_length=254)
    phone: str | None = Field(default=None, max_length=64)
    satker_code: str | None = Field(default=None, max_length=32)


class TicketIn(Open):
    id: UUID
    inquiry_id: UUID | None = None
    office_code: str = Field(min_length=1, max_length=32)
    department: str = Field(min_length=1, max_length=16)
    subject: str = Field(min_length=1, max_length=500)
    message: str = Field(min_length=1, max_length=50000)
    priority: Priority = "normal"
    requester: Requester
    attachments: list[AttachmentRef] = []
    created_at: datetime


class TicketMessageIn(BaseModel):
    id: UUID
    body: str = Field(min_length=1, max_length=50000)
    attachments: list[AttachmentRef] = []
    # Agent only: the status the reply leaves the ticket in (default ``answered``; e.g.
    # ``waiting`` when the reply asks the user for something, which pauses the SLA clock).
    status: TicketStatus | None = None


class TicketPatch(BaseModel):
    status: TicketStatus | None = None
    level: int | None = Field(default=None, ge=1, le=3)
    assigned_department: str | None = Field(default=None, min_length=1, max_length=16)
    assigned_to: str | None = Field(default=None, max_length=254)


class TicketClose(BaseModel):
    satisfied: bool | None = None
    note: str | None = Field(default=None, max_length=2000)


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


# --- broadcasts ---------------------------------------------------------------------------


class Audience(BaseModel):
    roles: list[str] = []
    office_kinds: list[str] = []
    office_codes: list[str] = []


class Contact(BaseModel):
    name: str = Field(min_length=1, max_length=300)
    phone: str = Field(min_length=1, max_length=64)
    email: str = Field(min_length=3, max_length=254)


class BroadcastIn(BaseModel):
    id: UUID
    kind: BroadcastKind
    title: str = Field(min_length=1, max_length=500)
    body: str = Field(min_length=1, max_length=50000)
    urgency: Literal["normal", "urgent"] = "normal"
    audience: Audience | None = None
    contact: Contact
    attachments: list[AttachmentRef] = []
    valid_until: datetime | None = None
    ack_required: bool | None = None
    affected_applications: list[str] = Field(default=[], max_length=50)
    outage_status: OutageStatus | None = None
    updates: UUID | None = None
    reply_requested: bool | None = None
    reply_due: datetime | None = None
    # Before signature v2: "this outage notice closes that one". Read as updates + resolved.
    resolves: UUID | None = None


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


class ReceiptIn(BaseModel):
    broadcast_id: UUID
    read_at: datetime
    acknowledged_at: datetime | None = None


class ReceiptBatch(BaseModel):
    items: list[ReceiptIn] = Field(max_length=500)


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


class ReplyIn(BaseModel):
    id: UUID
    body: str = Field(min_length=1, max_length=50000)
    attachments: list[AttachmentRef] = Field(default=[], max_length=20)
    created_at: datetime | None = None


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


# --- desks, admin, reports ---------------------------------------------------------------


class HeartbeatIn(BaseModel):
    device_id: str = Field(min_length=1, max_length=64)
    app_version: str = Field(max_length=64)
    outbox_depth: int = Field(ge=0, le=10**9)
    oldest_unsent_at: datetime | None = None
    last_pull_at: datetime | None = None
    client_time: datetime


class HeartbeatOut(BaseModel):
    server_time: str
    version: str | None = None  # the hub's version (the desk's About dialog)


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
    code: str = Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9_.-]+$")
    name: str = Field(min_length=1, max_length=300)
    kind: OfficeKind
    parent_code: str | None = Field(default=None, max_length=32)
    timezone: Literal["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"] | None = None


class OfficeOut(Open):
    code: str
    name: str
    kind: str
    parent_code: str | None = None
    active: bool = True


class UserIn(BaseModel):
    email: str = Field(min_length=3, max_length=254)
    name: str = Field(min_length=1, max_length=300)
    password: str = Field(min_length=8, max_length=1024)
    role: Role
    office_code: str = Field(min_length=1, max_length=32)


class UserPatch(BaseModel):
    role: Role | None = None
    office_code: str | None = Field(default=None, min_length=1, max_length=32)
    active: bool | None = None
    name: str | None = Field(default=None, min_length=1, max_length=300)
    password: str | None = Field(default=None, min_length=8, max_length=1024)


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
