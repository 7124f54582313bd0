"""KB screens: the list (search, department, retired), an entry's edit form with the desks'
feedback, new entries, retiring. Writes go through services/kb with the API's schemas."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from hai_central.console.app import PREFIX, ConsoleRoute, redirect, render, staff, text
from hai_central.console.labels import CENTRE_TZ
from hai_central.errors import ApiError
from hai_central.schemas.kb import KbCreate, KbFields
from hai_central.services import kb, kb_browse, reference
from hai_central.services.common import CurrentUser, iso, parse_time

router = APIRouter(route_class=ConsoleRoute, include_in_schema=False)
Reader = Annotated[CurrentUser, Depends(staff("agent", "supervisor"))]
Agent = Annotated[CurrentUser, Depends(staff("agent"))]


def departments() -> list[dict]:
    return sorted(reference.get_item("departments") or [], key=lambda d: d.get("sort_order", 99))


def valid_until_field(value: str) -> str | None:
    """A date picked in the form → the end of that day in Jakarta, as RFC 3339 UTC."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError as exc:
        raise ApiError(422, "invalid_field", "valid_until", {"field": "valid_until"}) from exc
    return iso(datetime.combine(day, time(23, 59, 59), CENTRE_TZ))


def valid_until_date(value: str | None) -> str:
    """The stored validity as the date input shows it."""
    return parse_time(value).astimezone(CENTRE_TZ).date().isoformat() if value else ""


def kb_fields_from_form(request: Request) -> dict[str, Any]:
    """The KB fields of a console form, as the API's JSON would carry them."""
    regulations = [line.strip() for line in text(request, "regulations").splitlines()]
    tags = [t.strip() for t in text(request, "tags").replace("\n", ",").split(",")]
    return {
        "title": text(request, "title"),
        "question": text(request, "question"),
        "answer": text(request, "answer"),
        "department": text(request, "department"),
        "application": text(request, "application") or None,
        "regulations": [r for r in regulations if r],
        "tags": [t for t in tags if t],
        "valid_until": valid_until_field(text(request, "valid_until")),
    }


@router.get(f"{PREFIX}/kb")
def kb_list(request: Request, user: Reader) -> Response:
    q = request.query_params
    filters = {
        "q": (q.get("q") or "").strip(),
        "department": q.get("department") or "",
        "retired": "1" if q.get("retired") == "1" else "",
    }
    try:
        page = max(1, int(q.get("page") or 1))
    except ValueError:
        page = 1
    result = kb_browse.entries(
        user,
        search=filters["q"],
        department=filters["department"] or None,
        retired=bool(filters["retired"]),
        page=page,
    )
    return render(
        request,
        "kb_list.html",
        {
            "title": "Basis pengetahuan",
            "result": result,
            "filters": filters,
            "query": {k: v for k, v in filters.items() if v},
            "departments": departments(),
        },
    )


def _form_page(request: Request, entry: dict | None, status: int = 200, **extra) -> Response:
    ctx = {
        "title": entry["title"] if entry else "Entri baru",
        "entry": entry,
        "valid_until": valid_until_date(entry.get("valid_until")) if entry else "",
        "departments": departments(),
        "feedback": kb_browse.feedback(entry["id"]) if entry else [],
        "can_write": request.state.staff.role == "agent",
    }
    ctx.update(extra)
    return render(request, "kb_entry.html", ctx, status=status)


@router.get(f"{PREFIX}/kb/new")
def kb_new_form(request: Request, user: Agent) -> Response:
    return _form_page(request, None)


@router.post(f"{PREFIX}/kb/new")
def kb_create(request: Request, user: Agent) -> Response:
    fields = kb_fields_from_form(request)
    body = KbCreate.model_validate({"id": str(uuid.uuid4()), **fields})
    entry, _ = kb.create(user, body)
    return redirect(f"{PREFIX}/kb/{entry['id']}?ok=kb_saved")


@router.get(PREFIX + "/kb/{entry_id}")
def kb_entry(request: Request, user: Reader, entry_id: str) -> Response:
    return _form_page(request, kb.get(entry_id.lower(), user))


@router.post(PREFIX + "/kb/{entry_id}")
def kb_update(request: Request, user: Agent, entry_id: str) -> Response:
    body = KbFields.model_validate(kb_fields_from_form(request))
    kb.update(user, entry_id.lower(), body)
    return redirect(f"{PREFIX}/kb/{entry_id.lower()}?ok=kb_saved")


@router.post(PREFIX + "/kb/{entry_id}/retire")
def kb_retire(request: Request, user: Agent, entry_id: str) -> Response:
    kb.retire(entry_id.lower())
    return redirect(f"{PREFIX}/kb/{entry_id.lower()}?ok=kb_retired")
