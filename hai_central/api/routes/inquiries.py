"""Inquiry push and feed; the agents' review queue."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter

from hai_central.api.common import ERRORS, Cursor, Limit, OfficeCode, RecordId
from hai_central.api.deps import Agent, User
from hai_central.schemas.inquiries import BatchResults, InquiryBatch, InquiryPage
from hai_central.schemas.kb import ReviewDecision, ReviewResult
from hai_central.services import inquiries

router = APIRouter(tags=["inquiries"], responses=ERRORS)


@router.post("/inquiries/batch", response_model=BatchResults)
def push_batch(body: InquiryBatch, user: User) -> dict:
    """Up to 500 inquiries; a result per item (created/updated/unchanged/conflict/rejected)."""
    return {"results": inquiries.push(user, body.items)}


@router.get("/inquiries/changes", response_model=InquiryPage)
def inquiry_changes(
    user: User, cursor: Cursor = 0, limit: Limit = 500, office_code: OfficeCode = None
) -> dict:
    """Inquiries changed after ``cursor`` (a cso gets their own office only)."""
    return inquiries.changes(user, cursor, limit, office_code)


@router.get("/review/inquiries", response_model=InquiryPage)
def review_queue(
    user: Agent,
    status: Literal["pending", "accepted", "rejected"] = "pending",
    cursor: Cursor = 0,
    limit: Limit = 500,
) -> dict:
    """Desk answers waiting for review across offices, oldest change first."""
    return inquiries.review_queue(status, cursor, limit)


@router.post("/review/inquiries/{inquiry_id}", response_model=ReviewResult)
def review_decide(body: ReviewDecision, user: Agent, inquiry_id: RecordId) -> dict:
    """Accept (publish into the KB) or reject a desk answer."""
    kb_fields = (
        body.kb_entry.model_dump(exclude_unset=True, mode="python") if body.kb_entry else None
    )
    return inquiries.decide(user, inquiry_id.lower(), body.decision, kb_fields, body.note)
