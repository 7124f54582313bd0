"""Inquiry payloads: the batch push and its per-item results, the office feed's pages.

The inquiry itself (``InquiryIn``) is built from the contract's shape
(hai_contract.inquiry.INQUIRY) in ``hai_central/wire.py``.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from hai_central.schemas.common import ErrorDetail, Open
from hai_central.wire import Strict, codes_type
from hai_contract import codes
from hai_contract import limits as L

INQUIRY_TEXT_MAX = L.INQUIRY_TEXT_MAX


class InquiryBatch(Strict):
    """Up to 500 inquiries; each item is validated on its own (see InquiryIn): a bad one is
    answered ``rejected`` naming the field, the others are stored."""

    items: list[Any] = Field(
        json_schema_extra={
            "items": {"$ref": "#/components/schemas/InquiryIn"},
            "maxItems": L.BATCH_ITEMS_MAX,
        }
    )


class ItemResult(BaseModel):
    id: str | None
    status: codes_type(codes.ITEM_STATUSES)
    rev: int | None = None
    error: ErrorDetail | None = None
    current: dict[str, Any] | None = None


class BatchResults(BaseModel):
    results: list[ItemResult]


class InquiryOut(Open):
    id: str
    office_code: str
    rev: int
    review_status: str | None = None
    version: int


class InquiryPage(BaseModel):
    items: list[InquiryOut]
    next_cursor: int
    has_more: bool
