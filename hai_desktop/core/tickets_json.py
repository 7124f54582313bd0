"""Tickets as plain data (the CLI's ``--json``, scripts): the office's list and one ticket
with its conversation. No Qt, no words: status, role and SLA stay codes.

An attachment reference carries its size from the desk's attachment index when the desk
knows it (a file the centre named and the desk has not fetched yet may have none).
"""

from __future__ import annotations

from typing import Any

from hai_desktop.core import attachments
from hai_desktop.core.db.models import Ticket, TicketMessage
from hai_desktop.core.tickets import messages

EMPTY_SLA: dict[str, Any] = {"response_due": None, "resolve_due": None, "paused": False}


def list_tickets(status: str | None = None, limit: int = 500) -> list[Ticket]:
    """The office's tickets, newest first (``status``: one status code, or all)."""
    query = Ticket.select()
    if status:
        query = query.where(Ticket.status == status)
    return list(query.order_by(Ticket.created_at.desc(), Ticket.id).limit(limit))


def attachment_refs(refs: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    """``sha256``, ``filename``, ``size`` (None if unknown) and whether the bytes are here."""
    out = []
    for ref in refs or []:
        sha = str(ref.get("sha256") or "")
        row = attachments.get(sha) if sha else None
        size = ref.get("size") or (row.size if row is not None and row.size else None)
        out.append(
            {
                "sha256": sha,
                "filename": ref.get("filename") or (row.filename if row else ""),
                "size": size,
                "on_desk": bool(sha) and attachments.is_stored(sha),
            }
        )
    return out


def sla_of(ticket: Ticket) -> dict[str, Any]:
    """The hub's SLA dues (empty dues until the hub numbered the ticket)."""
    return {**EMPTY_SLA, **(ticket.sla or {})}


def ticket_summary(ticket: Ticket) -> dict[str, Any]:
    """One row of the list."""
    return {
        "id": ticket.id,
        "number": ticket.number,
        "subject": ticket.subject,
        "department": ticket.department,
        "priority": ticket.priority,
        "status": ticket.status,
        "level": ticket.level,
        "sla": sla_of(ticket),
        "inquiry_id": ticket.inquiry_id,
        "created_at": ticket.created_at,
        "updated_at": ticket.updated_at,
        "last_reply_at": ticket.last_reply_at,
        "unread": ticket.unread,
        "sync_status": ticket.sync_status,
        "sync_error": ticket.sync_error,
    }


def message_json(message: TicketMessage) -> dict[str, Any]:
    return {
        "id": message.id,
        "author_role": message.author_role,
        "author_name": message.author_name,
        "body": message.body,
        "attachments": attachment_refs(message.attachments),
        "created_at": message.created_at,
        "sync_status": message.sync_status,
    }


def ticket_detail(ticket: Ticket) -> dict[str, Any]:
    """The ticket, its own text and attachments, and the conversation (oldest first)."""
    return {
        **ticket_summary(ticket),
        "office_code": ticket.office_code,
        "assigned_department": ticket.assigned_department,
        "message": ticket.message,
        "requester": dict(ticket.requester or {}),
        "attachments": attachment_refs(ticket.attachments),
        "closed_at": ticket.closed_at,
        "satisfied": ticket.satisfied,
        "close_note": ticket.close_note,
        "messages": [message_json(m) for m in messages(ticket.id)],
    }
