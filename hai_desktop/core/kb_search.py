"""Offline KB search: the KB screen's and the log form's search over the stored entries.

The user's words are stemmed with Sastrawi exactly as the index was (so *pencairan*,
*dicairkan* and *cair* meet), quoted into a safe FTS5 query, the last word prefix-matched
for search-as-you-type, and ranked by bm25 with the title weighted up (``BM25_WEIGHTS``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from hai_desktop.core import kb, stemming
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.kb import KbHit, count_entries, is_possibly_outdated
from hai_desktop.core.search import fts_query, quote_term

# The shortest last word that gets a prefix match (the FTS prefix indexes start at 2).
MIN_PREFIX_CHARS = 2
# ... and when it is the only word (a lone two-letter prefix matches most entries).
MIN_PREFIX_CHARS_ALONE = 3

# Query shape limits: a pasted paragraph must not become a 200-term query.
_MAX_QUERY_TERMS = 12


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
# whenever the KB changes (``kb.changes_applied``); a slightly stale value only shifts
# which words are pruned.
_df_cache: dict[str, int] = {}
_df_total: list[int] = []
_df_seen_changes: list[int] = [-1]

# Words in more than this share of entries say little about the topic and make the
# any-word query rank most of the KB: they are left out of it.
_COMMON_SHARE = 0.2
# Fewer all-word hits than this: add any-word hits (more all-word hits are precise enough).
FALLBACK_BELOW = 5
_MAX_ANY_TERMS = 6


def _forget_stale_statistics() -> None:
    if _df_seen_changes[0] != kb.changes_applied:
        _df_cache.clear()
        _df_total.clear()
        _df_seen_changes[0] = kb.changes_applied


def _vocab(db) -> None:
    db.execute_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.kb_fts_vocab USING fts5vocab(main, kb_fts, row)"
    )


def _document_frequencies(terms: list[str], prefixes: list[str]) -> dict[str, int]:
    """Entries containing each term (exact), or each prefix (an upper bound: summed)."""
    _forget_stale_statistics()
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
    _forget_stale_statistics()
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
