"""The local knowledge base: entries pulled from the hub, stored with their FTS index.

- ``apply_kb_changes`` stores a page of the hub's ``/kb/changes`` feed (upserts and
  tombstones) and keeps the stemmed FTS index current. It joins the caller's transaction
  (the sync engine stores the page and its cursor in one ``db.atomic()``).
- ``is_possibly_outdated`` / ``valid_until_day`` read an entry's ``valid_until``.

Searching lives in ``kb_search``, the "membantu / tidak membantu" feedback in
``kb_feedback``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from hai_desktop.core import stemming
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.timeutil import normalize_utc, parse_utc

# SQLite's default limit on bound variables is 32766 on 3.32+; stay far below it.
_CHUNK = 500

_PREVIEW_CHARS = 240

# Bumped whenever a page of changes is stored: ``kb_search`` drops its term statistics
# when it sees a new value (the storage need not know what depends on it).
changes_applied = 0

_ENTRY_COLUMNS = (
    "id, rev, title, question, answer, department, application, regulations, tags, "
    "source_inquiry_ids, valid_until, updated_at, deleted"
)


@dataclass(frozen=True)
class KbEntry:
    """One knowledge-base entry as stored on the desk (the hub's KbEntry)."""

    id: str
    rev: int
    title: str
    question: str
    answer: str
    department: str | None
    application: str | None
    regulations: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    source_inquiry_ids: list[str] = field(default_factory=list)
    valid_until: str | None = None
    updated_at: str | None = None
    deleted: bool = False


@dataclass(frozen=True)
class KbHit:
    """One search result: enough for a result list and to insert the answer into a log."""

    id: str
    title: str
    question: str
    answer: str
    department: str | None
    application: str | None
    regulations: list[str]
    tags: list[str]
    valid_until: str | None
    score: float

    @property
    def answer_preview(self) -> str:
        """The start of the answer on one line."""
        text = " ".join(self.answer.split())
        return text if len(text) <= _PREVIEW_CHARS else text[: _PREVIEW_CHARS - 1] + "…"


# ---------------------------------------------------------------------------------- storing


def _json_list(value) -> str:
    if not value:
        return "[]"
    return json.dumps([str(v) for v in value], ensure_ascii=False)


def _index_row(item: dict) -> tuple[str, str, str, str]:
    """The stemmed texts of an entry for kb_fts (title, question, answer, tags)."""
    return (
        stemming.stem_text(item.get("title") or ""),
        stemming.stem_text(item.get("question") or ""),
        stemming.stem_text(item.get("answer") or ""),
        stemming.stem_texts(str(t) for t in (item.get("tags") or [])),
    )


def _chunks(seq: list, size: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(seq), size):
        yield seq[i : i + size]


def apply_kb_changes(items: list[dict]) -> int:
    """Store a page of KbEntry items from the hub's feed (upserts and tombstones).

    Joins the caller's transaction when there is one (peewee turns a nested ``atomic`` into a
    savepoint), else runs in its own. An item older than what is stored (lower ``rev``) is
    ignored, so replaying a page is harmless. Returns the number of items applied.
    """
    if not items:
        return 0
    # The newest state per id within the page (a feed page may carry an id twice).
    latest: dict[str, dict] = {}
    for item in items:
        entry_id = str(item["id"])
        rev = int(item.get("rev") or 0)
        prev = latest.get(entry_id)
        if prev is None or rev >= int(prev.get("rev") or 0):
            latest[entry_id] = item
    db = database_proxy
    ids = list(latest)
    with db.atomic():
        stored: dict[str, tuple[int, int]] = {}  # id -> (seq, rev)
        for part in _chunks(ids):
            marks = ",".join("?" * len(part))
            for entry_id, seq, rev in db.execute_sql(
                f"SELECT id, seq, rev FROM kb_entry WHERE id IN ({marks})", part
            ):
                stored[entry_id] = (seq, rev)
        fresh = [
            item
            for entry_id, item in latest.items()
            if entry_id not in stored or int(item.get("rev") or 0) >= stored[entry_id][1]
        ]
        if not fresh:
            return 0
        rows = []
        tombstones = []
        for item in fresh:
            deleted = bool(item.get("deleted"))
            if deleted and str(item["id"]) in stored and not item.get("title"):
                # A bare tombstone (id, rev, deleted): keep the text, since logged
                # inquiries may still name this entry as their basis.
                tombstones.append(
                    (
                        int(item.get("rev") or 0),
                        normalize_utc(item.get("updated_at")),
                        str(item["id"]),
                    )
                )
                continue
            rows.append(
                (
                    str(item["id"]),
                    int(item.get("rev") or 0),
                    item.get("title") or "",
                    item.get("question") or "",
                    item.get("answer") or "",
                    item.get("department"),
                    item.get("application"),
                    _json_list(item.get("regulations")),
                    _json_list(item.get("tags")),
                    _json_list(item.get("source_inquiry_ids")),
                    item.get("valid_until"),
                    normalize_utc(item.get("updated_at")),
                    1 if deleted else 0,
                )
            )
        cursor = db.cursor()
        cursor.executemany(
            f"INSERT INTO kb_entry ({_ENTRY_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
            "ON CONFLICT (id) DO UPDATE SET rev = excluded.rev, title = excluded.title, "
            "question = excluded.question, answer = excluded.answer, "
            "department = excluded.department, application = excluded.application, "
            "regulations = excluded.regulations, tags = excluded.tags, "
            "source_inquiry_ids = excluded.source_inquiry_ids, "
            "valid_until = excluded.valid_until, updated_at = excluded.updated_at, "
            "deleted = excluded.deleted",
            rows,
        )
        if tombstones:
            cursor.executemany(
                "UPDATE kb_entry SET rev = ?, deleted = 1, "
                "updated_at = COALESCE(?, updated_at) WHERE id = ?",
                tombstones,
            )
        # New rows got their seq just now; read them back for the index.
        new_ids = [str(item["id"]) for item in fresh if str(item["id"]) not in stored]
        seq_of = {entry_id: seq for entry_id, (seq, _rev) in stored.items()}
        for part in _chunks(new_ids):
            marks = ",".join("?" * len(part))
            for entry_id, seq in db.execute_sql(
                f"SELECT id, seq FROM kb_entry WHERE id IN ({marks})", part
            ):
                seq_of[entry_id] = seq
        old_seqs = [(stored[str(item["id"])][0],) for item in fresh if str(item["id"]) in stored]
        if old_seqs:
            cursor.executemany("DELETE FROM kb_fts WHERE rowid = ?", old_seqs)
        cursor.executemany(
            "INSERT INTO kb_fts (rowid, title, question, answer, tags) VALUES (?,?,?,?,?)",
            (
                (seq_of[str(item["id"])], *_index_row(item))
                for item in fresh
                if not item.get("deleted")
            ),
        )
    global changes_applied
    changes_applied += 1
    return len(fresh)


def count_entries() -> int:
    """Live (not retired) entries stored locally."""
    return database_proxy.execute_sql("SELECT COUNT(*) FROM kb_entry WHERE deleted = 0").fetchone()[
        0
    ]


def _entry_from_row(row) -> KbEntry:
    return KbEntry(
        id=row[0],
        rev=row[1],
        title=row[2],
        question=row[3],
        answer=row[4],
        department=row[5],
        application=row[6],
        regulations=json.loads(row[7] or "[]"),
        tags=json.loads(row[8] or "[]"),
        source_inquiry_ids=json.loads(row[9] or "[]"),
        valid_until=row[10],
        updated_at=row[11],
        deleted=bool(row[12]),
    )


def get_entry(entry_id: str) -> KbEntry | None:
    """The stored entry (a retired one too, marked ``deleted``), or None."""
    row = database_proxy.execute_sql(
        f"SELECT {_ENTRY_COLUMNS} FROM kb_entry WHERE id = ?", (entry_id,)
    ).fetchone()
    return _entry_from_row(row) if row else None


def facet_values() -> dict[str, list[str]]:
    """The department and application codes that live entries use (for the filters)."""
    db = database_proxy
    departments = [
        r[0]
        for r in db.execute_sql(
            "SELECT DISTINCT department FROM kb_entry "
            "WHERE deleted = 0 AND department IS NOT NULL ORDER BY department"
        )
    ]
    applications = [
        r[0]
        for r in db.execute_sql(
            "SELECT DISTINCT application FROM kb_entry "
            "WHERE deleted = 0 AND application IS NOT NULL AND application != '' "
            "ORDER BY application"
        )
    ]
    return {"departments": departments, "applications": applications}


# -------------------------------------------------------------------------------- outdated


def _valid_until_date(value: str | None) -> date | None:
    """The last local calendar day an entry is valid (a date, or a UTC moment)."""
    if not value:
        return None
    text = str(value).strip()
    try:
        if len(text) > 10:
            # "2025-12-31T16:59:59Z" is the last second of 31 December in WIB: the
            # desk's own calendar day of that moment is what the CSO reads.
            return parse_utc(text).astimezone().date()
        return date.fromisoformat(text)
    except ValueError:
        return None


def valid_until_day(entry: KbEntry | KbHit | dict) -> date | None:
    """The last local calendar day the entry is valid, or None when it has no end."""
    value = entry.get("valid_until") if isinstance(entry, dict) else entry.valid_until
    return _valid_until_date(value)


def is_possibly_outdated(entry: KbEntry | KbHit | dict, today: date | None = None) -> bool:
    """True when ``today`` is past the entry's ``valid_until`` (the day itself still counts)."""
    value = entry.get("valid_until") if isinstance(entry, dict) else entry.valid_until
    until = _valid_until_date(value)
    if until is None:
        return False
    return (today or date.today()) > until
