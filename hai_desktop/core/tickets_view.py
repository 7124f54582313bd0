"""What the Tiket screen reads: list pages, counts, one ticket with its conversation, the
SLA state of a ticket, and fetching a reply's file from the hub. No Qt; codes, not words.

The SLA state is judged against the *next* open due (the first response while nobody has
answered, else the resolution): ``overdue`` when it passed, ``near`` within
:data:`NEAR_DUE`, ``paused`` while the ticket waits for the user (the hub stops its clock),
``ok`` otherwise; once resolved ``met`` or ``missed``; ``None`` for a closed ticket or
one the hub has not numbered yet.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from hai_desktop.core import attachments, tickets
from hai_desktop.core.db.models import Ticket, TicketMessage
from hai_desktop.core.timeutil import parse_utc

NEAR_DUE = timedelta(hours=2)
STATE_OPEN = "open"
STATE_CLOSED = "closed"
LIST_FIELDS = (
    "id",
    "number",
    "inquiry_id",
    "department",
    "subject",
    "priority",
    "status",
    "level",
    "sla",
    "created_at",
    "updated_at",
    "last_reply_at",
    "unread",
    "sync_status",
    "sync_error",
)


@dataclass(frozen=True)
class TicketFilter:
    """The Tiket screen's filters: a status code, open/closed, words to find."""

    status: str | None = None
    state: str | None = None  # STATE_OPEN / STATE_CLOSED / None for all
    text: str | None = None


def _where(f: TicketFilter):
    cond = Ticket.id.is_null(False)
    if f.status:
        cond &= Ticket.status == f.status
    if f.state == STATE_OPEN:
        cond &= Ticket.status.in_(tickets.OPEN_STATUSES)
    elif f.state == STATE_CLOSED:
        cond &= Ticket.status == "closed"
    for word in (f.text or "").split():
        like = f"%{word}%"
        cond &= (
            Ticket.subject**like
            | Ticket.message**like
            | Ticket.number**like
            | Ticket.department**like
        )
    return cond


def list_page(f: TicketFilter, limit: int = 200, offset: int = 0) -> list[dict[str, Any]]:
    """Tickets matching ``f``, unread first, then the latest activity first."""
    fields = [getattr(Ticket, name) for name in LIST_FIELDS]
    query = (
        Ticket.select(*fields)
        .where(_where(f))
        .order_by((Ticket.unread > 0).desc(), Ticket.updated_at.desc(), Ticket.id)
        .limit(limit)
        .offset(offset)
        .dicts()
    )
    rows = list(query)
    now = datetime.now().astimezone()
    for row in rows:
        row["sla_state"], row["sla_due"] = sla_state(row, now)
    return rows


def count(f: TicketFilter) -> int:
    return Ticket.select().where(_where(f)).count()


def _due(sla: dict[str, Any]) -> str | None:
    if sla.get("response_met") is None and sla.get("response_due"):
        return sla["response_due"]
    if sla.get("resolve_met") is None:
        return sla.get("resolve_due")
    return None


def sla_state(row: dict[str, Any], now: datetime | None = None) -> tuple[str | None, str | None]:
    """(state code, the due it is judged against) of a ticket row (see the module doc)."""
    sla = row.get("sla")
    if row.get("status") == "closed" or not isinstance(sla, dict):
        return None, None
    due = _due(sla)
    if sla.get("paused") or row.get("status") == "waiting":
        return "paused", due
    if not due:  # responded and resolved: were the dues kept?
        missed = False in (sla.get("response_met"), sla.get("resolve_met"))
        return ("missed" if missed else "met"), None
    try:
        moment = parse_utc(due)
    except (ValueError, TypeError):
        return None, due
    now = now or datetime.now().astimezone()
    if moment <= now:
        return "overdue", due
    if moment - now <= NEAR_DUE:
        return "near", due
    return "ok", due


def _file(ref: dict[str, Any], own: bool = False) -> dict[str, Any]:
    """A file of a message; ``upload`` (this desk's own files): ``sent``, or the bytes the
    hub holds so far while the upload is under way (``upload_offset``)."""
    sha = str(ref.get("sha256") or "")
    row = attachments.get(sha) if sha else None
    stored = False
    with contextlib.suppress(OSError):
        stored = bool(sha) and attachments.is_stored(sha)
    return {
        "sha256": sha,
        "filename": ref.get("filename") or (row.filename if row else sha[:12]),
        "size": int(row.size) if row and row.size else None,
        "stored": stored,
        "path": str(attachments.path_for(sha)) if stored else None,
        "upload": (("sent" if row.uploaded else "pending") if own and row else None),
        "upload_offset": int(row.upload_offset or 0) if row else 0,
    }


def detail(ticket_id: str) -> dict[str, Any] | None:
    """One ticket: its fields, its SLA state and the conversation (the ticket's own text
    first, as the office's opening message), each message with its files."""
    ticket = Ticket.get_or_none(Ticket.id == ticket_id)
    if ticket is None:
        return None
    item = {name: getattr(ticket, name) for name in LIST_FIELDS}
    item.update(
        message=ticket.message,
        requester=ticket.requester or {},
        assigned_department=ticket.assigned_department,
        closed_at=ticket.closed_at,
        satisfied=ticket.satisfied,
        close_note=ticket.close_note,
    )
    item["sla_state"], item["sla_due"] = sla_state(item)
    opening = {
        "id": ticket.id,
        "author_role": "cso",
        "author_name": (ticket.requester or {}).get("name"),
        "body": ticket.message,
        "created_at": ticket.created_at,
        "sync_status": ticket.sync_status,
        "files": [_file(r, ticket.origin == "desk") for r in ticket.attachments or []],
    }
    conversation = [opening]
    query = (
        TicketMessage.select()
        .where(TicketMessage.ticket_id == ticket.id)
        .order_by(TicketMessage.created_at, TicketMessage.id)
    )
    for m in query:
        conversation.append(
            {
                "id": m.id,
                "author_role": m.author_role,
                "author_name": m.author_name,
                "body": m.body,
                "created_at": m.created_at,
                "sync_status": m.sync_status,
                "files": [_file(r, m.origin == "desk") for r in m.attachments or []],
            }
        )
    item["messages"] = conversation
    item["has_answer"] = tickets.latest_answer(ticket.id) is not None
    return item


def fetch_file(client: Any, sha256: str) -> str:
    """Download a file the centre attached into the store (hash checked); its path."""
    target = attachments.path_for(sha256)
    if target.is_file():
        return str(target)
    resp = client._request("GET", f"/attachments/{sha256}", headers={"Accept": "*/*"})
    attachments.write_bytes_to_store(sha256, io.BytesIO(resp.content))
    return str(target)
