"""The local knowledge base: entries pulled from the hub, offline search, KB feedback.

- ``apply_kb_changes`` stores a page of the hub's ``/kb/changes`` feed (upserts and
  tombstones) and keeps the stemmed FTS index current. It joins the caller's transaction
  (the sync engine stores the page and its cursor in one ``db.atomic()``).
- ``search`` is the KB screen's and the log form's search: the user's words are stemmed
  with Sastrawi exactly as the index was (so *pencairan*, *dicairkan* and *cair* meet),
  quoted into a safe FTS5 query, the last word prefix-matched for search-as-you-type, and
  ranked by bm25 with the title weighted up (``BM25_WEIGHTS``).
- ``record_feedback`` writes a "membantu / tidak membantu" row and its outbox row in one
  transaction; ``wire_feedback`` is what the sync engine sends.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from hai_desktop.core import stemming
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.search import fts_query, quote_term
from hai_desktop.core.timeutil import normalize_utc, parse_utc, utc_now

FEEDBACK_RECORD_TYPE = "kb_feedback"

# SQLite's default limit on bound variables is 32766 on 3.32+; stay far below it.
_CHUNK = 500

# The shortest last word that gets a prefix match (the FTS prefix indexes start at 2).
MIN_PREFIX_CHARS = 2
# ... and when it is the only word (a lone two-letter prefix matches most entries).
MIN_PREFIX_CHARS_ALONE = 3

# Query shape limits: a pasted paragraph must not become a 200-term query.
_MAX_QUERY_TERMS = 12
_PREVIEW_CHARS = 240

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


@dataclass(frozen=True)
class KbFeedback:
    """A local KB feedback record (sent to ``POST /api/v1/kb/{kb_entry_id}/feedback``)."""

    id: str
    kb_entry_id: str
    helpful: bool
    note: str | None
    created_at: str


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
    _forget_statistics()
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


# ---------------------------------------------------------------------------------- search


@dataclass(frozen=True)
class _Query:
    all_terms: str | None  # every content word must match (the last as a prefix)
    stems: tuple[str, ...] = ()  # the whole words' stems
    last_variants: tuple[str, ...] = ()  # candidate stem prefixes of the word being typed

    @property
    def term_count(self) -> int:
        return len(self.stems) + (1 if self.last_variants else 0)


def _prefix_group(variants: tuple[str, ...] | list[str]) -> str:
    return "(" + " OR ".join(quote_term(v) + "*" for v in variants) + ")"


def build_query(text: str | None, prefix_last: bool = True) -> _Query:
    """The FTS5 expression for ``text``: stemmed, quoted, stopwords dropped.

    The last word, when prefix-matched (no space typed after it yet), becomes a group of
    candidate stems (see ``stemming.partial_variants``): half a word cannot be stemmed.
    """
    raw = stemming.words(text or "")
    if not raw:
        return _Query(None)
    ends_with_space = bool(text) and not text[-1].isalnum()
    last_partial = prefix_last and not ends_with_space
    body, last = (raw[:-1], raw[-1]) if last_partial else (raw, None)
    stems: list[str] = []
    for w in body:
        if w in stemming.STOPWORDS:
            continue
        s = stemming.stem_word(w)
        if s not in stems:
            stems.append(s)
    stems = stems[:_MAX_QUERY_TERMS]
    variants: list[str] = []
    shortest = MIN_PREFIX_CHARS if stems else MIN_PREFIX_CHARS_ALONE
    if last is not None and len(last) < shortest:
        # Too short a start for a prefix: "d"* walks the whole vocabulary and a lone
        # "pe"* ranks most of the KB (each 40-100 ms at 50,000 entries). Wait for the next
        # letter, or match it as a word ("UP") when it is all there is.
        if not stems:
            stems = [last]
        last = None
    if last is not None and (last not in stemming.STOPWORDS or not stems):
        variants = stemming.partial_variants(last)
    if not stems and not variants:
        # Only stopwords: search them after all rather than show nothing.
        stems = list(dict.fromkeys(stemming.stem_word(w) for w in raw))[:_MAX_QUERY_TERMS]
    head = fts_query(" ".join(stems), prefix_last=False) if stems else None
    parts = []
    if head:
        parts.append(f"({head})" if " " in head else head)
    if variants:
        parts.append(_prefix_group(variants))
    return _Query(" AND ".join(parts) or None, tuple(stems), tuple(variants))


# Document frequencies of index terms, for pruning the any-word fallback query. Reset
# whenever the KB changes; a slightly stale value only shifts which words are pruned.
_df_cache: dict[str, int] = {}
_df_total: list[int] = []

# Words in more than this share of entries say little about the topic and make the
# any-word query rank most of the KB: they are left out of it.
_COMMON_SHARE = 0.2
# Fewer all-word hits than this: add any-word hits (more all-word hits are precise enough).
FALLBACK_BELOW = 5
_MAX_ANY_TERMS = 6


def _forget_statistics() -> None:
    _df_cache.clear()
    _df_total.clear()


def _vocab(db) -> None:
    db.execute_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_fts_vocab USING fts5vocab(main, kb_fts, row)"
    )


def _document_frequencies(terms: list[str], prefixes: list[str]) -> dict[str, int]:
    """Entries containing each term (exact), or each prefix (an upper bound: summed)."""
    db = database_proxy
    keys = [t for t in terms if t not in _df_cache] + [
        p + "*" for p in prefixes if p + "*" not in _df_cache
    ]
    if keys:
        _vocab(db)
        for key in keys:
            if key.endswith("*"):
                low = key[:-1]
                row = db.execute_sql(
                    "SELECT COALESCE(SUM(doc), 0) FROM temp.kb_fts_vocab "
                    "WHERE term >= ? AND term < ?",
                    (low, low + "\U0010ffff"),
                ).fetchone()
            else:
                row = db.execute_sql(
                    "SELECT doc FROM temp.kb_fts_vocab WHERE term = ?", (key,)
                ).fetchone()
            _df_cache[key] = int(row[0]) if row else 0
    return {k: _df_cache.get(k, 0) for k in terms + [p + "*" for p in prefixes]}


def _total_entries() -> int:
    if not _df_total:
        _df_total.append(count_entries())
    return _df_total[0]


def _any_query(query: _Query) -> str | None:
    """The any-word fallback: the telling words only (rare enough), rarest first."""
    if query.term_count < 2:
        return None
    df = _document_frequencies(list(query.stems), list(query.last_variants))
    limit = max(50, int(_total_entries() * _COMMON_SHARE))
    scored: list[tuple[int, str]] = []
    for stem in query.stems:
        if 0 < df[stem] <= limit:
            scored.append((df[stem], quote_term(stem)))
    if query.last_variants:
        kept = [v for v in query.last_variants if 0 < df[v + "*"] <= limit]
        if kept:
            scored.append((sum(df[v + "*"] for v in kept), _prefix_group(kept)))
    scored.sort()
    parts = [expr for _df, expr in scored[:_MAX_ANY_TERMS]]
    if not parts:
        return None
    return " OR ".join(parts)


# bm25 column weights (title, question, answer, tags): a word in the title counts most.
# Spelled out in the query: measured faster than the table's configured ``rank`` (which
# migration m0002 sets to the same weights for ad-hoc SQL).
BM25_WEIGHTS = (10.0, 4.0, 1.0, 3.0)
_BM25 = "bm25(kb_fts, " + ", ".join(str(w) for w in BM25_WEIGHTS) + ")"

_HIT_COLUMNS = (
    "e.id, e.title, e.question, e.answer, e.department, e.application, e.regulations, "
    "e.tags, e.valid_until"
)


def _hits(rows) -> list[KbHit]:
    return [
        KbHit(
            id=r[0],
            title=r[1],
            question=r[2],
            answer=r[3],
            department=r[4],
            application=r[5],
            regulations=json.loads(r[6] or "[]"),
            tags=json.loads(r[7] or "[]"),
            valid_until=r[8],
            score=float(r[9]),
        )
        for r in rows
    ]


def _run_match(
    match: str, department: str | None, application: str | None, limit: int, exclude: set[str]
) -> list[KbHit]:
    """Rank the FTS matches, keep the top ``limit`` (minus ``exclude``), fetch their rows.

    Filters test the FTS rowid against the entries of that department/application (read
    from the covering index): joining kb_entry instead would read every matching entry's
    row, long answers included, before ranking. The unary ``+`` keeps SQLite from handing
    the IN list to FTS5 as a rowid lookup (measured: seconds instead of milliseconds).
    """
    where = []
    params: list = [match]
    if department is not None:
        where.append("department = ?")
        params.append(department)
    if application is not None:
        where.append("application = ?")
        params.append(application)
    restrict = (
        " AND +rowid IN (SELECT seq FROM kb_entry WHERE " + " AND ".join(where) + ")"
        if where
        else ""
    )
    params.append(limit + len(exclude))
    sql = (
        f"SELECT {_HIT_COLUMNS}, f.score FROM "
        f"(SELECT rowid, {_BM25} AS score FROM kb_fts WHERE kb_fts MATCH ?{restrict} "
        "ORDER BY score LIMIT ?) f JOIN kb_entry e ON e.seq = f.rowid ORDER BY f.score"
    )
    hits = [h for h in _hits(database_proxy.execute_sql(sql, params)) if h.id not in exclude]
    return hits[:limit]


def browse(
    department: str | None = None, application: str | None = None, limit: int = 50
) -> list[KbHit]:
    """Entries without a search text (latest received first), for the empty search box."""
    where = ["e.deleted = 0"]
    params: list = []
    if department is not None:
        where.append("e.department = ?")
        params.append(department)
    if application is not None:
        where.append("e.application = ?")
        params.append(application)
    params.append(limit)
    rows = database_proxy.execute_sql(
        f"SELECT {_HIT_COLUMNS}, 0.0 FROM kb_entry e WHERE "
        + " AND ".join(where)
        + " ORDER BY e.seq DESC LIMIT ?",
        params,
    )
    return _hits(rows)


def search(
    text: str | None,
    department: str | None = None,
    application: str | None = None,
    limit: int = 20,
    prefix_last: bool = True,
    prefer_application: str | None = None,
    prefer_department: str | None = None,
) -> list[KbHit]:
    """The best-matching live entries for what the user typed, best first.

    ``prefer_application`` / ``prefer_department`` (what the log form already holds)
    re-rank the hits: entries of that application are searched too, entries of another
    application or department move down (``kb_context``).

    Every (non-stop) word must match: entries with all of them in the title, question or
    tags first, then entries where the answer holds some of them; when that finds fewer
    than ``FALLBACK_BELOW`` entries,
    entries matching any of the telling words follow (a whole question typed into the log
    form rarely shares every word with an entry). Entries past their ``valid_until`` come
    after the valid ones of their group (all words / any word; ``_valid_first``). Empty ``department``/``application`` mean no
    filter. Operators and quotes in ``text`` are plain text, never FTS syntax.
    """
    department = department or None
    application = application or None
    query = build_query(text, prefix_last=prefix_last)
    if query.all_terms is None:
        return []
    # Entries with every word in the title, question or tags come first; when there are
    # enough of them the answers need not be ranked at all. That keeps broad queries fast
    # (bm25 costs per matching entry: "revisi dipa" matches a fifth of a 50,000-entry KB).
    # A few more than asked are kept (``OUTDATED_SLACK``) so that valid entries just below
    # the cut can move up past outdated ones; only the LIMIT grows, not the matching.
    wanted = limit + min(limit, OUTDATED_SLACK)
    hits = _run_match(
        "{title question tags} : (" + query.all_terms + ")",
        department,
        application,
        wanted,
        set(),
    )
    # The lower tiers also run when outdated entries leave too few valid ones on top (a
    # current entry may say it only in its answer).
    few = min(limit, FALLBACK_BELOW)
    if len(hits) < limit or _valid_count(hits) < few:
        seen = {h.id for h in hits}
        hits += _run_match(query.all_terms, department, application, wanted - len(hits), seen)
    # Outdated entries go after the valid ones that match as well (every word), but stay
    # ahead of the any-word fallback: searching an outdated entry's own title must still
    # find it, above entries sharing one word with it.
    hits = _valid_first(hits)
    if _valid_count(hits) < few:
        any_terms = _any_query(query)
        if any_terms:
            seen = {h.id for h in hits}
            weak = _run_match(any_terms, department, application, wanted - len(hits), seen)
            hits += _valid_first(weak)
    if prefer_application or prefer_department:
        from hai_desktop.core import kb_context

        if prefer_application and application is None:
            # The chosen application's own entries compete even when the words alone
            # would leave them below the cut.
            seen = {h.id for h in hits}
            own = search(text, department, prefer_application, limit, prefix_last)
            hits += [h for h in own if h.id not in seen]
        hits = kb_context.rerank(hits, prefer_application, prefer_department)
    return hits[:limit]


# Extra ranked hits fetched beyond ``limit`` to replace outdated entries at the cut.
OUTDATED_SLACK = 10


def _valid_count(hits: list[KbHit]) -> int:
    today = date.today()
    return sum(1 for h in hits if not is_possibly_outdated(h, today))


def _valid_first(hits: list[KbHit]) -> list[KbHit]:
    """Entries past their ``valid_until`` after every valid one (each group keeps its rank).

    A CSO takes the first suggestion (Alt+1, preselected): an outdated answer must never
    come before a current one.
    """
    today = date.today()
    valid: list[KbHit] = []
    outdated: list[KbHit] = []
    for hit in hits:
        (outdated if is_possibly_outdated(hit, today) else valid).append(hit)
    return valid + outdated


def like_search(text: str, limit: int = 20) -> list[str]:
    """A naive ``LIKE '%term%'`` scan (every word must occur): the benchmark's baseline.

    Without a relevance score a result list needs some order, so the scan visits every row
    (newest first) as a plain-SQL search screen would; it does no stemming.
    """
    terms = stemming.words(text)
    if not terms:
        return []
    where = " AND ".join(
        "(title LIKE ? OR question LIKE ? OR answer LIKE ? OR tags LIKE ?)" for _ in terms
    )
    params: list = []
    for t in terms:
        params += [f"%{t}%"] * 4
    params.append(limit)
    rows = database_proxy.execute_sql(
        f"SELECT id FROM kb_entry WHERE deleted = 0 AND {where} ORDER BY updated_at DESC LIMIT ?",
        params,
    )
    return [r[0] for r in rows]


# -------------------------------------------------------------------------------- feedback


def record_feedback(entry_id: str, helpful: bool, note: str | None = None) -> str:
    """Store "membantu / tidak membantu" for an entry and queue it for the hub.

    The feedback row and its outbox row are written in one transaction. Returns its id.
    """
    from hai_desktop.core import outbox

    note = (note or "").strip() or None
    feedback_id = str(uuid.uuid4())
    with database_proxy.atomic():
        database_proxy.execute_sql(
            "INSERT INTO kb_feedback (id, kb_entry_id, helpful, note, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (feedback_id, entry_id, 1 if helpful else 0, note, utc_now()),
        )
        outbox.enqueue(FEEDBACK_RECORD_TYPE, feedback_id)
    return feedback_id


def get_feedback(feedback_id: str) -> KbFeedback | None:
    """A stored feedback record by id (the sync engine reads it when sending)."""
    row = database_proxy.execute_sql(
        "SELECT id, kb_entry_id, helpful, note, created_at FROM kb_feedback WHERE id = ?",
        (feedback_id,),
    ).fetchone()
    if row is None:
        return None
    return KbFeedback(row[0], row[1], bool(row[2]), row[3], row[4])


def feedback_path(row: KbFeedback) -> str:
    """The hub path the feedback is posted to."""
    return f"/api/v1/kb/{row.kb_entry_id}/feedback"


def wire_feedback(row: KbFeedback | str) -> dict:
    """The JSON body of ``POST /api/v1/kb/{kb_entry_id}/feedback`` for a stored record.

    Accepts the record or its id (the outbox's ``record_id``).
    """
    if isinstance(row, str):
        found = get_feedback(row)
        if found is None:
            raise KeyError(row)
        row = found
    body: dict = {"id": row.id, "helpful": row.helpful}
    if row.note:
        body["note"] = row.note
    return body


def feedback_for(entry_id: str) -> list[KbFeedback]:
    """The feedback this desk gave on an entry, newest first."""
    rows = database_proxy.execute_sql(
        "SELECT id, kb_entry_id, helpful, note, created_at FROM kb_feedback "
        "WHERE kb_entry_id = ? ORDER BY created_at DESC",
        (entry_id,),
    )
    return [KbFeedback(r[0], r[1], bool(r[2]), r[3], r[4]) for r in rows]
