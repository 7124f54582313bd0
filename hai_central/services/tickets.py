"""Tickets: idempotent create with HAI-YYYY-NNNNNN numbers, messages, feed, agent changes.

SLA dues are working time (:mod:`hai_central.services.ticket_sla`); a ticket or message may
name only attachments its own office uploaded (an agent's reply: the agent's own uploads).
"""

from __future__ import annotations

from typing import Any

from hai_central.errors import ApiError, forbidden, invalid, not_found
from hai_central.schemas.tickets import TicketClose, TicketIn, TicketMessageIn, TicketPatch
from hai_central.services import attachments, reference, scoping, ticket_sla
from hai_central.services.common import CurrentUser, byte_bounded, clamp_limit, iso, utcnow
from hai_central.store import db as store
from hai_central.store.models import Ticket, TicketMessage

AGENT_ROLES = frozenset({"agent"})
# Statuses an agent's reply moves to "answered" (unless the reply names another status).
ANSWERABLE = ("new", "in_progress", "escalated", "waiting")
sla_minutes = ticket_sla.sla_minutes  # kept for callers of the old name


def public(t: Ticket, messages: list[TicketMessage]) -> dict[str, Any]:
    return {
        "id": t.id,
        "number": t.number,
        "rev": t.rev,
        "office_code": t.office_code,
        "inquiry_id": t.inquiry_id,
        "department": t.department,
        "subject": t.subject,
        "message": t.message,
        "priority": t.priority,
        "requester": t.requester,
        "attachments": t.attachments or [],
        "status": t.status,
        "level": t.level,
        "assigned_department": t.assigned_department,
        "assigned_to": t.assigned_to,
        "sla": ticket_sla.public(t),
        "created_at": t.created_at,
        "received_at": t.received_at,
        "updated_at": t.updated_at,
        "first_response_at": t.first_response_at,
        "resolved_at": t.resolved_at,
        "closed_at": t.closed_at,
        "satisfied": t.satisfied,
        "close_note": t.close_note,
        "messages": [
            {
                "id": m.id,
                "author_role": m.author_role,
                "author_name": m.author_name,
                "body": m.body,
                "attachments": m.attachments or [],
                "created_at": m.created_at,
            }
            for m in messages
        ],
    }


def _messages_for(ids: list[str]) -> dict[str, list[TicketMessage]]:
    out: dict[str, list[TicketMessage]] = {i: [] for i in ids}
    if ids:
        for m in (
            TicketMessage.select()
            .where(TicketMessage.ticket_id.in_(ids))
            .order_by(TicketMessage.created_at, TicketMessage.id)
        ):
            out[m.ticket_id].append(m)
    return out


def _load(ticket_id: str) -> dict[str, Any]:
    t = Ticket.get_by_id(ticket_id)
    return public(t, _messages_for([t.id])[t.id])


def _department_codes() -> set[str]:
    return {d.get("code") for d in reference.get_item("departments") or []}


def create(user: CurrentUser, body: TicketIn) -> tuple[dict[str, Any], bool]:
    """Create a ticket (idempotent by id); returns (ticket, created)."""
    if not scoping.can_write_office(user, body.office_code):
        raise forbidden("you may only create tickets for your own office")
    if body.department not in _department_codes():
        raise invalid("department", "unknown department")
    attachments.check_named(user, [a.sha256 for a in body.attachments])
    now = utcnow()
    ticket_id = str(body.id)
    row = Ticket(
        id=ticket_id,
        office_code=body.office_code,
        inquiry_id=str(body.inquiry_id) if body.inquiry_id else None,
        department=body.department,
        subject=body.subject,
        message=body.message,
        priority=body.priority,
        requester=body.requester.model_dump(mode="json"),
        attachments=[a.model_dump(mode="json") for a in body.attachments],
        status="new",
        level=1,
        created_at=iso(body.created_at),
        received_at=iso(now),
        updated_at=iso(now),
        created_by=user.id,
    )
    ticket_sla.start(row, now)  # the calendar is read before the write transaction
    fields = {name: getattr(row, name) for name in Ticket._meta.fields if name not in ("rev",)}
    with store.transaction() as db:
        with db.atomic() as sp:
            rev = store.next_rev(db)
            seq = store.next_counter(f"ticket:{now.year}", db)
            fields.update(rev=rev, number=f"HAI-{now.year}-{seq:06d}")
            created = store.insert_new(Ticket, **fields)
            if not created:
                sp.rollback()  # no number and no rev used: the sequence keeps no gap
        existing = Ticket.get_by_id(ticket_id)
        if not created and not scoping.can_write_office(user, existing.office_code):
            raise forbidden("this ticket id belongs to another office")
        return _load(ticket_id), created


def _get_for_write(ticket_id: str, user: CurrentUser) -> Ticket:
    t = Ticket.get_or_none(Ticket.id == ticket_id)
    if t is None:
        raise not_found("ticket")
    if not (user.role in AGENT_ROLES or scoping.can_write_office(user, t.office_code)):
        raise forbidden("this ticket belongs to another office")
    return t


def add_message(
    user: CurrentUser, ticket_id: str, body: TicketMessageIn
) -> tuple[dict[str, Any], bool]:
    """A desk follow-up or an agent reply (idempotent by message id)."""
    is_agent = user.role in AGENT_ROLES
    if body.status is not None and not is_agent:
        raise forbidden("only an agent's reply may set the status")
    attachments.check_named(user, [a.sha256 for a in body.attachments])
    with store.transaction() as db:
        rev = store.next_rev(db)
        t = _get_for_write(ticket_id, user)
        previous = TicketMessage.get_or_none(TicketMessage.id == str(body.id))
        if previous is not None:
            if previous.ticket_id != t.id:
                raise ApiError(409, "conflict", "this message id belongs to another ticket")
        if previous is None and t.status == "closed" and not is_agent:
            raise ApiError(
                409, "ticket_closed", "the ticket is closed; forward a new one", {"field": "id"}
            )
        now = utcnow()
        created = store.insert_new(
            TicketMessage,
            id=str(body.id),
            ticket_id=t.id,
            author_role=user.role,
            author_user_id=user.id,
            author_name=user.name,
            body=body.body,
            attachments=[a.model_dump(mode="json") for a in body.attachments],
            created_at=iso(now),
        )
        if created:
            if is_agent:
                t.first_response_at = t.first_response_at or iso(now)
                target = body.status or ("answered" if t.status in ANSWERABLE else t.status)
            else:
                # The user answered or asked again: the ticket is the centre's turn.
                target = "in_progress" if t.status in ("answered", "waiting") else t.status
            ticket_sla.change_status(t, target, now)
            t.rev = rev
            t.updated_at = iso(now)
            t.save()
        return _load(t.id), created


def patch(user: CurrentUser, ticket_id: str, body: TicketPatch) -> dict[str, Any]:
    """Agent: change status, level, assigned department or assigned agent."""
    changes = body.model_dump(exclude_unset=True, exclude_none=True)
    if (
        "assigned_department" in changes
        and changes["assigned_department"] not in _department_codes()
    ):
        raise invalid("assigned_department", "unknown department")
    with store.transaction() as db:
        rev = store.next_rev(db)
        t = Ticket.get_or_none(Ticket.id == ticket_id)
        if t is None:
            raise not_found("ticket")
        now = utcnow()
        status = changes.pop("status", None)
        for key, value in changes.items():
            setattr(t, key, value)
        if status is not None:
            ticket_sla.change_status(t, status, now)
        t.rev = rev
        t.updated_at = iso(now)
        t.save()
        return _load(t.id)


def close(user: CurrentUser, ticket_id: str, body: TicketClose) -> dict[str, Any]:
    """Desk: the answer reached the user, with the user's satisfaction (idempotent)."""
    with store.transaction() as db:
        rev = store.next_rev(db)
        t = Ticket.get_or_none(Ticket.id == ticket_id)
        if t is None:
            raise not_found("ticket")
        scoping.ensure_write(user, t.office_code)
        changed = t.status != "closed"
        if body.satisfied is not None and t.satisfied != body.satisfied:
            changed = True
        if body.note is not None and t.close_note != body.note:
            changed = True
        if changed:
            now = utcnow()
            ticket_sla.change_status(t, "closed", now)
            if body.satisfied is not None:
                t.satisfied = body.satisfied
            if body.note is not None:
                t.close_note = body.note
            t.rev = rev
            t.updated_at = iso(now)
            t.save()
        return _load(t.id)


def get(user: CurrentUser, ticket_id: str) -> dict[str, Any]:
    with store.session():
        t = Ticket.get_or_none(Ticket.id == ticket_id)
        if t is None:
            raise not_found("ticket")
        scoping.ensure_read(user, t.office_code)
        return _load(t.id)


def changes(
    user: CurrentUser, cursor: int, limit: int | None, office_code: str | None
) -> dict[str, Any]:
    """Tickets changed after ``cursor`` (scoped like the inquiry feed), with their messages."""
    scope = scoping.read_scope(user, office_code)
    limit = clamp_limit(limit)
    cursor = max(0, cursor)
    with store.session():
        query = Ticket.select().where(Ticket.rev > cursor)
        if scope is not None:
            query = query.where(Ticket.office_code == scope)
        rows = list(query.order_by(Ticket.rev).limit(limit + 1))
        more = len(rows) > limit
        rows = rows[:limit]
        messages = _messages_for([t.id for t in rows])
        items, has_more = byte_bounded([public(t, messages[t.id]) for t in rows], more)
        return {
            "items": items,
            "next_cursor": items[-1]["rev"] if items else cursor,
            "has_more": has_more,
        }
