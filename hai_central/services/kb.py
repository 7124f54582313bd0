"""The knowledge base: change feed (with tombstones), agent edits, feedback, bulk import."""

from __future__ import annotations

import json
import uuid
from typing import Any

from pydantic import ValidationError

from hai_central.errors import ApiError, not_found
from hai_central.schemas.kb import KbCreate, KbFields
from hai_central.services.common import CurrentUser, clamp_limit, iso, now_iso
from hai_central.store import db as store
from hai_central.store.models import KbEntry, KbFeedback
from hai_contract import limits

COUNT_ROLES = frozenset({"agent", "supervisor", "admin"})


def public(entry: KbEntry, *, counts: bool = False) -> dict[str, Any]:
    """A KbEntry as the API shows it; agents also see the feedback counts."""
    out = {
        "id": entry.id,
        "rev": entry.rev,
        "title": entry.title,
        "question": entry.question,
        "answer": entry.answer,
        "department": entry.department,
        "application": entry.application,
        "regulations": list(entry.regulations or []),
        "tags": list(entry.tags or []),
        "source_inquiry_ids": list(entry.source_inquiry_ids or []),
        "valid_until": entry.valid_until,
        "updated_at": entry.updated_at,
        "deleted": bool(entry.deleted),
    }
    if counts:
        out["helpful_count"] = entry.helpful_count
        out["unhelpful_count"] = entry.unhelpful_count
    return out


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    """KbFields → column values (only the fields given)."""
    out: dict[str, Any] = {}
    for key in ("title", "question", "answer", "department"):
        if fields.get(key) is not None:  # required columns: null means "leave as is"
            out[key] = fields[key]
    if "application" in fields:
        out["application"] = fields["application"]
    for key in ("regulations", "tags"):
        if key in fields and fields[key] is not None:
            out[key] = [str(x) for x in fields[key]]
    if fields.get("source_inquiry_ids") is not None:
        out["source_inquiry_ids"] = [str(x) for x in fields["source_inquiry_ids"]]
    if "valid_until" in fields:
        v = fields["valid_until"]
        out["valid_until"] = None if v is None else (iso(v) if not isinstance(v, str) else v)
    return out


_TEXT_LIMITS = {
    "title": limits.KB_TITLE_MAX,
    "question": limits.KB_QUESTION_MAX,
    "answer": limits.KB_ANSWER_MAX,
    "department": limits.DEPARTMENT_CODE_MAX,
    "application": limits.APPLICATION_CODE_MAX,
}


def check_limits(values: dict[str, Any], prefix: str = "") -> None:
    """The KB's limits on every path into the KB (API, review, import): 422 naming the
    field (``details.reason``: ``too_long``, ``contains_nul``, ``wrong_type``)."""

    def fail(key: str, reason: str, message: str) -> None:
        raise ApiError(
            422,
            "invalid_field",
            f"{prefix}{key}: {message}",
            {"field": prefix + key, "reason": reason},
        )

    for key, cap in _TEXT_LIMITS.items():
        value = values.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            fail(key, "wrong_type", "must be text")
        if len(value) > cap:
            fail(key, "too_long", f"at most {cap} characters")
        if "\x00" in value:
            fail(key, "contains_nul", "NUL characters are not allowed")
    for key in ("regulations", "tags", "source_inquiry_ids"):
        items = values.get(key)
        if items is None:
            continue
        if len(items) > limits.KB_LIST_ITEMS_MAX:
            fail(key, "too_long", f"at most {limits.KB_LIST_ITEMS_MAX} items")
        for item in items:
            if len(str(item)) > limits.KB_LIST_TEXT_MAX:
                fail(key, "too_long", f"items of at most {limits.KB_LIST_TEXT_MAX} characters")
            if "\x00" in str(item):
                fail(key, "contains_nul", "NUL characters are not allowed")


def upsert_entry(
    db,
    entry_id: str,
    fields: dict[str, Any],
    user: CurrentUser | None,
    *,
    add_source: str | None = None,
    create_only: bool = False,
    limits_prefix: str = "",
) -> dict[str, Any]:
    """Create or update one entry inside the caller's transaction; returns it (public).

    ``create_only``: an existing id is answered as it is (idempotent create).
    """
    values = _clean(fields)
    check_limits(values, limits_prefix)
    rev = store.next_rev(db)
    now = now_iso()
    sources = list(values.pop("source_inquiry_ids", []))
    if add_source and add_source not in sources:
        sources.append(add_source)
    missing = [k for k in ("title", "question", "answer", "department") if not values.get(k)]
    new_row = dict(
        id=entry_id,
        rev=rev,
        updated_at=now,
        deleted=False,
        regulations=[],
        tags=[],
        source_inquiry_ids=sources,
        created_by=user.id if user else None,
    )
    new_row.update(values)
    if not missing and store.insert_new(KbEntry, **new_row):
        return public(KbEntry.get_by_id(entry_id), counts=True)
    entry = KbEntry.get_or_none(KbEntry.id == entry_id)
    if entry is None:
        raise ApiError(
            422, "invalid_field", f"{missing[0]} is required for a new entry", {"field": missing[0]}
        )
    if create_only:
        return public(entry, counts=True)
    for key, value in values.items():
        setattr(entry, key, value)
    merged = list(entry.source_inquiry_ids or [])
    for s in sources:
        if s not in merged:
            merged.append(s)
    entry.source_inquiry_ids = merged
    entry.rev = rev
    entry.updated_at = now
    entry.deleted = False
    entry.save()
    return public(entry, counts=True)


def create(user: CurrentUser, body: KbCreate) -> tuple[dict[str, Any], bool]:
    """Agent create (idempotent by id); returns (entry, created)."""
    fields = body.model_dump(exclude_unset=False)
    entry_id = str(fields.pop("id"))
    with store.transaction() as db:
        before = store.next_counter("rev", db)  # lock; the entry's own rev follows
        entry = upsert_entry(db, entry_id, fields, user, create_only=True)
        return entry, entry["rev"] > before


def update(user: CurrentUser, entry_id: str, body: KbFields) -> dict[str, Any]:
    """Agent update of an existing entry (the fields given replace the stored ones)."""
    fields = body.model_dump(exclude_unset=True)
    fields.pop("id", None)
    with store.transaction() as db:
        store.next_rev(db)
        if KbEntry.get_or_none(KbEntry.id == entry_id) is None:
            raise not_found("KB entry")
        return upsert_entry(db, entry_id, fields, user)


def retire(entry_id: str) -> dict[str, Any]:
    """Agent delete: the entry becomes a tombstone in the feed (idempotent)."""
    with store.transaction() as db:
        rev = store.next_rev(db)
        entry = KbEntry.get_or_none(KbEntry.id == entry_id)
        if entry is None:
            raise not_found("KB entry")
        if not entry.deleted:
            entry.deleted = True
            entry.rev = rev
            entry.updated_at = now_iso()
            entry.save()
        return public(entry, counts=True)


def get(entry_id: str, user: CurrentUser) -> dict[str, Any]:
    with store.session():
        entry = KbEntry.get_or_none(KbEntry.id == entry_id)
    if entry is None:
        raise not_found("KB entry")
    return public(entry, counts=user.role in COUNT_ROLES)


# The columns of a KbPage item, in the order of KbEntryOut (the feed's wire order).
_FEED_COLUMNS = (
    KbEntry.id,
    KbEntry.rev,
    KbEntry.title,
    KbEntry.question,
    KbEntry.answer,
    KbEntry.department,
    KbEntry.application,
    KbEntry.regulations,
    KbEntry.tags,
    KbEntry.source_inquiry_ids,
    KbEntry.valid_until,
    KbEntry.updated_at,
    KbEntry.deleted,
    KbEntry.helpful_count,
    KbEntry.unhelpful_count,
)
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def changes_body(user: CurrentUser, cursor: int, limit: int | None) -> bytes:
    """The KB change feed (everyone signed in reads the whole KB) as its JSON body, a KbPage.

    A desk's first sync pulls the whole KB through here, so the page is built the short way:
    rows come as tuples (no model objects), and each item is serialised once, its size
    bounding the page (``FEED_PAGE_BYTES_MAX``; a page keeps at least one item) and its
    text going into the body as is. Agents also see the feedback counts (null for others).
    """
    limit = clamp_limit(limit)
    counts = user.role in COUNT_ROLES
    with store.session():
        rows = list(
            KbEntry.select(*_FEED_COLUMNS)
            .where(KbEntry.rev > max(0, cursor))
            .order_by(KbEntry.rev)
            .limit(limit + 1)
            .tuples()
        )
    has_more = len(rows) > limit
    budget = limits.FEED_PAGE_BYTES_MAX
    parts: list[str] = []
    total = 0
    next_cursor = max(0, cursor)
    for row in rows[:limit]:
        text = _dumps(
            {
                "id": row[0],
                "rev": row[1],
                "title": row[2],
                "question": row[3],
                "answer": row[4],
                "department": row[5],
                "application": row[6],
                "regulations": list(row[7] or []),
                "tags": list(row[8] or []),
                "source_inquiry_ids": list(row[9] or []),
                "valid_until": row[10],
                "updated_at": row[11],
                "deleted": bool(row[12]),
                "helpful_count": row[13] if counts else None,
                "unhelpful_count": row[14] if counts else None,
            }
        )
        total += len(text.encode("utf-8")) + 1
        if parts and total > budget:
            has_more = True
            break
        parts.append(text)
        next_cursor = row[1]
    more = "true" if has_more else "false"
    body = f'{{"items":[{",".join(parts)}],"next_cursor":{next_cursor},"has_more":{more}}}'
    return body.encode("utf-8")


def feedback(
    user: CurrentUser, entry_id: str, feedback_id: str, helpful: bool, note: str | None
) -> dict[str, Any]:
    """Record a desk's feedback on an entry, once per feedback id."""
    with store.transaction():
        if KbEntry.get_or_none(KbEntry.id == entry_id) is None:
            raise not_found("KB entry")
        created = store.insert_new(
            KbFeedback,
            id=feedback_id,
            kb_entry_id=entry_id,
            helpful=helpful,
            note=note,
            user_id=user.id,
            office_code=user.office_code,
            created_at=now_iso(),
        )
        if created:
            # Counts are for agents; they are not a change the desks need (no new rev).
            column = KbEntry.helpful_count if helpful else KbEntry.unhelpful_count
            KbEntry.update({column: column + 1}).where(KbEntry.id == entry_id).execute()
        else:
            row = KbFeedback.get_by_id(feedback_id)
            entry_id, helpful = row.kb_entry_id, row.helpful
    return {"id": feedback_id, "kb_entry_id": entry_id, "helpful": helpful, "created": created}


def import_entries(items: list[dict[str, Any]], user: CurrentUser | None = None) -> dict[str, int]:
    """Bulk import (CLI): create or update entries; returns counts. Invalid items raise."""
    parsed = []
    for n, raw in enumerate(items):
        raw = dict(raw)
        raw.setdefault("id", str(uuid.uuid5(uuid.NAMESPACE_URL, "hai-kb:" + str(raw.get("title")))))
        raw.pop("rev", None)
        raw.pop("updated_at", None)
        deleted = bool(raw.pop("deleted", False))
        try:
            body = KbCreate.model_validate(raw)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ValueError(
                f"item {n}: {'.'.join(map(str, first['loc']))}: {first['msg']}"
            ) from exc
        parsed.append((body, deleted))
    created = updated = 0
    with store.transaction() as db:
        for body, deleted in parsed:
            fields = body.model_dump()
            entry_id = str(fields.pop("id"))
            existed = KbEntry.select().where(KbEntry.id == entry_id).exists()
            try:
                upsert_entry(db, entry_id, fields, user)
            except ApiError as exc:
                raise ValueError(f"{entry_id}: {exc.message}") from exc
            if deleted:
                KbEntry.update(deleted=True).where(KbEntry.id == entry_id).execute()
            if existed:
                updated += 1
            else:
                created += 1
    return {"created": created, "updated": updated}
