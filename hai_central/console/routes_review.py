"""The review queue: desk answers accepted into a new or an existing KB entry (with the
agent's edits) or rejected with a note — the same decision as POST /review/inquiries/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from hai_central.console.app import PREFIX, ConsoleRoute, redirect, render, staff, text
from hai_central.console.routes_kb import departments, kb_fields_from_form
from hai_central.schemas.kb import ReviewDecision
from hai_central.services import inquiries, kb_browse, ticket_queue
from hai_central.services.common import CurrentUser

router = APIRouter(route_class=ConsoleRoute, include_in_schema=False)
Agent = Annotated[CurrentUser, Depends(staff("agent"))]
PER_PAGE = 20
STATUSES = ("pending", "accepted", "rejected")


@router.get(f"{PREFIX}/review")
def review_page(request: Request, user: Agent) -> Response:
    q = request.query_params
    status = q.get("status") if q.get("status") in STATUSES else "pending"
    try:
        cursor = max(0, int(q.get("cursor") or 0))
    except ValueError:
        cursor = 0
    page = inquiries.review_queue(status, cursor, PER_PAGE)
    items = page["items"]
    matches = kb_browse.candidates([i.get("question") or "" for i in items])
    offices = ticket_queue.office_names({i["office_code"] for i in items})
    return render(
        request,
        "review.html",
        {
            "title": "Tinjauan jawaban desk",
            "items": [
                {"inquiry": i, "candidates": c, "office_name": offices.get(i["office_code"])}
                for i, c in zip(items, matches, strict=True)
            ],
            "status": status,
            "statuses": STATUSES,
            "cursor": cursor,
            "next_cursor": page["next_cursor"] if page["has_more"] else None,
            "departments": departments(),
        },
    )


@router.post(PREFIX + "/review/{inquiry_id}")
def decide(request: Request, user: Agent, inquiry_id: str) -> Response:
    decision = text(request, "decision")
    note = text(request, "note") or None
    raw: dict = {"decision": decision, "note": note}
    if decision == "accept":
        fields = kb_fields_from_form(request)
        target = text(request, "target")
        if target and target != "new":
            fields["id"] = target
        raw["kb_entry"] = fields
    body = ReviewDecision.model_validate(raw)
    # As the API route does: only the fields given reach the service.
    kb_fields = (
        body.kb_entry.model_dump(exclude_unset=True, mode="python") if body.kb_entry else None
    )
    inquiries.decide(user, inquiry_id.lower(), body.decision, kb_fields, body.note)
    back = f"{PREFIX}/review?ok={'accepted' if decision == 'accept' else 'rejected'}"
    cursor = text(request, "cursor")
    return redirect(back + (f"&cursor={int(cursor)}" if cursor.isdigit() else ""))
