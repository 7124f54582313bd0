"""peewee models of the hub's tables (the schema itself is made by the migrations).

Times are stored as RFC 3339 UTC text (``2026-11-26T08:15:00Z``) so they read the same on
SQLite and PostgreSQL and sort correctly; token and throttling times are epoch seconds.
Lists and objects are stored as JSON text.
"""

from __future__ import annotations

import json

import peewee

database_proxy = peewee.DatabaseProxy()


class JSONTextField(peewee.TextField):
    """A JSON value stored as text (portable between SQLite and PostgreSQL)."""

    def db_value(self, value):
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def python_value(self, value):
        if value is None:
            return None
        return json.loads(value)


class BaseModel(peewee.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Counter(BaseModel):
    name = peewee.CharField(primary_key=True, max_length=64)
    value = peewee.BigIntegerField()


class SchemaVersion(BaseModel):
    version = peewee.IntegerField(primary_key=True)
    name = peewee.TextField()
    applied_at = peewee.TextField()


class ReferenceItem(BaseModel):
    key = peewee.CharField(primary_key=True, max_length=64)
    value = JSONTextField()


class Office(BaseModel):
    code = peewee.CharField(primary_key=True, max_length=32)
    name = peewee.TextField()
    kind = peewee.CharField(max_length=16)
    parent_code = peewee.CharField(max_length=32, null=True)
    active = peewee.BooleanField(default=True)
    extra = JSONTextField(default=dict)


class AppUser(BaseModel):
    id = peewee.CharField(primary_key=True, max_length=36)
    email = peewee.CharField(unique=True, max_length=254)
    name = peewee.TextField()
    password_hash = peewee.TextField()
    role = peewee.CharField(max_length=16)
    office_code = peewee.CharField(max_length=32)
    active = peewee.BooleanField(default=True)
    created_at = peewee.TextField()


class AuthToken(BaseModel):
    token_hash = peewee.CharField(primary_key=True, max_length=64)
    user_id = peewee.CharField(max_length=36)
    device_id = peewee.CharField(max_length=64, null=True)
    device_name = peewee.TextField(null=True)
    created_at = peewee.BigIntegerField()
    expires_at = peewee.BigIntegerField()
    revoked = peewee.BooleanField(default=False)


class LoginFailure(BaseModel):
    id = peewee.CharField(primary_key=True, max_length=36)
    email = peewee.CharField(max_length=254)
    address = peewee.CharField(max_length=64)
    at = peewee.BigIntegerField()


class Inquiry(BaseModel):
    id = peewee.CharField(primary_key=True, max_length=36)
    office_code = peewee.CharField(max_length=32)
    version = peewee.BigIntegerField()
    rev = peewee.BigIntegerField()
    outcome = peewee.CharField(max_length=16)
    department = peewee.CharField(max_length=16)
    channel = peewee.CharField(max_length=32)
    application = peewee.CharField(max_length=64, null=True)
    created_at = peewee.TextField()
    review_status = peewee.CharField(max_length=16, null=True)
    review_note = peewee.TextField(null=True)
    reviewed_by = peewee.CharField(max_length=36, null=True)
    data = JSONTextField()
    received_at = peewee.TextField()
    first_received_at = peewee.TextField(null=True)  # m0004: the clock rule
    counted_at = peewee.TextField(null=True)


class KbEntry(BaseModel):
    id = peewee.CharField(primary_key=True, max_length=36)
    rev = peewee.BigIntegerField()
    title = peewee.TextField()
    question = peewee.TextField()
    answer = peewee.TextField()
    department = peewee.CharField(max_length=16)
    application = peewee.CharField(max_length=64, null=True)
    regulations = JSONTextField(default=list)
    tags = JSONTextField(default=list)
    source_inquiry_ids = JSONTextField(default=list)
    valid_until = peewee.TextField(null=True)
    updated_at = peewee.TextField()
    deleted = peewee.BooleanField(default=False)
    helpful_count = peewee.BigIntegerField(default=0)
    unhelpful_count = peewee.BigIntegerField(default=0)
    created_by = peewee.CharField(max_length=36, null=True)


class KbFeedback(BaseModel):
    id = peewee.CharField(primary_key=True, max_length=36)
    kb_entry_id = peewee.CharField(max_length=36)
    helpful = peewee.BooleanField()
    note = peewee.TextField(null=True)
    user_id = peewee.CharField(max_length=36, null=True)
    office_code = peewee.CharField(max_length=32, null=True)
    created_at = peewee.TextField()


class Desk(BaseModel):
    device_id = peewee.CharField(primary_key=True, max_length=64)
    user_id = peewee.CharField(max_length=36, null=True)
    office_code = peewee.CharField(max_length=32, null=True)
    device_name = peewee.TextField(null=True)
    app_version = peewee.TextField(null=True)
    outbox_depth = peewee.IntegerField(default=0)
    oldest_unsent_at = peewee.TextField(null=True)
    last_pull_at = peewee.TextField(null=True)
    client_time = peewee.TextField(null=True)
    last_seen = peewee.TextField()


class Attachment(BaseModel):
    sha256 = peewee.CharField(primary_key=True, max_length=64)
    filename = peewee.TextField()
    content_type = peewee.TextField(null=True)
    size = peewee.BigIntegerField()
    office_code = peewee.CharField(max_length=32, null=True)
    uploaded_by = peewee.CharField(max_length=36, null=True)
    created_at = peewee.TextField()


class AttachmentUpload(BaseModel):
    """One uploader of a file: an office (and the user) that sent its bytes."""

    sha256 = peewee.CharField(max_length=64)
    uploaded_by = peewee.CharField(max_length=36)
    office_code = peewee.CharField(max_length=32)
    filename = peewee.TextField()
    created_at = peewee.TextField()

    class Meta:
        primary_key = peewee.CompositeKey("sha256", "uploaded_by")


class AttachmentPart(BaseModel):
    """A resumable upload in progress (per office; the bytes sit in a part file)."""

    sha256 = peewee.CharField(max_length=64)
    office_code = peewee.CharField(max_length=32)
    uploaded_by = peewee.CharField(max_length=36)
    length = peewee.BigIntegerField()
    upload_offset = peewee.BigIntegerField()
    filename = peewee.TextField()
    content_type = peewee.TextField(null=True)
    token = peewee.CharField(max_length=32)
    created_at = peewee.TextField()
    expires_at = peewee.TextField()

    class Meta:
        primary_key = peewee.CompositeKey("sha256", "office_code")


class CalendarDay(BaseModel):
    """A day an admin marks off (cuti bersama) or working, over the national calendar."""

    day = peewee.CharField(primary_key=True, max_length=10)
    kind = peewee.CharField(max_length=8)
    name = peewee.TextField()
    created_by = peewee.CharField(max_length=36, null=True)
    created_at = peewee.TextField()


class Ticket(BaseModel):
    id = peewee.CharField(primary_key=True, max_length=36)
    number = peewee.CharField(unique=True, max_length=20)
    rev = peewee.BigIntegerField()
    office_code = peewee.CharField(max_length=32)
    inquiry_id = peewee.CharField(max_length=36, null=True)
    department = peewee.CharField(max_length=16)
    subject = peewee.TextField()
    message = peewee.TextField()
    priority = peewee.CharField(max_length=16)
    requester = JSONTextField()
    attachments = JSONTextField(default=list)
    status = peewee.CharField(max_length=16)
    level = peewee.IntegerField(default=1)
    assigned_department = peewee.CharField(max_length=16, null=True)
    response_due = peewee.TextField(null=True)
    resolve_due = peewee.TextField(null=True)
    first_response_at = peewee.TextField(null=True)
    resolved_at = peewee.TextField(null=True)
    closed_at = peewee.TextField(null=True)
    satisfied = peewee.BooleanField(null=True)
    close_note = peewee.TextField(null=True)
    created_at = peewee.TextField()
    received_at = peewee.TextField()
    updated_at = peewee.TextField()
    created_by = peewee.CharField(max_length=36, null=True)
    sla_response_minutes = peewee.IntegerField(null=True)
    sla_resolve_minutes = peewee.IntegerField(null=True)
    paused_minutes = peewee.DoubleField(default=0)
    waiting_since = peewee.TextField(null=True)
    assigned_to = peewee.CharField(max_length=254, null=True)


class TicketMessage(BaseModel):
    id = peewee.CharField(primary_key=True, max_length=36)
    ticket_id = peewee.CharField(max_length=36)
    author_role = peewee.CharField(max_length=16)
    author_user_id = peewee.CharField(max_length=36, null=True)
    author_name = peewee.TextField(null=True)
    body = peewee.TextField()
    attachments = JSONTextField(default=list)
    created_at = peewee.TextField()


class Broadcast(BaseModel):
    id = peewee.CharField(primary_key=True, max_length=36)
    number = peewee.CharField(unique=True, max_length=20)
    rev = peewee.BigIntegerField()
    kind = peewee.CharField(max_length=32)
    title = peewee.TextField()
    body = peewee.TextField()
    urgency = peewee.CharField(max_length=16)
    audience = JSONTextField()
    contact = JSONTextField()
    attachments = JSONTextField(default=list)
    valid_until = peewee.TextField(null=True)
    resolves = peewee.CharField(max_length=36, null=True)  # before v2; see ``updates``
    published_at = peewee.TextField()
    signature = peewee.TextField()
    created_by = peewee.CharField(max_length=36, null=True)
    updates = peewee.CharField(max_length=36, null=True)
    outage_status = peewee.CharField(max_length=16, null=True)
    affected_applications = JSONTextField(default=list)
    ack_required = peewee.BooleanField(default=False)
    reply_requested = peewee.BooleanField(default=False)
    reply_due = peewee.TextField(null=True)
    signature_version = peewee.IntegerField(default=1)


class BroadcastReply(BaseModel):
    id = peewee.CharField(primary_key=True, max_length=36)
    broadcast_id = peewee.CharField(max_length=36)
    office_code = peewee.CharField(max_length=32)
    user_id = peewee.CharField(max_length=36, null=True)
    author_name = peewee.TextField(null=True)
    body = peewee.TextField()
    attachments = JSONTextField(default=list)
    created_at = peewee.TextField()
    received_at = peewee.TextField()


class EmailOutbox(BaseModel):
    id = peewee.CharField(primary_key=True, max_length=36)
    broadcast_id = peewee.CharField(max_length=36)
    office_code = peewee.CharField(max_length=32, null=True)
    address = peewee.TextField()
    state = peewee.CharField(max_length=16)
    attempts = peewee.IntegerField(default=0)
    next_attempt_at = peewee.TextField()
    claimed_until = peewee.TextField(null=True)
    last_error = peewee.TextField(null=True)
    created_at = peewee.TextField()
    sent_at = peewee.TextField(null=True)


class BroadcastReceipt(BaseModel):
    broadcast_id = peewee.CharField(max_length=36)
    user_id = peewee.CharField(max_length=36)
    office_code = peewee.CharField(max_length=32, null=True)
    read_at = peewee.TextField(null=True)
    acknowledged_at = peewee.TextField(null=True)

    class Meta:
        primary_key = peewee.CompositeKey("broadcast_id", "user_id")


class ConsoleSession(BaseModel):
    """A web console sign-in: the cookie's hash, its access token's hash, when last used."""

    session_hash = peewee.CharField(primary_key=True, max_length=64)
    token_hash = peewee.CharField(max_length=64)
    user_id = peewee.CharField(max_length=36)
    created_at = peewee.BigIntegerField()
    last_seen_at = peewee.BigIntegerField()
    expires_at = peewee.BigIntegerField()


ALL_MODELS = [
    Counter,
    SchemaVersion,
    ReferenceItem,
    Office,
    AppUser,
    AuthToken,
    LoginFailure,
    Inquiry,
    KbEntry,
    KbFeedback,
    Desk,
    Attachment,
    AttachmentUpload,
    AttachmentPart,
    CalendarDay,
    Ticket,
    TicketMessage,
    Broadcast,
    BroadcastReceipt,
    BroadcastReply,
    EmailOutbox,
    ConsoleSession,
]
