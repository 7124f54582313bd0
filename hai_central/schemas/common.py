"""What every payload model shares: code types, bounded texts, e-mails, phones, errors.

Request models allow extra fields where API.md says a payload may carry more than listed
(``Open``); the hub keeps them and returns them.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field

from hai_central.wire import StrictOpen, codes_type
from hai_contract import codes, limits
from hai_contract.emails import EMAIL_PATTERN, official_pattern

L = limits
Code = str
Outcome = codes_type(codes.OUTCOMES)
OutOfScopeReason = codes_type(codes.OUT_OF_SCOPE_REASONS)
Priority = codes_type(codes.PRIORITIES)
TicketStatus = codes_type(codes.TICKET_STATUSES)
BroadcastKind = codes_type(codes.BROADCAST_KINDS)
OutageStatus = codes_type(codes.OUTAGE_STATUSES)
Role = codes_type(codes.ROLES)
OfficeKind = codes_type(codes.OFFICE_KINDS)
Department = codes_type(codes.DEPARTMENTS)
Urgency = codes_type(codes.URGENCIES)
Timezone = codes_type(codes.TIMEZONES)
Sha256 = Annotated[str, Field(pattern=L.SHA256_PATTERN)]
OfficeCode = Annotated[
    str, Field(min_length=1, max_length=L.OFFICE_CODE_MAX, pattern=L.OFFICE_CODE_PATTERN)
]
Email = Annotated[str, Field(min_length=3, max_length=L.EMAIL_MAX, pattern=EMAIL_PATTERN)]
# Users' e-mail: on an official domain (the seed list; the hub's reference data may add more).
OfficialEmail = Annotated[
    str, Field(min_length=3, max_length=L.EMAIL_MAX, pattern=official_pattern())
]
# Contacts' and requesters' phones: free text (an extension, "ext. 12"), as before.
Phone = Annotated[str, Field(min_length=1, max_length=64, pattern=L.REQUIRED_TEXT_PATTERN)]
Satker = Annotated[str, Field(max_length=L.SATKER_DIGITS, pattern=L.SATKER_PATTERN)]


def Text(max_length: int, *, required: bool = True, **kw: Any) -> Any:  # noqa: N802
    """A text field of at most ``max_length`` characters (no NUL; required: not blank)."""
    pattern = L.REQUIRED_TEXT_PATTERN if required else L.TEXT_PATTERN
    return Field(min_length=1 if required else None, max_length=max_length, pattern=pattern, **kw)


Open = StrictOpen


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: dict[str, Any] = {}


class ErrorResponse(BaseModel):
    error: ErrorDetail


class Ok(BaseModel):
    ok: bool = True
