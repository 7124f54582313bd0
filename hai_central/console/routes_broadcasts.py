"""Broadcaster screens: the list of broadcasts, compose with a preview of the offices the
audience reaches, publish (signed by services/broadcasts, as POST /broadcasts), and per
broadcast the receipts (read / acknowledged / neither) and the data-request replies
(replied / late / missing) with their files."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import FileResponse
from pydantic import ValidationError
from starlette.responses import Response

from hai_central.console import labels, labels_roles
from hai_central.console.app import PREFIX, ConsoleRoute, form, redirect, render, staff, text
from hai_central.console.routes_tickets import _upload_all
from hai_central.errors import ApiError
from hai_central.schemas.broadcasts import BroadcastIn
from hai_central.services import attachments, broadcast_replies, broadcasts, reference
from hai_central.services.common import CurrentUser
from hai_central.store import db as store
from hai_central.store.models import Broadcast
from hai_contract.broadcasts import KIND_DATA_REQUEST, KIND_OUTAGE
from hai_contract.codes import BROADCAST_KINDS, OFFICE_KINDS, OUTAGE_STATUSES, ROLES, URGENCIES

router = APIRouter(route_class=ConsoleRoute, include_in_schema=False)
Broadcaster = Annotated[CurrentUser, Depends(staff("broadcaster", "admin"))]
BASE = f"{PREFIX}/broadcasts"
PER_PAGE = 50
# The roles a broadcast may address (a console role reads broadcasts in the console).
AUDIENCE_ROLES = ROLES


def _list(request: Request, name: str) -> list[str]:
    return [v.strip() for v in form(request).getlist(name) if isinstance(v, str) and v.strip()]


def _uuid(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return str(uuid.uuid4())


def _kept_attachments(request: Request) -> list[dict[str, str]]:
    """Files uploaded at an earlier preview, carried as ``sha256|filename``."""
    out = []
    for raw in _list(request, "attachment"):
        sha, _, name = raw.partition("|")
        if sha and name:
            out.append({"sha256": sha.lower(), "filename": name})
    return out


def values_from_form(request: Request) -> dict[str, Any]:
    """The compose form as it was filled in (to show it again and to build the notice)."""
    codes = _list(request, "office_codes")
    for part in text(request, "office_codes_text").replace(",", " ").split():
        codes.append(part.upper())
    return {
        "id": _uuid(text(request, "id")),
        "kind": text(request, "kind") or "info",
        "urgency": text(request, "urgency") or "normal",
        "title": text(request, "title"),
        "body": text(request, "body"),
        "roles": _list(request, "roles"),
        "office_kinds": _list(request, "office_kinds"),
        "office_codes": list(dict.fromkeys(codes)),
        "contact_name": text(request, "contact_name"),
        "contact_phone": text(request, "contact_phone"),
        "contact_email": text(request, "contact_email"),
        "valid_until": text(request, "valid_until"),
        "ack_required": bool(text(request, "ack_required")),
        "affected_applications": _list(request, "affected_applications"),
        "outage_status": text(request, "outage_status"),
        "updates": text(request, "updates").lower(),
        "reply_due": text(request, "reply_due"),
        "attachments": _kept_attachments(request),
    }


def broadcast_in(v: dict[str, Any]) -> BroadcastIn:
    """The API's request body from the form's values (the same schema checks)."""
    audience = {k: v[k] for k in ("roles", "office_kinds", "office_codes")}
    follow_up = v["kind"] == KIND_OUTAGE and bool(v["updates"])
    data: dict[str, Any] = {
        "id": v["id"],
        "kind": v["kind"],
        "title": v["title"],
        "body": v["body"],
        "urgency": v["urgency"],
        # A follow-up without its own audience reaches the notice it updates.
        "audience": audience if any(audience.values()) or not follow_up else None,
        "contact": {
            "name": v["contact_name"],
            "phone": v["contact_phone"],
            "email": v["contact_email"],
        },
        "attachments": v["attachments"],
        "valid_until": labels_roles.from_local_input(v["valid_until"]),
    }
    if v["ack_required"]:
        data["ack_required"] = True
    if v["kind"] == KIND_OUTAGE:
        data["affected_applications"] = v["affected_applications"]
        data["outage_status"] = v["outage_status"] or None
        data["updates"] = v["updates"] or None
    if v["kind"] == KIND_DATA_REQUEST and v["reply_due"]:
        data["reply_requested"] = True
        data["reply_due"] = labels_roles.from_local_input(v["reply_due"])
    return BroadcastIn.model_validate(data)


def preview_offices(body: BroadcastIn) -> list[dict[str, str]]:
    """The active offices the notice reaches (a follow-up: its parent's audience)."""
    if body.audience is not None:
        audience = body.audience.model_dump(mode="json")
    else:
        with store.session():
            parent = Broadcast.get_or_none(Broadcast.id == str(body.updates))
        audience = dict(parent.audience) if parent else {}
    with store.session():
        offices = broadcasts.addressed_offices(audience)
    return [{"code": o.code, "name": o.name, "kind": o.kind} for o in offices]


def _outage_threads() -> list[dict[str, Any]]:
    """Outage notices a follow-up may update: the newest of each thread (one no later
    notice updates yet), newest first; a resolved thread can still be followed up."""
    with store.session():
        rows = list(Broadcast.select().where(Broadcast.kind == KIND_OUTAGE).order_by(Broadcast.rev))
    updated = {b.updates for b in rows if b.updates}
    return [
        {"id": b.id, "number": b.number, "title": b.title, "status": b.outage_status}
        for b in reversed(rows)
        if b.id not in updated
    ]


def _compose_context(values: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "title": "Tulis broadcast",
        "v": values,
        "kinds": BROADCAST_KINDS,
        "urgencies": URGENCIES,
        "roles": AUDIENCE_ROLES,
        "office_kinds": OFFICE_KINDS,
        "offices": reference.offices(),
        "applications": reference.get_item("applications") or [],
        "outage_statuses": OUTAGE_STATUSES,
        "threads": _outage_threads(),
        **extra,
    }


def _blank(user: CurrentUser) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "kind": "info",
        "urgency": "normal",
        "title": "",
        "body": "",
        "roles": [],
        "office_kinds": [],
        "office_codes": [],
        "contact_name": user.name,
        "contact_phone": "",
        "contact_email": user.email,
        "valid_until": "",
        "ack_required": False,
        "affected_applications": [],
        "outage_status": "",
        "updates": "",
        "reply_due": "",
        "attachments": [],
    }


@router.get(BASE)
def list_page(request: Request, user: Broadcaster) -> Response:
    try:
        page = max(1, int(request.query_params.get("page") or 1))
    except ValueError:
        page = 1
    with store.session():
        query = Broadcast.select().order_by(Broadcast.rev.desc())
        total = query.count()
        items = [broadcasts.public(b) for b in query.paginate(page, PER_PAGE)]
    pages = max(1, -(-total // PER_PAGE))
    return render(
        request,
        "broadcasts.html",
        {
            "title": "Broadcast",
            "items": items,
            "result": {"page": page, "pages": pages, "total": total},
            "query": {},
        },
    )


@router.get(BASE + "/new")
def compose_page(request: Request, user: Broadcaster) -> Response:
    values = _blank(user)
    parent = (request.query_params.get("updates") or "").lower()
    if parent:
        with store.session():
            b = Broadcast.get_or_none(Broadcast.id == parent)
        if b is not None and b.kind == KIND_OUTAGE:
            values.update(
                kind=KIND_OUTAGE,
                updates=b.id,
                title=b.title,
                affected_applications=list(b.affected_applications or []),
                urgency=b.urgency,
            )
    return render(request, "broadcast_compose.html", _compose_context(values))


def _compose_error(request: Request, values: dict[str, Any], message: str) -> Response:
    ctx = _compose_context(values, error=message)
    return render(request, "broadcast_compose.html", ctx, status=422)


@router.post(BASE + "/preview")
def preview(request: Request, user: Broadcaster) -> Response:
    """Check the notice as the API would and show whom it reaches; nothing is published."""
    values = values_from_form(request)
    try:
        refs = _upload_all(request, user)
        known = {a["sha256"] for a in values["attachments"]}
        values["attachments"] += [r.model_dump(mode="json") for r in refs if r.sha256 not in known]
        body = broadcast_in(values)
    except ValidationError as exc:
        return _compose_error(request, values, labels.validation(exc))
    except ApiError as exc:
        return _compose_error(request, values, labels.api_error(exc))
    reached = preview_offices(body)
    ctx = _compose_context(values, preview={"offices": reached, "body": body})
    return render(request, "broadcast_compose.html", ctx)


@router.post(BASE + "/publish")
def publish(request: Request, user: Broadcaster) -> Response:
    """Publish exactly as POST /broadcasts does (idempotent by the form's id)."""
    values = values_from_form(request)
    hub = request.app.state.hub
    try:
        body = broadcast_in(values)
        item, _ = broadcasts.create(user, hub.signing_key, body, email=bool(hub.settings.smtp_host))
    except ValidationError as exc:
        return _compose_error(request, values, labels.validation(exc))
    except ApiError as exc:
        return _compose_error(request, values, labels.api_error(exc))
    return redirect(f"{BASE}/{item['id']}?ok=published")


def _office_names(codes: set[str]) -> dict[str, str]:
    from hai_central.services import ticket_queue

    return ticket_queue.office_names(codes)


@router.get(BASE + "/{broadcast_id}")
def detail_page(request: Request, user: Broadcaster, broadcast_id: str) -> Response:
    with store.session():
        b = broadcasts.get_visible(broadcast_id.lower(), user)
        item = broadcasts.public(b)
    receipts = broadcast_replies.receipts(b.id)
    counts = {"acknowledged": 0, "read": 0, "none": 0}
    for o in receipts["offices"]:
        counts[o["state"]] += 1
    replies = broadcast_replies.replies(b.id) if b.kind == KIND_DATA_REQUEST else None
    reply_counts = None
    if replies is not None:
        reply_counts = {"replied": 0, "late": 0, "missing": 0}
        for o in replies["offices"]:
            reply_counts[o["state"]] += 1
    parent = None
    if b.updates:
        with store.session():
            parent = Broadcast.get_or_none(Broadcast.id == b.updates)
    names = _office_names({r["office_code"] for r in (replies or {}).get("replies", [])})
    return render(
        request,
        "broadcast.html",
        {
            "title": f"Broadcast {b.number}",
            "b": item,
            "parent": parent,
            "receipts": receipts,
            "counts": counts,
            "replies": replies,
            "reply_counts": reply_counts,
            "office_names": names,
            "filter": request.query_params.get("state") or "",
        },
    )


@router.get(BASE + "/files/{sha256}")
def download(request: Request, user: Broadcaster, sha256: str) -> Response:
    """A broadcast's or a data-request reply's file (the same visibility as the API's)."""
    path, name, ctype = attachments.get(
        user, request.app.state.hub.settings.attachments_dir, sha256.lower()
    )
    return FileResponse(path, media_type=ctype, filename=name)
