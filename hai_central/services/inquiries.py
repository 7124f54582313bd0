"""Inquiries: the idempotent batch push, the change feed and the review queue.

Every write takes its ``rev`` from :func:`hai_central.store.db.next_rev` inside the writing
transaction, so a feed can never skip a row committed late. Items are validated one by one;
each is written in its own savepoint, so one bad item never sinks the rest of the batch.
"""

from __future__ import annotations

import uuid
from typing import Any

import peewee
from pydantic import ValidationError

from hai_central import wire
from hai_central.errors import ApiError, forbidden, not_found
from hai_central.services import reference, scoping
from hai_central.services.common import CurrentUser, byte_bounded, clamp_limit, iso, now_iso
from hai_central.store import db as store
from hai_central.store.models import Inquiry
from hai_central.wire import InquiryIn
from hai_contract import reports as rules
from hai_contract.inquiry import INQUIRY
from hai_contract.inquiry import item_id as INQUIRY_ITEM_ID

MAX_BATCH = 500


def _error(code: str, message: str, **details: Any) -> dict[str, Any]:
    return {"code": code, "message": message, "details": details}


def _rejected(item_id: Any, code: str, message: str, **details: Any) -> dict[str, Any]:
    return {
        "id": None if item_id is None else str(item_id),
        "status": "rejected",
        "rev": None,
        "error": _error(code, message, **details),
    }


def _codes(key: str) -> set[str]:
    return {str(x.get("code")) for x in reference.get_item(key) or [] if isinstance(x, dict)}


def validate_item(
    raw: Any, user: CurrentUser, data_codes: dict[str, set[str]]
) -> tuple[InquiryIn | None, dict[str, Any] | None]:
    """Check one pushed item by the contract (hai_contract.inquiry.INQUIRY, the desk's own
    rules); returns (inquiry, None) or (None, a ``rejected`` result naming field and code)."""
    item_id = INQUIRY_ITEM_ID(raw)
    errors = wire.validate_item(INQUIRY, raw, data_codes)
    if errors:
        field, code = next(iter(errors.items()))
        return None, _rejected(
            item_id,
            "invalid_field",
            f"{field or 'item'}: {code}",
            field=field or "item",
            reason=code,
            fields=dict(list(errors.items())[:20]),
        )
    try:
        inq = InquiryIn.model_validate(raw)
    except ValidationError as exc:  # the contract passed it: pydantic should too
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        return None, _rejected(
            item_id, "invalid_field", first["msg"], field=field, reason="invalid"
        )
    if not scoping.can_write_office(user, inq.office_code):
        return None, _rejected(
            inq.id,
            "forbidden_office",
            "you may only push inquiries of your own office",
            field="office_code",
        )
    return inq, None


def push(user: CurrentUser, items: list[Any]) -> list[dict[str, Any]]:
    """Store a batch of desk inquiries; one result per item, in order."""
    if len(items) > MAX_BATCH:
        raise ApiError(
            413,
            "too_large",
            f"a batch takes at most {MAX_BATCH} items",
            {"max_items": MAX_BATCH, "items": len(items)},
        )
    # Applications are data (admins change them), named freely like the desk does.
    data_codes: dict[str, set[str]] = {}
    results: list[dict[str, Any] | None] = []
    valid: list[tuple[int, InquiryIn]] = []
    for raw in items:
        inq, rejected = validate_item(raw, user, data_codes)
        results.append(rejected)
        if inq is not None:
            valid.append((len(results) - 1, inq))
    if valid:
        now = now_iso()
        with store.transaction() as db:
            try:
                with db.atomic():
                    written = _write_set_based(db, valid, now)
            except peewee.DatabaseError:
                written = None  # some item upset the database: redo item by item
            if written is not None:
                for index, result in written.items():
                    results[index] = result
            else:
                for index, inq in valid:
                    try:
                        with db.atomic() as sp:
                            results[index] = _upsert(db, sp, inq, now)
                    except peewee.DatabaseError:  # one bad item never sinks the batch
                        results[index] = _rejected(
                            inq.id, "store_failed", "the item could not be stored"
                        )
    return [r for r in results if r is not None]


def _fields(inq: InquiryIn, rev: int, now: str) -> dict[str, Any]:
    data = inq.model_dump(mode="json")
    data["created_at"] = iso(inq.created_at)
    data["updated_at"] = iso(inq.updated_at)
    for key in ("served_started_at", "served_ended_at"):
        value = getattr(inq, key)
        if value is not None:
            data[key] = iso(value)  # every stored time in UTC with a Z
    return dict(
        id=str(inq.id),
        office_code=inq.office_code,
        version=inq.version,
        rev=rev,
        outcome=inq.outcome,
        department=inq.department,
        channel=inq.channel,
        application=inq.application,
        created_at=data["created_at"],
        review_status="pending" if inq.outcome == "answered" else None,
        review_note=None,
        reviewed_by=None,
        data=data,
        received_at=now,
        # The clock rule: on an update the first arrival stays (see _update_fields).
        first_received_at=now,
        counted_at=rules.counted_at(data["created_at"], inq.clock_offset_s, now),
    )


def _update_fields(row: dict[str, Any]) -> dict[Any, Any]:
    """The columns a newer version rewrites: all but the id and the first arrival, and the
    counted time capped at the first arrival kept in the row (one statement, no read)."""
    fields = {k: v for k, v in row.items() if k not in ("id", "first_received_at", "counted_at")}
    uncapped = rules.counted_at(row["data"]["created_at"], row["data"].get("clock_offset_s"))
    fields["counted_at"] = peewee.Case(
        None,
        [(Inquiry.first_received_at < uncapped, Inquiry.first_received_at)],
        uncapped,
    )
    return fields


def _write_set_based(db, valid: list[tuple[int, InquiryIn]], now: str) -> dict[int, dict[str, Any]]:
    """The fast path: one block of change numbers, multi-row INSERT … ON CONFLICT DO NOTHING,
    then the rare updates one by one. Unused numbers leave gaps, which feeds do not mind."""
    first = store.next_revs(len(valid), db)
    rows = [(index, _fields(inq, first + k, now)) for k, (index, inq) in enumerate(valid)]
    created: set[str] = set()
    for start in range(0, len(rows), 200):
        chunk = [r for _, r in rows[start : start + 200]]
        query = Inquiry.insert_many(chunk).on_conflict_ignore().returning(Inquiry.id)
        created.update(r.id for r in query.execute())
    out: dict[int, dict[str, Any]] = {}
    claimed: set[str] = set()
    for index, row in rows:
        item_id = row["id"]
        if item_id in created and item_id not in claimed:
            claimed.add(item_id)  # the same id twice in one batch: the first one created it
            out[index] = {"id": item_id, "status": "created", "rev": row["rev"]}
            continue
        fields = _update_fields(row)
        updated = (
            Inquiry.update(**fields)
            .where(
                (Inquiry.id == item_id)
                & (Inquiry.office_code == row["office_code"])
                & (Inquiry.version < row["version"])
            )
            .execute()
        )
        if updated:
            out[index] = {"id": item_id, "status": "updated", "rev": row["rev"]}
            continue
        out[index] = _not_written(item_id, row["office_code"], row["data"])
    return out


def _upsert(db, savepoint, inq: InquiryIn, now: str) -> dict[str, Any]:
    """The careful path: one item in its own savepoint, its change number given back when
    nothing was written."""
    fields = _fields(inq, store.next_rev(db), now)
    item_id = fields.pop("id")
    rev = fields["rev"]
    if store.insert_new(Inquiry, id=item_id, **fields):
        return {"id": item_id, "status": "created", "rev": rev}
    # Only a higher version of the same office's record replaces what the hub has.
    updated = (
        Inquiry.update(**_update_fields({"id": item_id, **fields}))
        .where(
            (Inquiry.id == item_id)
            & (Inquiry.office_code == inq.office_code)
            & (Inquiry.version < inq.version)
        )
        .execute()
    )
    if updated:
        return {"id": item_id, "status": "updated", "rev": rev}
    # Nothing written: give the change number back (no gap, no lock kept).
    savepoint.rollback()
    return _not_written(item_id, inq.office_code, fields["data"])


# What two pushes of one record may differ in and still carry the same content: the desk's
# own bookkeeping (its version counter, its edit time, its clock offset) and the hub's fields.
_NOT_CONTENT = frozenset(
    {"version", "updated_at", "clock_offset_s", "rev", "review_status", "counted_at"}
)


def content(data: dict[str, Any]) -> dict[str, Any]:
    """The part of an inquiry that two desks may disagree on (API.md: "its content")."""
    return {k: v for k, v in data.items() if k not in _NOT_CONTENT and v not in (None, "")}


def _not_written(item_id: str, office_code: str, data: dict[str, Any]) -> dict[str, Any]:
    """The answer for a push that wrote nothing (its version is not above the hub's):
    ``unchanged`` when its content equals the hub's, ``conflict`` with the hub's item in
    ``current`` when another desk of the office changed it too (issue 7.6)."""
    existing = Inquiry.get_or_none(Inquiry.id == item_id)
    if existing is None or existing.office_code != office_code:
        return _rejected(item_id, "forbidden_office", "this id belongs to another office")
    if content(existing.data or {}) == content(data):
        return {"id": item_id, "status": "unchanged", "rev": existing.rev}
    return {"id": item_id, "status": "conflict", "rev": existing.rev, "current": public(existing)}


def public(row: Inquiry) -> dict[str, Any]:
    """An inquiry as the feeds show it: the desk's fields plus ``rev`` and ``review_status``."""
    out = dict(row.data)
    out.update(
        id=row.id,
        office_code=row.office_code,
        version=row.version,
        rev=row.rev,
        review_status=row.review_status,
    )
    if row.counted_at:
        out["counted_at"] = row.counted_at  # the clock rule: the month it is reported in
    return out


def _page(query, cursor: int, limit: int) -> dict[str, Any]:
    rows = list(query.where(Inquiry.rev > cursor).order_by(Inquiry.rev).limit(limit + 1))
    items, has_more = byte_bounded([public(r) for r in rows[:limit]], len(rows) > limit)
    return {
        "items": items,
        "next_cursor": items[-1]["rev"] if items else cursor,
        "has_more": has_more,
    }


def changes(
    user: CurrentUser, cursor: int, limit: int | None, office_code: str | None
) -> dict[str, Any]:
    """The inquiry change feed, scoped to the offices the user may read."""
    scope = scoping.read_scope(user, office_code)
    with store.session():
        query = Inquiry.select()
        if scope is not None:
            query = query.where(Inquiry.office_code == scope)
        return _page(query, max(0, cursor), clamp_limit(limit))


def review_queue(status: str, cursor: int, limit: int | None) -> dict[str, Any]:
    """Desk answers by review status (default pending), oldest change first, across offices."""
    with store.session():
        query = Inquiry.select().where(Inquiry.review_status == status)
        return _page(query, max(0, cursor), clamp_limit(limit))


def get(inquiry_id: str, user: CurrentUser) -> dict[str, Any]:
    with store.session():
        row = Inquiry.get_or_none(Inquiry.id == inquiry_id)
    if row is None:
        raise not_found("inquiry")
    if not scoping.can_read_office(user, row.office_code):
        raise forbidden("this record belongs to another office")
    return public(row)


def decide(
    user: CurrentUser,
    inquiry_id: str,
    decision: str,
    kb_fields: dict[str, Any] | None,
    note: str | None,
) -> dict[str, Any]:
    """An agent's review: accept (publish into the KB) or reject a desk answer."""
    from hai_central.services import kb

    with store.transaction() as db:
        rev = store.next_rev(db)  # lock first: the reads below are then stable
        row = Inquiry.get_or_none(Inquiry.id == inquiry_id)
        if row is None:
            raise not_found("inquiry")
        entry = None
        if decision == "accept":
            fields = dict(kb_fields or {})
            data = row.data
            fields.setdefault(
                "title", (data.get("question") or "")[:120].strip() or "(tanpa judul)"
            )
            fields.setdefault("question", data.get("question") or "")
            if not fields.get("answer"):
                fields["answer"] = data.get("answer") or ""
            if not fields["answer"]:
                raise ApiError(
                    422,
                    "invalid_field",
                    "the inquiry has no answer to publish",
                    {"field": "kb_entry.answer"},
                )
            fields.setdefault("department", row.department)
            fields.setdefault("application", row.application)
            fields.setdefault("regulations", (data.get("basis") or {}).get("regulations") or [])
            entry_id = str(fields.pop("id", None) or uuid.uuid4())
            entry = kb.upsert_entry(
                db, entry_id, fields, user, add_source=row.id, limits_prefix="kb_entry."
            )
        row.review_status = "accepted" if decision == "accept" else "rejected"
        row.review_note = note
        row.reviewed_by = user.id
        row.rev = rev
        row.save()
        return {"inquiry": public(row), "kb_entry": entry}
