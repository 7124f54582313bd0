"""pydantic models of the API's payloads (they also make the OpenAPI document).

Request models allow extra fields where API.md says a payload may carry more than listed;
the hub keeps them and returns them.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from hai_central.wire import InquiryIn, Int, Strict, StrictOpen, Time, Uuid, codes_type
from hai_contract import codes, limits
from hai_contract.emails import EMAIL_PATTERN, official_pattern

L = limits
Code = str
Outcome = codes_type(codes.OUTCOMES)
OutOfScopeReason = codes_type(codes.OUT_OF_SCOPE_REASONS)
Priority = codes_type(codes.PRIORITIES)
TicketStatus = codes_type(codes.TICKET_STATUSES)
BroadcastKind = codes_type(codes.BROADCAST_KINDS)
OutageStatus = codes_type(codes.OUTAGE_STATUSES)
Role = codes_type(codes.ROLES)
OfficeKind = codes_type(codes.OFFICE_KINDS)
Department = codes_type(codes.DEPARTMENTS)
Urgency = codes_type(codes.URGENCIES)
Timezone = codes_type(codes.TIMEZONES)
Sha256 = Annotated[str, Field(pattern=L.SHA256_PATTERN)]
OfficeCode = Annotated[
    str, Field(min_length=1, max_length=L.OFFICE_CODE_MAX, pattern=L.OFFICE_CODE_PATTERN)
]
Email = Annotated[str, Field(min_length=3, max_length=L.EMAIL_MAX, pattern=EMAIL_PATTERN)]
# Users' e-mail: on an official domain (the seed list; the hub's reference data may add more).
OfficialEmail = Annotated[
    str, Field(min_length=3, max_length=L.EMAIL_MAX, pattern=official_pattern())
]
# Contacts' and requesters' phones: free text (an extension, "ext. 12"), as before.
Phone = Annotated[str, Field(min_length=1, max_length=64, pattern=L.REQUIRED_TEXT_PATTERN)]
Satker = Annotated[str, Field(max_length=L.SATKER_DIGITS, pattern=L.SATKER_PATTERN)]


def Text(max_length: int, *, required: bool = True, **kw: Any) -> Any:  # noqa: N802
    """A text field of at most ``max_length`` characters (no NUL; required: not blank)."""
    pattern = L.REQUIRED_TEXT_PATTERN if required else L.TEXT_PATTERN
    return Field(min_length=1 if required else None, max_length=max_length, pattern=pattern, **kw)


Open = StrictOpen


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


class TokenRequest(Strict):
    email: str = Text(L.EMAIL_MAX, required=False)
    password: str = Text(L.PASSWORD_MAX, required=False)
    device_id: str | None = Text(64, required=False, default=None)
    device_name: str | None = Text(L.DEVICE_NAME_MAX, required=False, default=None)


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


# InquiryIn: built from the contract's shape (hai_contract.inquiry.INQUIRY) in wire.py.
INQUIRY_TEXT_MAX = L.INQUIRY_TEXT_MAX
__all__ = ["InquiryIn"]


class InquiryBatch(Strict):
    """Up to 500 inquiries; each item is validated on its own (see InquiryIn): a bad one is
    answered ``rejected`` naming the field, the others are stored."""

    items: list[Any] = Field(
        json_schema_extra={
            "items": {"$ref": "#/components/schemas/InquiryIn"},
            "maxItems": L.BATCH_ITEMS_MAX,
        }
    )


class ItemResult(BaseModel):
    id: str | None
    status: codes_type(codes.ITEM_STATUSES)
    rev: int | None = None
    error: ErrorDetail | None = None
    current: dict[str, Any] | None = None


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


KbListText = Annotated[str, Text(L.KB_LIST_TEXT_MAX, required=False)]


class KbFields(Open):
    """KbEntry fields an agent may send (all optional on update)."""

    id: Uuid | None = None
    title: str | None = Text(L.KB_TITLE_MAX, default=None)
    question: str | None = Text(L.KB_QUESTION_MAX, default=None)
    answer: str | None = Text(L.KB_ANSWER_MAX, default=None)
    department: Department | None = None
    application: str | None = Text(L.APPLICATION_CODE_MAX, required=False, default=None)
    regulations: list[KbListText] | None = Field(default=None, max_length=L.KB_LIST_ITEMS_MAX)
    tags: list[KbListText] | None = Field(default=None, max_length=L.KB_LIST_ITEMS_MAX)
    source_inquiry_ids: list[Uuid] | None = Field(default=None, max_length=L.KB_LIST_ITEMS_MAX)
    valid_until: Time | None = None


class KbCreate(KbFields):
    id: Uuid
    title: str = Text(L.KB_TITLE_MAX)
    question: str = Text(L.KB_QUESTION_MAX)
    answer: str = Text(L.KB_ANSWER_MAX)
    department: Department


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


class FeedbackIn(Strict):
    id: Uuid
    helpful: bool
    note: str | None = Text(L.NOTE_MAX, required=False, default=None)


class FeedbackOut(BaseModel):
    id: str
    kb_entry_id: str
    helpful: bool
    created: bool


class ReviewDecision(Strict):
    decision: codes_type(codes.REVIEW_DECISIONS)
    kb_entry: KbFields | None = None
    note: str | None = Text(L.NOTE_MAX, required=False, default=None)


class ReviewResult(BaseModel):
    inquiry: InquiryOut
    kb_entry: KbEntryOut | None = None


# --- attachments --------------------------------------------------------------------------


class AttachmentRef(Open):
    sha256: Sha256
    filename: str = Text(L.FILENAME_MAX)


class AttachmentOut(BaseModel):
    sha256: str
    filename: str
    size: int
    content_type: str | None = None
    created: bool


# --- tickets ------------------------------------------------------------------------------


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


# --- broadcasts ---------------------------------------------------------------------------


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


# --- desks, admin, reports ---------------------------------------------------------------


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
