"""Peewee models of the desk database. The schema itself is made by the migrations.

The models mirror ``migrations/m0001_initial.py``; a later migration that changes a table
changes its model here too. JSON columns are stored as text and exposed as Python objects.
"""

from __future__ import annotations

import json

import peewee

database_proxy = peewee.DatabaseProxy()


class JSONField(peewee.TextField):
    """JSON text in the database, a Python value in the model."""

    def db_value(self, value):
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def python_value(self, value):
        if value is None:
            return None
        try:
            return json.loads(value)
        except (TypeError, ValueError):
            return None


class BaseModel(peewee.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Profile(BaseModel):
    """The CSO using this desk (single row, id 1)."""

    id = peewee.IntegerField(primary_key=True, default=1)
    name = peewee.TextField()
    email = peewee.TextField()
    office_code = peewee.TextField()
    device_id = peewee.TextField()
    created_at = peewee.TextField()
    updated_at = peewee.TextField()

    class Meta:
        table_name = "profile"


class ReferenceItem(BaseModel):
    """One item of a reference list (department, channel, office, ...)."""

    kind = peewee.TextField()
    code = peewee.TextField()
    name = peewee.TextField()
    data = JSONField(default=dict)
    sort_order = peewee.IntegerField(default=0)

    class Meta:
        table_name = "reference_item"
        primary_key = peewee.CompositeKey("kind", "code")


class ReferenceMeta(BaseModel):
    """Key/value facts about the reference data (etag, version, refreshed_at)."""

    key = peewee.TextField(primary_key=True)
    value = peewee.TextField(null=True)

    class Meta:
        table_name = "reference_meta"


class Inquiry(BaseModel):
    """A desk log entry: one visitor's question, the answer and its basis.

    ``seq`` is the table's internal rowid (the full-text index points at it); the record's
    identity everywhere else is the UUID ``id``.
    """

    seq = peewee.IntegerField(null=True, index=False)
    id = peewee.TextField(primary_key=True)
    office_code = peewee.TextField(default="")
    created_at = peewee.TextField()
    updated_at = peewee.TextField()
    channel = peewee.TextField()
    department = peewee.TextField()
    application = peewee.TextField(null=True)
    visitor_name = peewee.TextField(default="")
    satker_code = peewee.TextField(null=True)
    institution = peewee.TextField(null=True)
    phone = peewee.TextField(null=True)
    email = peewee.TextField(null=True)
    question = peewee.TextField(default="")
    answer = peewee.TextField(null=True)
    basis_regulations = JSONField(default=list)
    basis_kb_entry_ids = JSONField(default=list)
    outcome = peewee.TextField()
    out_of_scope_reason = peewee.TextField(null=True)
    ticket_id = peewee.TextField(null=True)
    served_started_at = peewee.TextField(null=True)
    served_ended_at = peewee.TextField(null=True)
    version = peewee.IntegerField(default=1)
    sync_status = peewee.TextField(default="pending")
    sync_error = peewee.TextField(null=True)
    hub_rev = peewee.IntegerField(null=True)
    review_status = peewee.TextField(null=True)
    origin = peewee.TextField(default="desk")
    clock_offset_s = peewee.FloatField(null=True)  # m0006: the clock rule
    counted_at = peewee.TextField(null=True)
    outage_broadcast_id = peewee.TextField(null=True)  # m0007: answered from an outage notice

    class Meta:
        table_name = "inquiry"


class OutboxRow(BaseModel):
    """A record waiting to be sent to the hub (removed once the hub acknowledged it)."""

    id = peewee.AutoField()
    record_type = peewee.TextField()
    record_id = peewee.TextField()
    enqueued_at = peewee.TextField()
    attempts = peewee.IntegerField(default=0)
    last_attempt_at = peewee.TextField(null=True)
    last_error = peewee.TextField(null=True)
    state = peewee.TextField(default="queued")

    class Meta:
        table_name = "outbox"


class Draft(BaseModel):
    """The unsaved state of a form, kept so that a crash loses nothing typed."""

    key = peewee.TextField(primary_key=True)
    payload = JSONField()
    updated_at = peewee.TextField()

    class Meta:
        table_name = "draft"


class Attachment(BaseModel):
    """A file in the desk's content-addressed store (``attachments/ab/abcdef…``)."""

    sha256 = peewee.TextField(primary_key=True)
    filename = peewee.TextField()
    size = peewee.IntegerField()
    content_type = peewee.TextField(null=True)
    stored = peewee.BooleanField(default=True)
    uploaded = peewee.BooleanField(default=False)
    upload_offset = peewee.IntegerField(default=0)
    created_at = peewee.TextField()

    class Meta:
        table_name = "attachment"


class Ticket(BaseModel):
    """A question forwarded to HAI-DJPBN (``number`` is None until the hub numbers it)."""

    id = peewee.TextField(primary_key=True)
    number = peewee.TextField(null=True)
    inquiry_id = peewee.TextField(null=True)
    office_code = peewee.TextField(default="")
    department = peewee.TextField()
    subject = peewee.TextField()
    message = peewee.TextField()
    priority = peewee.TextField()
    requester = JSONField(default=dict)
    attachments = JSONField(default=list)
    status = peewee.TextField(default="new")
    level = peewee.IntegerField(default=1)
    assigned_department = peewee.TextField(null=True)
    sla = JSONField(null=True)
    created_at = peewee.TextField()
    updated_at = peewee.TextField()
    last_reply_at = peewee.TextField(null=True)
    unread = peewee.IntegerField(default=0)
    closed_at = peewee.TextField(null=True)
    satisfied = peewee.BooleanField(null=True)
    close_note = peewee.TextField(null=True)
    hub_rev = peewee.IntegerField(null=True)
    sync_status = peewee.TextField(default="pending")
    sync_error = peewee.TextField(null=True)
    origin = peewee.TextField(default="desk")

    class Meta:
        table_name = "ticket"


class TicketMessage(BaseModel):
    """One message of a ticket's conversation (a follow-up or the centre's reply)."""

    id = peewee.TextField(primary_key=True)
    ticket_id = peewee.TextField()
    author_role = peewee.TextField()
    author_name = peewee.TextField(null=True)
    body = peewee.TextField()
    attachments = JSONField(default=list)
    created_at = peewee.TextField()
    sync_status = peewee.TextField(default="pending")
    sync_error = peewee.TextField(null=True)
    origin = peewee.TextField(default="desk")

    class Meta:
        table_name = "ticket_message"
