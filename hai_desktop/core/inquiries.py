"""Inquiries: the desk log of visitors' questions and the answers given.

- ``validate`` / ``save_inquiry``: the rules of the log form; a save writes the row and its
  outbox row in one transaction (the database runs ``synchronous=FULL``, so a save that
  returned is on disk).
- ``list_inquiries`` / ``count_inquiries``: the history view, filtered and sorted, one page
  at a time. Every sortable column has an index ending in ``created_at`` (plus the rowid),
  so a page is an index walk that stops after ``limit`` rows. Deep pages can use keyset
  paging (``after=<last row of the previous page>``) instead of ``offset``.
- ``to_wire`` / ``apply_from_hub``: the API.md Inquiry JSON, both directions.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hai_contract import checks as contract_checks
from hai_desktop.core import clock, outbox, reference
from hai_desktop.core.db.models import Inquiry, database_proxy
from hai_desktop.core.errors import NotFoundError, ValidationError
from hai_desktop.core.search import fts_query, search_terms
from hai_desktop.core.timeutil import (
    format_utc,
    local_day_start_utc,
    normalize_utc,
    parse_utc,
    utc_now,
)

OUTCOMES = ("answered", "escalated", "out_of_scope")
OUT_OF_SCOPE_REASONS = ("interpretation", "unregulated", "official_authority", "ppid")

MAX_NAME = 200
MAX_INSTITUTION = 300
MAX_TEXT = 200_000  # question and answer; a 100,000-character answer must just work
MAX_BASIS_ITEMS = 50
MAX_BASIS_CHARS = 500
LIST_QUESTION_CHARS = 200

SATKER_RE = re.compile(r"[0-9]{6}")
# The local part neither starts nor ends with a dot and has no two dots in a row
# ("rudi..hartono@gmail.com" is a typo); the domain has non-empty dotted labels.
EMAIL_RE = re.compile(r"(?!\.)(?!.*\.\.)[^@\s]+(?<!\.)@[^@\s.]+(\.[^@\s.]+)+")


@dataclass
class InquiryInput:
    """What the log form edits. ``id`` None = a new inquiry."""

    id: str | None = None
    channel: str = ""
    department: str = ""
    application: str = ""
    visitor_name: str = ""
    satker_code: str = ""
    institution: str = ""
    phone: str = ""
    email: str = ""
    question: str = ""
    answer: str = ""
    basis_regulations: list[str] = field(default_factory=list)
    basis_kb_entry_ids: list[str] = field(default_factory=list)
    outcome: str = ""
    out_of_scope_reason: str = ""
    served_started_at: str | None = None
    served_ended_at: str | None = None
    # The outage notice this question was answered from (the log form's outage offer).
    outage_broadcast_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict (for drafts)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InquiryInput:
        """Build from a dict, ignoring unknown keys (a draft from an older version)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True, slots=True)
class InquiryRow:
    """One line of the history view (no long texts)."""

    id: str
    created_at: str
    visitor_name: str
    satker_code: str | None
    channel: str
    department: str
    outcome: str
    question: str
    sync_status: str
    application: str | None = None
    seq: int = 0
    sync_error: str | None = None  # the hub's reason when sync_status is 'rejected'


@dataclass
class InquiryFilter:
    """History filters; None = not filtered. Dates are local calendar days, inclusive."""

    date_from: date | None = None
    date_to: date | None = None
    department: str | None = None
    channel: str | None = None
    outcome: str | None = None
    text: str | None = None
    sync_status: str | None = None


# ---------------------------------------------------------------- validation


def _clean_text(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    # NUL and other C0 controls (but tab/newline) come from bad pastes; drop them.
    return "".join(ch for ch in text if ch >= " " or ch in "\n\t").strip()


def _clean_time(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return format_utc(value)
    return str(value).strip()


def normalize(data: InquiryInput) -> InquiryInput:
    """The input with whitespace trimmed, control characters dropped, lists cleaned."""
    out = InquiryInput(id=data.id or None)
    for name in (
        "channel",
        "department",
        "application",
        "visitor_name",
        "satker_code",
        "institution",
        "phone",
        "email",
        "question",
        "answer",
        "outcome",
        "out_of_scope_reason",
    ):
        setattr(out, name, _clean_text(getattr(data, name)))
    out.email = out.email.lower() if out.email else ""
    out.basis_regulations = [t for t in (_clean_text(x) for x in data.basis_regulations or []) if t]
    out.basis_kb_entry_ids = [
        t for t in (_clean_text(x) for x in data.basis_kb_entry_ids or []) if t
    ]
    out.served_started_at = _clean_time(data.served_started_at)
    out.served_ended_at = _clean_time(data.served_ended_at)
    out.outage_broadcast_id = _clean_text(data.outage_broadcast_id) or None
    if out.outcome != "out_of_scope":
        out.out_of_scope_reason = ""
    return out


def valid_email(text: str) -> bool:
    """A plausible e-mail address (one @, a dotted domain, no spaces)."""
    return len(text) <= 254 and EMAIL_RE.fullmatch(text) is not None


def valid_phone(text: str) -> bool:
    """A plausible phone number: digits with optional +, spaces, dashes, dots, brackets
    (the contract's check, its length limit included: the hub refuses the same)."""
    return contract_checks.valid_phone(text)


def _time_problem(text: str) -> tuple[datetime | None, str | None]:
    """The moment of a form time and its problem: the desk reads more forms (no offset is
    UTC) but what it stores and sends must be a time the contract takes (years 0002-9998)."""
    try:
        moment = parse_utc(text)
        contract_checks.parse_time(format_utc(moment))
    except ValueError:
        return None, "time_invalid"
    return moment, None


def validate(data: InquiryInput) -> dict[str, str]:
    """Field -> message code for every problem of ``data`` (empty when it can be saved)."""
    d = normalize(data)
    errors: dict[str, str] = {}
    for name in ("channel", "department", "outcome", "visitor_name", "question"):
        if not getattr(d, name):
            errors[name] = "required"
    if d.channel and d.channel not in reference.codes("channels"):
        errors["channel"] = "unknown_code"
    if d.department and d.department not in reference.codes("departments"):
        errors["department"] = "unknown_code"
    if d.application and d.application not in reference.codes("applications"):
        errors["application"] = "unknown_code"
    if d.outcome and d.outcome not in OUTCOMES:
        errors["outcome"] = "unknown_code"
    if d.outcome == "answered" and not d.answer:
        # "Answered" without the answer given is not a record anyone can learn from.
        errors["answer"] = "answer_required"
    if d.outcome == "out_of_scope":
        if not d.out_of_scope_reason:
            errors["out_of_scope_reason"] = "reason_required"
        elif d.out_of_scope_reason not in OUT_OF_SCOPE_REASONS:
            errors["out_of_scope_reason"] = "unknown_code"
    if len(d.visitor_name) > MAX_NAME:
        errors["visitor_name"] = "too_long"
    if len(d.institution) > MAX_INSTITUTION:
        errors["institution"] = "too_long"
    for name in ("question", "answer"):
        if len(getattr(d, name)) > MAX_TEXT:
            errors[name] = "too_long"
    if d.satker_code and SATKER_RE.fullmatch(d.satker_code) is None:
        errors["satker_code"] = "satker_invalid"
    if d.phone and not valid_phone(d.phone):
        errors["phone"] = "phone_invalid"
    if d.email and not valid_email(d.email):
        errors["email"] = "email_invalid"
    if len(d.basis_regulations) > MAX_BASIS_ITEMS or any(
        len(x) > MAX_BASIS_CHARS for x in d.basis_regulations
    ):
        errors["basis_regulations"] = "too_long"
    if len(d.basis_kb_entry_ids) > MAX_BASIS_ITEMS:
        errors["basis_kb_entry_ids"] = "too_long"
    elif not all(contract_checks.valid_uuid(x) for x in d.basis_kb_entry_ids):
        errors["basis_kb_entry_ids"] = "invalid"  # a KB entry named by a damaged draft
    if d.outage_broadcast_id and not contract_checks.valid_uuid(d.outage_broadcast_id):
        errors["outage_broadcast_id"] = "invalid"
    times = {}
    for name in ("served_started_at", "served_ended_at"):
        value = getattr(d, name)
        if value:
            moment, problem = _time_problem(value)
            if problem:
                errors[name] = problem
            else:
                times[name] = moment
    if len(times) == 2 and times["served_ended_at"] < times["served_started_at"]:
        errors["served_ended_at"] = "time_order"
    return errors


# ---------------------------------------------------------------- saving

# ``seq`` (the rowid, and the full-text index's rowid) is made from ``created_at``:
# milliseconds since 1970 shifted left by SEQ_SLOT_BITS, plus a counter for rows created in
# the same millisecond. So seq order is time order, and a full-text search "newest first"
# can walk the index in rowid order and stop after one page. Fits 63 bits until 2248.
SEQ_SLOT_BITS = 20
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def seq_base(created_at: str) -> int:
    """The smallest ``seq`` of a row created at ``created_at`` (stored text form)."""
    try:
        millis = (parse_utc(created_at) - _EPOCH) // timedelta(milliseconds=1)
    except ValueError:
        millis = 0
    return max(0, millis) << SEQ_SLOT_BITS


def next_seq(created_at: str) -> int:
    """A free ``seq`` for a new row created at ``created_at``."""
    base = seq_base(created_at)
    row = database_proxy.obj.execute_sql(
        "SELECT MAX(seq) FROM inquiry WHERE seq >= ? AND seq < ?",
        (base, base + (1 << SEQ_SLOT_BITS)),
    ).fetchone()
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


# ---------------------------------------------------------------- history view

# sort name -> leading ORDER BY term on "inquiry AS i" (each has an index "(term,
# created_at)" + rowid).
SORT_COLUMNS: dict[str, str] = {
    "created_at": "i.created_at",
    "visitor_name": "i.visitor_name COLLATE NOCASE",
    "satker_code": "COALESCE(i.satker_code, '')",
    "channel": "i.channel",
    "department": "i.department",
    "outcome": "i.outcome",
    "sync_status": "i.sync_status",
    "application": "COALESCE(i.application, '')",
}

_ROW_COLUMNS = (
    "i.id, i.created_at, i.visitor_name, i.satker_code, i.channel, i.department, i.outcome,"
    f" substr(i.question, 1, {LIST_QUESTION_CHARS}), i.sync_status, i.application, i.seq,"
    " i.sync_error"
)

# CROSS JOIN: SQLite keeps the full-text index as the outer loop (probing the MATCH once
# per inquiry row instead would be orders of magnitude slower).
_FTS_JOIN = "inquiry_fts CROSS JOIN inquiry AS i ON i.seq = inquiry_fts.rowid"


def _filters(f: InquiryFilter | None) -> tuple[list[str], list[Any], str | None]:
    """SQL conditions on ``inquiry AS i`` for ``f``, and the FTS expression (if any)."""
    clauses: list[str] = []
    params: list[Any] = []
    match = None
    if f is None:
        return clauses, params, match
    if f.date_from:
        clauses.append("i.created_at >= ?")
        params.append(local_day_start_utc(f.date_from))
    if f.date_to:
        clauses.append("i.created_at < ?")
        params.append(local_day_start_utc(f.date_to + timedelta(days=1)))
    for name in ("department", "channel", "outcome", "sync_status"):
        value = getattr(f, name)
        if value:
            clauses.append(f"i.{name} = ?")
            params.append(value)
    if f.text and f.text.strip():
        match = fts_query(f.text)
        if match is None and not search_terms(f.text):
            # Nothing the index can search (emoji, punctuation): a plain substring match.
            needle = f.text.strip()
            columns = ("i.question", "COALESCE(i.answer, '')", "i.visitor_name")
            clauses.append("(" + " OR ".join(f"instr({c}, ?) > 0" for c in columns) + ")")
            params.extend([needle] * len(columns))
    return clauses, params, match


def _seq_range(f: InquiryFilter) -> tuple[list[str], list[Any]]:
    """Bounds on the FTS rowid (= seq, time-ordered) implied by the date filter: they let
    the full-text index skip whole time ranges. Loose by design; the exact test is on
    ``created_at``."""
    clauses, params = [], []
    if f.date_from:
        clauses.append("inquiry_fts.rowid >= ?")
        params.append(seq_base(local_day_start_utc(f.date_from)))
    if f.date_to:
        end = local_day_start_utc(f.date_to + timedelta(days=1))
        clauses.append("inquiry_fts.rowid < ?")
        params.append(seq_base(end) + (60_000 << SEQ_SLOT_BITS))  # one minute of slack
    return clauses, params


def count_inquiries(f: InquiryFilter | None = None) -> int:
    """How many inquiries match ``f``."""
    clauses, params, match = _filters(f)
    db = database_proxy.obj
    if match is None:
        sql = "SELECT COUNT(*) FROM inquiry AS i"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return db.execute_sql(sql, params).fetchone()[0]
    if not clauses:
        # Counting the index alone: no table rows read.
        sql = "SELECT COUNT(*) FROM inquiry_fts WHERE inquiry_fts MATCH ?"
        return db.execute_sql(sql, [match]).fetchone()[0]
    extra, extra_params = _seq_range(f)
    sql = f"SELECT COUNT(*) FROM {_FTS_JOIN} WHERE inquiry_fts MATCH ? AND " + " AND ".join(
        extra + clauses
    )
    return db.execute_sql(sql, [match, *extra_params, *params]).fetchone()[0]


def _sort_value(row: InquiryRow, sort: str) -> Any:
    value = getattr(row, sort)
    return "" if value is None else value


def list_inquiries(
    f: InquiryFilter | None = None,
    sort: str = "created_at",
    descending: bool = True,
    offset: int = 0,
    limit: int = 200,
    after: InquiryRow | None = None,
) -> list[InquiryRow]:
    """One page of the history view.

    ``sort`` is a key of ``SORT_COLUMNS`` (anything else sorts by ``created_at``); ties are
    broken by ``created_at`` then ``seq``, so the order is total and stable.
    ``after``: the last row of the previous page (keyset paging, fast at any depth);
    ``offset`` is then counted from that row.

    A text search sorted by time walks the full-text index newest first (its rowid is the
    time-ordered ``seq``) and stops after one page, however many rows match.
    """
    if sort not in SORT_COLUMNS:
        sort = "created_at"
    direction = "DESC" if descending else "ASC"
    op = "<" if descending else ">"
    clauses, params, match = _filters(f)
    page = [max(0, int(limit)), max(0, int(offset))]
    db = database_proxy.obj
    if match is not None and sort == "created_at":
        extra, extra_params = _seq_range(f)
        if after is not None:
            extra.append(f"inquiry_fts.rowid {op} ?")
            extra_params.append(after.seq)
        sql = f"SELECT {_ROW_COLUMNS} FROM {_FTS_JOIN} WHERE inquiry_fts MATCH ?"
        for clause in extra + clauses:
            sql += " AND " + clause
        sql += f" ORDER BY inquiry_fts.rowid {direction} LIMIT ? OFFSET ?"
        cursor = db.execute_sql(sql, [match, *extra_params, *params, *page])
        return [InquiryRow(*row) for row in cursor.fetchall()]
    source = "inquiry AS i"
    if match is not None:
        source = f"{_FTS_JOIN}"
        clauses.insert(0, "inquiry_fts MATCH ?")
        params.insert(0, match)
    lead = SORT_COLUMNS[sort]
    terms = [lead] if sort == "created_at" else [lead, "i.created_at"]
    terms.append("i.seq")
    if after is not None:
        key = [_sort_value(after, sort)] if sort != "created_at" else []
        key += [after.created_at, after.seq]
        clauses.append(f"({', '.join(terms)}) {op} ({', '.join('?' * len(key))})")
        params.extend(key)
    sql = f"SELECT {_ROW_COLUMNS} FROM {source}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY " + ", ".join(f"{t} {direction}" for t in terms)
    sql += " LIMIT ? OFFSET ?"
    cursor = db.execute_sql(sql, [*params, *page])
    return [InquiryRow(*row) for row in cursor.fetchall()]


# ---------------------------------------------------------------- the wire (API.md)


def to_wire(inquiry: Inquiry) -> dict[str, Any]:
    """The API.md Inquiry JSON of a stored inquiry (optional fields omitted when empty)."""
    visitor: dict[str, Any] = {"name": inquiry.visitor_name}
    for key in ("satker_code", "institution", "phone", "email"):
        value = getattr(inquiry, key)
        if value:
            visitor[key] = value
    wire: dict[str, Any] = {
        "id": inquiry.id,
        "office_code": inquiry.office_code,
        "created_at": inquiry.created_at,
        "updated_at": inquiry.updated_at,
        "channel": inquiry.channel,
        "department": inquiry.department,
        "visitor": visitor,
        "question": inquiry.question,
        "basis": {
            "regulations": list(inquiry.basis_regulations or []),
            "kb_entry_ids": list(inquiry.basis_kb_entry_ids or []),
        },
        "outcome": inquiry.outcome,
        "version": inquiry.version,
    }
    for key in (
        "application",
        "answer",
        "out_of_scope_reason",
        "ticket_id",
        "served_started_at",
        "served_ended_at",
        "outage_broadcast_id",
    ):
        value = getattr(inquiry, key)
        if value:
            wire[key] = value
    if inquiry.clock_offset_s is not None:
        wire["clock_offset_s"] = inquiry.clock_offset_s
    return wire


def _from_wire(item: dict[str, Any]) -> dict[str, Any]:
    visitor = item.get("visitor") or {}
    basis = item.get("basis") or {}
    now = utc_now()
    return {
        "id": str(item["id"]),
        "office_code": item.get("office_code") or "",
        "created_at": normalize_utc(item.get("created_at")) or now,
        "updated_at": normalize_utc(item.get("updated_at")) or now,
        "channel": item.get("channel") or "",
        "department": item.get("department") or "",
        "application": item.get("application") or None,
        "visitor_name": visitor.get("name") or "",
        "satker_code": visitor.get("satker_code") or None,
        "institution": visitor.get("institution") or None,
        "phone": visitor.get("phone") or None,
        "email": visitor.get("email") or None,
        "question": item.get("question") or "",
        "answer": item.get("answer") or None,
        "basis_regulations": list(basis.get("regulations") or []),
        "basis_kb_entry_ids": [str(x) for x in basis.get("kb_entry_ids") or []],
        "outcome": item.get("outcome") or "answered",
        "out_of_scope_reason": item.get("out_of_scope_reason") or None,
        "ticket_id": item.get("ticket_id") or None,
        "served_started_at": normalize_utc(item.get("served_started_at")),
        "served_ended_at": normalize_utc(item.get("served_ended_at")),
        "outage_broadcast_id": item.get("outage_broadcast_id") or None,
        "version": int(item.get("version") or 1),
        "hub_rev": item.get("rev"),
        "review_status": item.get("review_status"),
        "clock_offset_s": item.get("clock_offset_s"),
        "counted_at": item.get("counted_at"),
        "sync_status": "synced",
        "sync_error": None,
    }


def apply_from_hub(items: list[dict[str, Any]]) -> int:
    """Upsert inquiries pulled from the office feed (one transaction; nests as a savepoint).

    A local row at the same or a higher version (synced or not) keeps its content (only
    ``hub_rev``/``review_status`` are taken); otherwise the hub's state wins and any stale
    outbox row for it is dropped. Returns how many rows changed content.
    """
    from hai_desktop.core import conflicts

    changed = 0
    db = database_proxy.obj
    with db.atomic():
        for item in items:
            values = _from_wire(item)
            existing = Inquiry.get_or_none(Inquiry.id == values["id"])
            if item.get("deleted"):
                if existing is not None and existing.sync_status == "synced":
                    Inquiry.delete().where(Inquiry.id == values["id"]).execute()
                    changed += 1
                continue
            if existing is None:
                values["origin"] = "hub"
                values["seq"] = next_seq(values["created_at"])
                Inquiry.insert(**values).execute()
                changed += 1
                continue
            if conflicts.apply_pulled(existing, item):
                continue  # two desks changed it: both versions kept for the user (7.6)
            # The local row wins whenever its version is at least the hub's: the echo of this
            # desk's own push (same version) carries the content we have, an unsent edit is
            # newer, and a stale hub item must never roll back a newer synced row. Only the
            # hub's own fields are taken then (and the rewrite with its FTS work is skipped).
            if existing.version >= values["version"]:
                hub_fields = {
                    "hub_rev": values["hub_rev"],
                    "review_status": values["review_status"],
                }
                if values["counted_at"]:
                    hub_fields["counted_at"] = values["counted_at"]  # the hub's clock rule
                Inquiry.update(**hub_fields).where(Inquiry.id == existing.id).execute()
                continue
            values.pop("id")
            values["created_at"] = existing.created_at
            Inquiry.update(**values).where(Inquiry.id == existing.id).execute()
            outbox.drop("inquiry", existing.id)
            changed += 1
    return changed


def wire_json(inquiry: Inquiry) -> str:
    """``to_wire`` as compact JSON text."""
    return json.dumps(to_wire(inquiry), ensure_ascii=False, separators=(",", ":"))
