"""The knowledge base feed, agent edits and desk feedback."""

from __future__ import annotations

from fastapi import APIRouter, Response

from hai_central.api.common import ERRORS, Cursor, Limit, RecordId
from hai_central.api.deps import Agent, User
from hai_central.schemas.kb import FeedbackIn, FeedbackOut, KbCreate, KbEntryOut, KbFields, KbPage
from hai_central.services import kb

router = APIRouter(prefix="/kb", tags=["kb"], responses=ERRORS)


@router.get("/changes", response_model=KbPage, response_model_exclude_none=False)
def kb_changes(user: User, cursor: Cursor = 0, limit: Limit = 500) -> Response:
    """KB entries changed after ``cursor``; retired entries come as tombstones."""
    # The body is a KbPage serialised by the service (the response model documents it).
    return Response(kb.changes_body(user, cursor, limit), media_type="application/json")


@router.post(
    "",
    response_model=KbEntryOut,
    status_code=201,
    responses={200: {"model": KbEntryOut, "description": "Already existed"}},
)
def kb_create(body: KbCreate, user: Agent, response: Response) -> dict:
    """Agent: create an entry with a caller-made id (idempotent)."""
    entry, created = kb.create(user, body)
    if not created:
        response.status_code = 200
    return entry


@router.get("/{entry_id}", response_model=KbEntryOut)
def kb_get(user: User, entry_id: RecordId) -> dict:
    """One entry."""
    return kb.get(entry_id.lower(), user)


@router.put("/{entry_id}", response_model=KbEntryOut)
def kb_update(body: KbFields, user: Agent, entry_id: RecordId) -> dict:
    """Agent: update an entry (the fields given replace the stored ones)."""
    return kb.update(user, entry_id.lower(), body)


@router.delete("/{entry_id}", response_model=KbEntryOut)
def kb_retire(user: Agent, entry_id: RecordId) -> dict:
    """Agent: retire an entry (a tombstone in the feed)."""
    return kb.retire(entry_id.lower())


@router.post(
    "/{entry_id}/feedback",
    response_model=FeedbackOut,
    status_code=201,
    responses={200: {"model": FeedbackOut, "description": "Already recorded"}},
)
def kb_feedback(body: FeedbackIn, user: User, response: Response, entry_id: RecordId) -> dict:
    """A desk says an answer did or did not help (idempotent by feedback id)."""
    result = kb.feedback(user, entry_id.lower(), str(body.id), body.helpful, body.note)
    if not result["created"]:
        response.status_code = 200
    return result
