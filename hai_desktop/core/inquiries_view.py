"""The history view of the inquiry log: its rows, filters and sorts, one page at a time.

Rows are in time order by ``seq`` (the rowid, made from ``created_at``); every other sortable
column has a one-column index (SQLite appends the rowid), so a page is an index walk in
``(column, seq)`` order that stops after ``limit`` rows. Deep pages can use keyset paging
(``after=<last row of the previous page>``) instead of ``offset``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.inquiries import SEQ_SLOT_BITS, seq_base
from hai_desktop.core.search import fts_query, search_terms
from hai_desktop.core.timeutil import local_day_start_utc

LIST_QUESTION_CHARS = 200


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


# sort name -> leading ORDER BY term on "inquiry AS i". Ties are broken by ``seq``, which
# orders as ``created_at`` does (see ``seq_base``): "created_at" walks the table itself, each
# other term has an index "(term)" + rowid (m0010).
SORT_COLUMNS: dict[str, str] = {
    "created_at": "i.seq",
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


def _filters(
    f: InquiryFilter | None, listing: bool = False
) -> tuple[list[str], list[Any], str | None]:
    """SQL conditions on ``inquiry AS i`` for ``f``, and the FTS expression (if any).

    A date range is also a ``seq`` range (the rowid: a page walks the table or a one-column
    index within it). ``created_at`` is still tested exactly: ``listing`` hides it from the
    planner (``+``), a count leaves it to ``ix_inquiry_created`` (an index-only count).
    """
    clauses: list[str] = []
    params: list[Any] = []
    match = None
    if f is None:
        return clauses, params, match
    at = "+i.created_at" if listing else "i.created_at"
    for day, op in ((f.date_from, ">="), (f.date_to, "<")):
        if day:
            start = local_day_start_utc(day if op == ">=" else day + timedelta(days=1))
            clauses += [f"i.seq {op} ?", f"{at} {op} ?"]
            params += [seq_base(start), start]
    for name in ("department", "channel", "outcome", "sync_status"):
        value = getattr(f, name)
        if value:
            clauses.append(f"i.{name} = ?")
            params.append(value)
    if f.text and f.text.strip():
        match = fts_query(f.text, short_prefix=3)  # m0010: prefix="3"
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
    broken by ``seq`` (time order, then save order), so the order is total and stable.
    ``after``: the last row of the previous page (keyset paging, fast at any depth);
    ``offset`` is then counted from that row.

    A text search sorted by time walks the full-text index newest first (its rowid is the
    time-ordered ``seq``) and stops after one page, however many rows match.
    """
    if sort not in SORT_COLUMNS:
        sort = "created_at"
    direction = "DESC" if descending else "ASC"
    op = "<" if descending else ">"
    clauses, params, match = _filters(f, listing=True)
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
    terms = [lead] if sort == "created_at" else [lead, "i.seq"]
    if after is not None:
        key = [_sort_value(after, sort)] if sort != "created_at" else []
        key.append(after.seq)
        clauses.append(f"({', '.join(terms)}) {op} ({', '.join('?' * len(key))})")
        params.extend(key)
    sql = f"SELECT {_ROW_COLUMNS} FROM {source}"
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY " + ", ".join(f"{t} {direction}" for t in terms)
    sql += " LIMIT ? OFFSET ?"
    cursor = db.execute_sql(sql, [*params, *page])
    return [InquiryRow(*row) for row in cursor.fetchall()]
