"""Reading the KB for the centre's staff: a searchable list, the entries close to a desk
answer under review (to merge into), and the desks' feedback on an entry."""

from __future__ import annotations

from typing import Any

from hai_central.services import kb
from hai_central.services.common import CurrentUser
from hai_central.services.ticket_queue import jaccard, office_names, tokens
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


def candidates(texts: list[str], limit: int = 3, threshold: float = 0.12) -> list[list[dict]]:
    """For each text, the live entries most like it (token Jaccard on title + question)."""
    with store.session():
        rows = list(
            KbEntry.select(KbEntry.id, KbEntry.title, KbEntry.question, KbEntry.answer)
            .where(KbEntry.deleted == False)  # noqa: E712
            .order_by(KbEntry.updated_at.desc())
            .limit(5000)
        )
    words = [tokens(f"{r.title} {r.question}") for r in rows]
    out = []
    for text in texts:
        mine = tokens(text)
        scored = sorted(
            ((jaccard(mine, w), r) for w, r in zip(words, rows, strict=True)),
            key=lambda p: -p[0],
        )
        out.append(
            [
                {"id": r.id, "title": r.title, "answer": r.answer, "score": round(s, 2)}
                for s, r in scored[:limit]
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
