"""Tickets: idempotent create with HAI-YYYY-NNNNNN numbers, messages, feed, agent changes."""

from __future__ import annotations

from typing import Any

from hai_central.errors import ApiError, forbidden, invalid, not_found
from hai_central.schemas import TicketClose, TicketIn, TicketMessageIn, TicketPatch
from hai_central.services import attachments, reference, scoping
from hai_central.services.common import CurrentUser, clamp_limit, iso, now_iso, plus_minutes, utcnow
from hai_central.store import db as store
from hai_central.store.models import Ticket, TicketMessage

AGENT_ROLES = frozenset({"agent"})
DEFAULT_SLA = (240, 2880)


def sla_minutes(department: str, priority: str) -> tuple[int, int]:
    """(response, resolve) minutes for a department and priority from the reference data."""
    for row in reference.get_item("sla") or []:
        if row.get("department") == department and row.get("priority") == priority:
            return int(row.get("response_minutes") or DEFAULT_SLA[0]), int(
                row.get("resolve_minutes") or DEFAULT_SLA[1]
            )
    return DEFAULT_SLA


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
        "sla": {"response_due": t.response_due, "resolve_due": t.resolve_due},
        "created_at": t.created_at,
        "updated_at": t.updated_at,
        "closed_at": t.closed_at,
        "satisfied": t.satisfied,
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


def _check_attachments(refs: list[Any], field: str) -> None:
    hashes = [r.sha256 for r in refs]
    gone = attachments.missing(hashes)
    if gone:
        raise ApiError(
            422, "invalid_field", "attachment not uploaded first", {"field": field, "missing": gone}
        )


def create(user: CurrentUser, body: TicketIn) -> tuple[dict[str, Any], bool]:
    """Create a ticket (idempotent by id); returns (ticket, created)."""
    if not scoping.can_write_office(user, body.office_code):
        raise forbidden("you may only create tickets for your own office")
    if body.department not in {d.get("code") for d in reference.get_item("departments") or []}:
        raise invalid("department", "unknown department")
    _check_attachments(body.attachments, "attachments")
    now = utcnow()
    response, resolve = sla_minutes(body.department, body.priority)
    ticket_id = str(body.id)
    with store.transaction() as db:
        with db.atomic() as sp:
            rev = store.next_rev(db)
            seq = store.next_counter(f"ticket:{now.year}", db)
            created = store.insert_new(
                Ticket,
                id=ticket_id,
                number=f"HAI-{now.year}-{seq:06d}",
                rev=rev,
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
                response_due=plus_minutes(now, response),
                resolve_due=plus_minutes(now, resolve),
                created_at=iso(body.created_at),
                received_at=iso(now),
                updated_at=iso(now),
                created_by=user.id,
            )
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
    _check_attachments(body.attachments, "attachments")
    with store.transaction() as db:
        rev = store.next_rev(db)
        t = _get_for_write(ticket_id, user)
        is_agent = user.role in AGENT_ROLES
        created = store.insert_new(
            TicketMessage,
            id=str(body.id),
            ticket_id=t.id,
            author_role=user.role,
            author_user_id=user.id,
            author_name=user.name,
            body=body.body,
            attachments=[a.model_dump(mode="json") for a in body.attachments],
            created_at=now_iso(),
        )
        if created:
            now = now_iso()
            if is_agent:
                t.first_response_at = t.first_response_at or now
                if t.status in ("new", "in_progress", "escalated"):
                    t.status = "answered"
                    t.resolved_at = now
            elif t.status == "answered":
                t.status = "in_progress"
            t.rev = rev
            t.updated_at = now
            t.save()
        elif TicketMessage.get_by_id(str(body.id)).ticket_id != t.id:
            raise ApiError(409, "conflict", "this message id belongs to another ticket")
        return _load(t.id), created


def patch(user: CurrentUser, ticket_id: str, body: TicketPatch) -> dict[str, Any]:
    """Agent: change status, level or assigned department."""
    with store.transaction() as db:
        rev = store.next_rev(db)
        t = Ticket.get_or_none(Ticket.id == ticket_id)
        if t is None:
            raise not_found("ticket")
        changes = body.model_dump(exclude_unset=True, exclude_none=True)
        if "assigned_department" in changes and changes["assigned_department"] not in {
            d.get("code") for d in reference.get_item("departments") or []
        }:
            raise invalid("assigned_department", "unknown department")
        for key, value in changes.items():
            setattr(t, key, value)
        now = now_iso()
        if changes.get("status") in ("answered", "closed") and not t.resolved_at:
            t.resolved_at = now
        if changes.get("status") == "closed" and not t.closed_at:
            t.closed_at = now
        t.rev = rev
        t.updated_at = now
        t.save()
        return _load(t.id)


def close(user: CurrentUser, ticket_id: str, body: TicketClose) -> dict[str, Any]:
    """Desk: the answer reached the user (idempotent)."""
    with store.transaction() as db:
        rev = store.next_rev(db)
        t = Ticket.get_or_none(Ticket.id == ticket_id)
        if t is None:
            raise not_found("ticket")
        scoping.ensure_write(user, t.office_code)
        if t.status != "closed" or body.satisfied is not None and t.satisfied != body.satisfied:
            now = now_iso()
            t.status = "closed"
            t.closed_at = t.closed_at or now
            t.resolved_at = t.resolved_at or now
            if body.satisfied is not None:
                t.satisfied = body.satisfied
            if body.note is not None:
                t.close_note = body.note
            t.rev = rev
            t.updated_at = now
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
        has_more = len(rows) > limit
        rows = rows[:limit]
        messages = _messages_for([t.id for t in rows])
        return {
            "items": [public(t, messages[t.id]) for t in rows],
            "next_cursor": rows[-1].rev if rows else cursor,
            "has_more": has_more,
        }
