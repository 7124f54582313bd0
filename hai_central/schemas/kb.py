"""Knowledge-base payloads: entries, their feed pages, feedback, and the review of an inquiry
that may make a KB entry."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from hai_central.schemas.common import Department, Open, Text
from hai_central.schemas.inquiries import InquiryOut
from hai_central.wire import Strict, Time, Uuid, codes_type
from hai_contract import codes
from hai_contract import limits as L

KbListText = Annotated[str, Text(L.KB_LIST_TEXT_MAX, required=False)]


class KbFields(Open):
    """KbEntry fields an agent may send (all optional on update)."""

    id: Uuid | None = None
    title: str | None = Text(L.KB_TITLE_MAX, default=None)
    question: str | None = Text(L.KB_QUESTION_MAX, default=None)
    answer: str | None = Text(L.KB_ANSWER_MAX, default=None)
    department: Department | None = None
    application: str | None = Text(L.APPLICATION_CODE_MAX, required=False, default=None)
    regulations: list[KbListText] | None = Field(default=None, max_length=L.KB_LIST_ITEMS_MAX)
    tags: list[KbListText] | None = Field(default=None, max_length=L.KB_LIST_ITEMS_MAX)
    source_inquiry_ids: list[Uuid] | None = Field(default=None, max_length=L.KB_LIST_ITEMS_MAX)
    valid_until: Time | None = None


class KbCreate(KbFields):
    id: Uuid
    title: str = Text(L.KB_TITLE_MAX)
    question: str = Text(L.KB_QUESTION_MAX)
    answer: str = Text(L.KB_ANSWER_MAX)
    department: Department


class KbEntryOut(BaseModel):
    id: str
    rev: int
    title: str
    question: str
    answer: str
    department: str
    application: str | None = None
    regulations: list[str]
    tags: list[str]
    source_inquiry_ids: list[str]
    valid_until: str | None = None
    updated_at: str
    deleted: bool
    helpful_count: int | None = None
    unhelpful_count: int | None = None


class KbPage(BaseModel):
    items: list[KbEntryOut]
    next_cursor: int
    has_more: bool


class FeedbackIn(Strict):
    id: Uuid
    helpful: bool
    note: str | None = Text(L.NOTE_MAX, required=False, default=None)


class FeedbackOut(BaseModel):
    id: str
    kb_entry_id: str
    helpful: bool
    created: bool


class ReviewDecision(Strict):
    decision: codes_type(codes.REVIEW_DECISIONS)
    kb_entry: KbFields | None = None
    note: str | None = Text(L.NOTE_MAX, required=False, default=None)


class ReviewResult(BaseModel):
    inquiry: InquiryOut
    kb_entry: KbEntryOut | None = None
