"""Tickets on the wire: the JSON the hub takes, and applying the hub's tickets feed. No Qt.

The hub owns a ticket's number, status, level, SLA dues and the centre's replies; the desk
owns what it has not sent yet. Applying a feed page upserts the ticket's hub-side fields,
adds the replies this desk has not seen (raising ``unread``) and notes their attachments
(fetched when first opened).
"""

from __future__ import annotations

from typing import Any

from hai_desktop.core import attachments
from hai_desktop.core.db.models import Ticket, TicketMessage
from hai_desktop.core.timeutil import utc_now

# Hub fields copied onto the desk's ticket on every feed item.
HUB_FIELDS = ("number", "status", "level", "assigned_department", "sla", "closed_at", "satisfied")


def ticket_wire(ticket: Ticket) -> dict[str, Any]:
    """``POST /tickets`` body."""
    requester = {k: v for k, v in (ticket.requester or {}).items() if v}
    return {
        "id": ticket.id,
        "inquiry_id": ticket.inquiry_id,
        "office_code": ticket.office_code,
        "department": ticket.department,
        "subject": ticket.subject,
        "message": ticket.message,
        "priority": ticket.priority,
        "requester": requester,
        "attachments": list(ticket.attachments or []),
        "created_at": ticket.created_at,
    }


def message_wire(message: TicketMessage) -> dict[str, Any]:
    """``POST /tickets/{id}/messages`` body."""
    return {"id": message.id, "body": message.body, "attachments": list(message.attachments or [])}


def close_wire(ticket: Ticket) -> dict[str, Any]:
    """``POST /tickets/{id}/close`` body."""
    body: dict[str, Any] = {"satisfied": ticket.satisfied}
    if ticket.close_note:
        body["note"] = ticket.close_note
    return body


def store_ticket_answer(ticket_id: str, item: dict[str, Any]) -> None:
    """The hub's answer to a push (number, status, SLA…), in the ack's transaction."""
    apply_item(item, from_push=True)


def apply_item(item: dict[str, Any], *, from_push: bool = False) -> list[str]:
    """Store one hub ticket; returns the ids of replies new to this desk."""
    ticket_id = str(item.get("id") or "")
    if not ticket_id:
        return []
    existing = Ticket.get_or_none(Ticket.id == ticket_id)
    hub = {k: item.get(k) for k in HUB_FIELDS if k in item}
    if existing is None:
        Ticket.insert(
            id=ticket_id,
            inquiry_id=item.get("inquiry_id"),
            office_code=item.get("office_code") or "",
            department=item.get("department") or "",
            subject=item.get("subject") or "",
            message=item.get("message") or "",
            priority=item.get("priority") or "normal",
            requester=item.get("requester") or {},
            attachments=item.get("attachments") or [],
            created_at=item.get("created_at") or utc_now(),
            updated_at=item.get("updated_at") or utc_now(),
            close_note=item.get("close_note"),
            hub_rev=item.get("rev"),
            sync_status="synced",
            origin="hub",
            **hub,
        ).execute()
    else:
        if existing.status == "closed" and hub.get("status") != "closed":
            # The desk closed it and the close is still on its way: keep it closed here.
            hub.pop("status", None)
            hub.pop("closed_at", None)
            hub.pop("satisfied", None)
        Ticket.update(hub_rev=item.get("rev"), **hub).where(Ticket.id == ticket_id).execute()
    for ref in item.get("attachments") or []:
        attachments.note_remote(ref.get("sha256", ""), ref.get("filename") or "berkas")
    new_replies = []
    last_reply = None
    for m in item.get("messages") or []:
        mid = str(m.get("id") or "")
        if not mid:
            continue
        role = m.get("author_role") or "agent"
        if role != "cso":
            last_reply = max(last_reply or "", m.get("created_at") or "")
        for ref in m.get("attachments") or []:
            attachments.note_remote(ref.get("sha256", ""), ref.get("filename") or "berkas")
        if TicketMessage.get_or_none(TicketMessage.id == mid) is not None:
            continue
        TicketMessage.insert(
            id=mid,
            ticket_id=ticket_id,
            author_role=role,
            author_name=m.get("author_name"),
            body=m.get("body") or "",
            attachments=m.get("attachments") or [],
            created_at=m.get("created_at") or utc_now(),
            sync_status="synced",
            origin="hub",
        ).execute()
        if role != "cso":
            new_replies.append(mid)
    updates: dict[str, Any] = {}
    if last_reply:
        updates["last_reply_at"] = last_reply
    if new_replies:
        updates["unread"] = Ticket.unread + len(new_replies)
        updates["updated_at"] = utc_now()
    if updates:
        Ticket.update(**updates).where(Ticket.id == ticket_id).execute()
    return new_replies


def apply_from_hub(items: list[dict[str, Any]]) -> int:
    """One page of ``/tickets/changes`` (inside the page + cursor transaction)."""
    for item in items:
        apply_item(item)
    return len(items)
