"""Agent screens for tickets: the queue across offices, a ticket's page (conversation,
attachments, reply with files, status/level/assignment), similar open tickets answered
together, and attachment downloads. Every write goes through services/tickets."""

from __future__ import annotations

import hashlib
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse
from starlette.responses import Response

from hai_central.console.app import (
    PREFIX,
    ConsoleRoute,
    files,
    form,
    redirect,
    render,
    staff,
    text,
)
from hai_central.console.routes_kb import departments
from hai_central.errors import ApiError
from hai_central.schemas.attachments import AttachmentRef
from hai_central.schemas.tickets import TicketMessageIn, TicketPatch
from hai_central.services import attachments, reference, ticket_queue, tickets
from hai_central.services.common import CurrentUser
from hai_contract.codes import OPEN_TICKET_STATUSES, TICKET_LEVELS, TICKET_STATUSES

router = APIRouter(route_class=ConsoleRoute, include_in_schema=False)
Reader = Annotated[CurrentUser, Depends(staff("agent", "supervisor"))]
Agent = Annotated[CurrentUser, Depends(staff("agent"))]
# Statuses an agent's reply may leave the ticket in.
REPLY_STATUSES = ("answered", "waiting", "in_progress")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@router.get(f"{PREFIX}/tickets")
def queue_page(request: Request, user: Reader) -> Response:
    q = request.query_params
    status = q.get("status") or "open"
    statuses = list(OPEN_TICKET_STATUSES) if status == "open" else None
    if status == "all":
        statuses = list(TICKET_STATUSES)
    elif status in TICKET_STATUSES:
        statuses = [status]
    filters = {
        "status": status,
        "department": q.get("department") or "",
        "level": q.get("level") or "",
        "office": (q.get("office") or "").strip().upper(),
        "due": q.get("due") if q.get("due") in ("overdue", "near") else "",
        "mine": q.get("mine") if q.get("mine") in ("me", "nobody") else "",
    }
    assigned = {"me": user.email, "nobody": ""}.get(filters["mine"])
    result = ticket_queue.queue(
        user,
        statuses=statuses,
        department=filters["department"] or None,
        level=_int(filters["level"]),
        office_code=filters["office"] or None,
        due=filters["due"] or None,
        assigned_to=assigned,
        page=_int(q.get("page")) or 1,
    )
    base = {k: v for k, v in filters.items() if v}
    return render(
        request,
        "tickets.html",
        {
            "title": "Antrean tiket",
            "result": result,
            "filters": filters,
            "query": base,
            "departments": departments(),
            "levels": TICKET_LEVELS,
            "statuses": TICKET_STATUSES,
            "offices": ticket_queue.office_names(),
        },
    )


def _ticket_context(request: Request, user: CurrentUser, ticket_id: str) -> dict:
    ticket = tickets.get(user, ticket_id)
    office = reference.get_office(ticket["office_code"])
    return {
        "title": f"Tiket {ticket['number']}",
        "ticket": ticket,
        "office_name": office.name if office else ticket["office_code"],
        "departments": departments(),
        "levels": TICKET_LEVELS,
        "statuses": TICKET_STATUSES,
        "reply_statuses": REPLY_STATUSES,
        "message_id": str(uuid.uuid4()),
        "can_write": user.role == "agent",
    }


@router.get(PREFIX + "/tickets/similar")
def similar_page(request: Request, user: Agent) -> Response:
    groups = ticket_queue.similar_groups(user)
    return render(
        request,
        "similar.html",
        {"title": "Tiket serupa", "groups": groups, "reply_statuses": REPLY_STATUSES},
    )


@router.get(PREFIX + "/tickets/{ticket_id}")
def ticket_page(request: Request, user: Reader, ticket_id: str) -> Response:
    return render(request, "ticket.html", _ticket_context(request, user, ticket_id.lower()))


def _uuid(value: str) -> str:
    """The form's message id (idempotent re-sends), or a fresh one."""
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return str(uuid.uuid4())


def _upload_all(request: Request, user: CurrentUser) -> list[AttachmentRef]:
    """The reply's files, stored through the attachment service (same checks as PUT)."""
    root = request.app.state.hub.settings.attachments_dir
    refs = []
    for upload in files(request, "files"):
        data = upload.file.read()
        sha = hashlib.sha256(data).hexdigest()
        meta, _ = attachments.put(
            user, root, sha, data, upload.filename, upload.content_type or None
        )
        refs.append(AttachmentRef(sha256=sha, filename=meta["filename"]))
    return refs


def _reply(user: CurrentUser, ticket_id: str, message_id: str, body: str, status, refs) -> None:
    message = TicketMessageIn(id=message_id, body=body, attachments=refs, status=status or None)
    tickets.add_message(user, ticket_id, message)


@router.post(PREFIX + "/tickets/similar/reply")
def similar_reply(request: Request, user: Agent) -> Response:
    ids = [i.lower() for i in form(request).getlist("ticket_id") if isinstance(i, str)]
    body = text(request, "body")
    status = text(request, "status")
    if not ids or not body:
        raise ApiError(422, "invalid_field", "body", {"field": "body" if ids else "ticket_id"})
    if status and status not in REPLY_STATUSES:
        raise ApiError(422, "invalid_field", "status", {"field": "status"})
    refs = _upload_all(request, user)
    # One message per ticket, each reaching its own desk; the ids derive from the form's
    # so a re-sent form records nothing twice.
    base = _uuid(text(request, "message_id"))
    for ticket_id in dict.fromkeys(ids):
        message_id = str(uuid.uuid5(uuid.UUID(base), ticket_id))
        _reply(user, ticket_id, message_id, body, status, refs)
    return redirect(f"{PREFIX}/tickets/similar?ok=replied_group")


@router.post(PREFIX + "/tickets/{ticket_id}/reply")
def reply(request: Request, user: Agent, ticket_id: str) -> Response:
    ticket_id = ticket_id.lower()
    body = text(request, "body")
    status = text(request, "status")
    if not body:
        ctx = _ticket_context(request, user, ticket_id)
        ctx["error"] = "Tulis isi balasan terlebih dahulu."
        return render(request, "ticket.html", ctx, status=422)
    if status and status not in REPLY_STATUSES:
        raise ApiError(422, "invalid_field", "status", {"field": "status"})
    refs = _upload_all(request, user)
    message_id = _uuid(text(request, "message_id"))
    _reply(user, ticket_id, message_id, body, status, refs)
    return redirect(f"{PREFIX}/tickets/{ticket_id}?ok=replied")


@router.post(PREFIX + "/tickets/{ticket_id}/update")
def update(request: Request, user: Agent, ticket_id: str) -> Response:
    fields = {
        "status": text(request, "status") or None,
        "level": _int(text(request, "level")),
        "assigned_department": text(request, "assigned_department") or None,
    }
    # An empty "assigned to" field leaves the assignment; the agent's own e-mail takes it.
    if "assigned_to" in form(request) and text(request, "assigned_to"):
        fields["assigned_to"] = text(request, "assigned_to")
    patch = TicketPatch(**{k: v for k, v in fields.items() if v is not None})
    tickets.patch(user, ticket_id.lower(), patch)
    return redirect(f"{PREFIX}/tickets/{ticket_id.lower()}?ok=updated")


@router.get(PREFIX + "/attachments/{sha256}")
def download(request: Request, user: Reader, sha256: str) -> Response:
    path, name, ctype = attachments.get(
        user, request.app.state.hub.settings.attachments_dir, sha256.lower()
    )
    return FileResponse(path, media_type=ctype, filename=name)
