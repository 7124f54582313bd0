"""The agents' ticket queue (filters, due order, pages) and groups of similar open tickets.

Reads only; the scoping is :mod:`hai_central.services.scoping`'s (agents and supervisors
read across offices). A ticket's *due* is the next SLA due still open: the response due
until the first answer, then the resolution due.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import peewee

from hai_central.services import scoping
from hai_central.services.common import CurrentUser, iso, utcnow
from hai_central.services.similarity import Vocabulary, tokens, words_of
from hai_central.store import db as store
from hai_central.store.models import Office, Ticket
from hai_contract.codes import OPEN_TICKET_STATUSES

NEAR_DUE_HOURS = 4
PER_PAGE = 50

_NEXT_DUE = peewee.Case(
    None, [(Ticket.first_response_at.is_null(), Ticket.response_due)], Ticket.resolve_due
)


def _row(t: Ticket, offices: dict[str, str], now_text: str, near_text: str) -> dict[str, Any]:
    due = t.response_due if not t.first_response_at else t.resolve_due
    state = "ok"
    if due and t.status in OPEN_TICKET_STATUSES and t.status != "waiting":
        state = "overdue" if due < now_text else ("near" if due < near_text else "ok")
    return {
        "id": t.id,
        "number": t.number,
        "subject": t.subject,
        "office_code": t.office_code,
        "office_name": offices.get(t.office_code, t.office_code),
        "department": t.assigned_department or t.department,
        "priority": t.priority,
        "status": t.status,
        "level": t.level,
        "assigned_to": t.assigned_to,
        "due": due,
        "due_state": state,
        "created_at": t.created_at,
    }


def office_names(codes: set[str] | None = None) -> dict[str, str]:
    """Office code → name (of ``codes``, or of every office)."""
    with store.session():
        query = Office.select(Office.code, Office.name).order_by(Office.code)
        if codes is not None:
            query = query.where(Office.code.in_(list(codes) or [""]))
        return {o.code: o.name for o in query}


def queue(
    user: CurrentUser,
    *,
    statuses: list[str] | None = None,
    department: str | None = None,
    level: int | None = None,
    office_code: str | None = None,
    due: str | None = None,
    assigned_to: str | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> dict[str, Any]:
    """One page of tickets, soonest due first (no due last). ``statuses`` default: the open
    ones; ``due``: ``overdue`` or ``near`` (due within NEAR_DUE_HOURS, not yet overdue);
    ``assigned_to``: an agent's e-mail, or ``""`` for tickets nobody took yet."""
    scope = scoping.read_scope(user, office_code)
    now = utcnow()
    now_text, near_text = iso(now), iso(now + timedelta(hours=NEAR_DUE_HOURS))
    page = max(1, page)
    with store.session():
        query = Ticket.select().where(Ticket.status.in_(statuses or list(OPEN_TICKET_STATUSES)))
        if scope is not None:
            query = query.where(Ticket.office_code == scope)
        if department:
            query = query.where(
                (Ticket.assigned_department == department)
                | (Ticket.assigned_department.is_null() & (Ticket.department == department))
            )
        if level:
            query = query.where(Ticket.level == level)
        if assigned_to == "":
            query = query.where(Ticket.assigned_to.is_null() | (Ticket.assigned_to == ""))
        elif assigned_to:
            query = query.where(Ticket.assigned_to == assigned_to)
        if due in ("overdue", "near"):
            query = query.where(
                Ticket.status.in_([s for s in OPEN_TICKET_STATUSES if s != "waiting"])
            )
            if due == "overdue":
                query = query.where(_NEXT_DUE < now_text)
            else:
                query = query.where((_NEXT_DUE >= now_text) & (_NEXT_DUE < near_text))
        total = query.count()
        rows = list(
            query.order_by(_NEXT_DUE.is_null(), _NEXT_DUE, Ticket.number)
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
        offices = office_names({t.office_code for t in rows})
    return {
        "items": [_row(t, offices, now_text, near_text) for t in rows],
        "total": total,
        "page": page,
        "pages": max(1, -(-total // per_page)),
    }


# -- similar open tickets --------------------------------------------------------------------


def similar_groups(
    user: CurrentUser, *, threshold: float = 0.4, recent: int = 300, min_offices: int = 2
) -> list[dict[str, Any]]:
    """Groups of open tickets that ask the same thing (token Jaccard of subject and message
    over the ``recent`` newest open tickets, linked when ≥ ``threshold``), each from at
    least ``min_offices`` offices; biggest groups first."""
    scope = scoping.read_scope(user, None)
    now = utcnow()
    now_text, near_text = iso(now), iso(now + timedelta(hours=NEAR_DUE_HOURS))
    with store.session():
        query = Ticket.select().where(Ticket.status.in_(list(OPEN_TICKET_STATUSES)))
        if scope is not None:
            query = query.where(Ticket.office_code == scope)
        rows = list(query.order_by(Ticket.received_at.desc()).limit(recent))
        offices = office_names({t.office_code for t in rows})
    vocabulary = Vocabulary()
    masks = [vocabulary.mask(tokens(f"{t.subject} {t.message}")) for t in rows]
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (a, a_unknown) in enumerate(masks):
        for j in range(i + 1, len(masks)):
            b, b_unknown = masks[j]
            # jaccard() inlined: this loop runs ~n²/2 times.
            union = (a | b).bit_count() + a_unknown + b_unknown
            if union and (a & b).bit_count() >= threshold * union:
                parent[find(i)] = find(j)
    clusters: dict[int, list[int]] = {}
    for i in range(len(rows)):
        clusters.setdefault(find(i), []).append(i)
    groups = []
    for members in clusters.values():
        if len({rows[i].office_code for i in members}) < min_offices:
            continue
        items = [_row(rows[i], offices, now_text, near_text) for i in members]
        items.sort(key=lambda r: (r["due"] is None, r["due"] or "", r["number"]))
        common = masks[members[0]][0]
        for i in members[1:]:
            common &= masks[i][0]
        groups.append({"items": items, "keywords": sorted(words_of(common, vocabulary))[:8]})
    groups.sort(key=lambda g: (-len(g["items"]), g["items"][0]["due"] or "~"))
    return groups
