"""Reading the KB for the centre's staff: a searchable list, the entries close to a desk
answer under review (to merge into), and the desks' feedback on an entry."""

from __future__ import annotations

import heapq
import threading
from typing import Any

from peewee import fn

from hai_central.services import kb
from hai_central.services.common import CurrentUser
from hai_central.services.similarity import Vocabulary, tokens
from hai_central.services.ticket_queue import office_names
from hai_central.store import db as store
from hai_central.store.models import KbEntry, KbFeedback

PER_PAGE = 50


def entries(
    user: CurrentUser,
    *,
    search: str = "",
    department: str | None = None,
    retired: bool = False,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> dict[str, Any]:
    """A page of entries, newest change first; ``search`` matches title, question, answer."""
    page = max(1, page)
    with store.session():
        query = KbEntry.select().where(KbEntry.deleted == retired)
        if department:
            query = query.where(KbEntry.department == department)
        for word in search.split()[:5]:
            pattern = f"%{word}%"
            query = query.where(
                KbEntry.title.ilike(pattern)
                | KbEntry.question.ilike(pattern)
                | KbEntry.answer.ilike(pattern)
            )
        total = query.count()
        rows = list(
            query.order_by(KbEntry.updated_at.desc(), KbEntry.id)
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    return {
        "items": [kb.public(r, counts=True) for r in rows],
        "total": total,
        "page": page,
        "pages": max(1, -(-total // per_page)),
    }


class _KbIndex:
    """The live entries' masks, rebuilt only when the KB changed (its newest rev or its
    size moved): a review page compares each answer with every entry."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.key: tuple | None = None
        self.vocabulary = Vocabulary()
        self.rows: list[tuple[str, str, str]] = []
        self.masks: list[tuple[int, int]] = []

    def current(self) -> _KbIndex:
        with store.session():
            key = (
                KbEntry.select(fn.MAX(KbEntry.rev), fn.COUNT(KbEntry.id))
                .where(KbEntry.deleted == False)  # noqa: E712
                .tuples()
                .first()
            )
            with self.lock:
                if key == self.key:
                    return self
                rows = list(
                    KbEntry.select(KbEntry.id, KbEntry.title, KbEntry.question, KbEntry.answer)
                    .where(KbEntry.deleted == False)  # noqa: E712
                    .tuples()
                )
                self.vocabulary = Vocabulary()
                self.rows = [(r[0], r[1], r[3]) for r in rows]
                self.masks = [self.vocabulary.mask(tokens(f"{r[1]} {r[2]}")) for r in rows]
                self.key = key
                return self


_index = _KbIndex()


def candidates(texts: list[str], limit: int = 3, threshold: float = 0.12) -> list[list[dict]]:
    """For each text, the live entries most like it (token Jaccard on title + question)."""
    index = _index.current()
    with index.lock:
        rows, masks, vocabulary = index.rows, index.masks, index.vocabulary
        queries = [vocabulary.mask(tokens(t), grow=False) for t in texts]
    out = []
    for a, a_unknown in queries:
        # jaccard() inlined: one pass over the whole KB per answer on the page.
        scores = [
            ((a & b).bit_count() / ((a | b).bit_count() + a_unknown + b_unknown or 1), n)
            for n, (b, b_unknown) in enumerate(masks)
        ]
        scored = heapq.nlargest(limit, scores)
        out.append(
            [
                {"id": rows[n][0], "title": rows[n][1], "answer": rows[n][2], "score": round(s, 2)}
                for s, n in scored
                if s >= threshold
            ]
        )
    return out


def feedback(entry_id: str, limit: int = 200) -> list[dict[str, Any]]:
    """The desks' feedback on one entry, newest first (office names, no user names)."""
    with store.session():
        rows = list(
            KbFeedback.select()
            .where(KbFeedback.kb_entry_id == entry_id)
            .order_by(KbFeedback.created_at.desc())
            .limit(limit)
        )
        names = office_names({r.office_code for r in rows if r.office_code})
    return [
        {
            "helpful": r.helpful,
            "note": r.note,
            "office": names.get(r.office_code or "", r.office_code or "—"),
            "created_at": r.created_at,
        }
        for r in rows
    ]
