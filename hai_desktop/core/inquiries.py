"""Inquiries: the desk log of visitors' questions and the answers given, stored.

- ``save_inquiry``: validates (``inquiries_form``) and writes the row and its outbox row in
  one transaction (the database runs ``synchronous=FULL``, so a save that returned is on
  disk); ``get_inquiry``, ``to_input``, ``duplicate_input`` read a stored one back.
- ``seq_base`` / ``next_seq``: the time-ordered row number the history view
  (``inquiries_view``) pages by.
- The API.md Inquiry JSON, both directions, is ``inquiries_hub``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from hai_desktop.core import clock, outbox
from hai_desktop.core.db.models import Inquiry, database_proxy
from hai_desktop.core.errors import NotFoundError, ValidationError
from hai_desktop.core.inquiries_form import InquiryInput, normalize, validate
from hai_desktop.core.timeutil import normalize_utc, parse_utc, utc_now

# ``seq`` (the rowid, and the full-text index's rowid) is made from ``created_at``:
# milliseconds since 1970 shifted left by SEQ_SLOT_BITS, plus a counter for rows created in
# the same millisecond. So seq order is time order, and a full-text search "newest first"
# can walk the index in rowid order and stop after one page. Fits 63 bits until 2248.
SEQ_SLOT_BITS = 20
_MAX_SEQ_MILLIS = ((1 << 63) - 1 >> SEQ_SLOT_BITS) - 1  # the last whole slot below 2**63
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def seq_base(created_at: str) -> int:
    """The smallest ``seq`` of a row created at ``created_at`` (stored text form)."""
    try:
        millis = (parse_utc(created_at) - _EPOCH) // timedelta(milliseconds=1)
    except ValueError:
        millis = 0
    # A time past about 2248 (the contract allows years to 9998: a desk with a wrong clock)
    # shares the last slot rather than leave SQLite's 64-bit integer: the row still sorts
    # last and its exact ``created_at`` is kept.
    return min(max(0, millis), _MAX_SEQ_MILLIS) << SEQ_SLOT_BITS


def next_seq(created_at: str, conn=None) -> int:
    """A free ``seq`` for a new row created at ``created_at`` (in the bound database, or
    in ``conn``, a plain sqlite3 connection: a restore's salvage)."""
    base = seq_base(created_at)
    sql = "SELECT MAX(seq) FROM inquiry WHERE seq >= ? AND seq < ?"
    bounds = (base, base + (1 << SEQ_SLOT_BITS))
    if conn is None:
        row = database_proxy.obj.execute_sql(sql, bounds).fetchone()
    else:
        row = conn.execute(sql, bounds).fetchone()
    return base if row[0] is None else row[0] + 1


def _office_code() -> str:
    from hai_desktop.core.profile_store import get_profile

    profile = get_profile()
    return profile.office_code if profile else ""


def _or_none(text: str) -> str | None:
    return text or None


def save_inquiry(data: InquiryInput) -> Inquiry:
    """Validate and save (new → new UUID, version 1; edit → version + 1), with its outbox row
    in the same transaction. Raises ``ValidationError``."""
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    d = normalize(data)
    db = database_proxy.obj
    now = utc_now()
    values: dict[str, Any] = {
        "channel": d.channel,
        "department": d.department,
        "application": _or_none(d.application),
        "visitor_name": d.visitor_name,
        "satker_code": _or_none(d.satker_code),
        "institution": _or_none(d.institution),
        "phone": _or_none(d.phone),
        "email": _or_none(d.email),
        "question": d.question,
        "answer": _or_none(d.answer),
        "basis_regulations": d.basis_regulations,
        "basis_kb_entry_ids": d.basis_kb_entry_ids,
        "outcome": d.outcome,
        "out_of_scope_reason": _or_none(d.out_of_scope_reason),
        "served_started_at": normalize_utc(d.served_started_at),
        "served_ended_at": normalize_utc(d.served_ended_at),
        "outage_broadcast_id": d.outage_broadcast_id,
        "updated_at": now,
        "sync_status": "pending",
        "sync_error": None,
    }
    with db.atomic():
        existing = Inquiry.get_or_none(Inquiry.id == d.id) if d.id else None
        if existing is None:
            started = values["served_started_at"]
            # The end is "now" unless the start is later (a wrong clock, a typed time): an
            # end before the start would be refused by the hub (time_order). Stored texts
            # compare as times.
            if started and not values["served_ended_at"] and started <= now:
                values["served_ended_at"] = now
            values.update(
                id=d.id or str(uuid.uuid4()),
                office_code=_office_code(),
                created_at=now,
                version=1,
                origin="desk",
            )
            values.update(clock.stamp(now))  # the clock rule (issue 7.10)
            values["seq"] = next_seq(now)
            Inquiry.insert(**values).execute()
        else:
            values["version"] = existing.version + 1
            Inquiry.update(**values).where(Inquiry.id == existing.id).execute()
        outbox.enqueue("inquiry", d.id or values["id"])
    record_id = d.id or values["id"]
    if existing is None:
        return Inquiry(**values)
    return Inquiry.get(Inquiry.id == record_id)


def get_inquiry(inquiry_id: str) -> Inquiry | None:
    """The inquiry with this UUID, or None."""
    return Inquiry.get_or_none(Inquiry.id == inquiry_id)


def to_input(inquiry: Inquiry) -> InquiryInput:
    """The form state for editing a stored inquiry."""
    return InquiryInput(
        id=inquiry.id,
        channel=inquiry.channel,
        department=inquiry.department,
        application=inquiry.application or "",
        visitor_name=inquiry.visitor_name or "",
        satker_code=inquiry.satker_code or "",
        institution=inquiry.institution or "",
        phone=inquiry.phone or "",
        email=inquiry.email or "",
        question=inquiry.question or "",
        answer=inquiry.answer or "",
        basis_regulations=list(inquiry.basis_regulations or []),
        basis_kb_entry_ids=list(inquiry.basis_kb_entry_ids or []),
        outcome=inquiry.outcome,
        out_of_scope_reason=inquiry.out_of_scope_reason or "",
        served_started_at=inquiry.served_started_at,
        served_ended_at=inquiry.served_ended_at,
        outage_broadcast_id=inquiry.outage_broadcast_id,
    )


def duplicate_input(inquiry_id: str) -> InquiryInput:
    """A new form for the same visitor and channel (a new question); raises NotFoundError."""
    inquiry = get_inquiry(inquiry_id)
    if inquiry is None:
        raise NotFoundError(inquiry_id)
    return InquiryInput(
        id=None,
        channel=inquiry.channel,
        visitor_name=inquiry.visitor_name or "",
        satker_code=inquiry.satker_code or "",
        institution=inquiry.institution or "",
        phone=inquiry.phone or "",
        email=inquiry.email or "",
        served_started_at=utc_now(),
    )
