"""Shared route pieces: documented error responses, feed query and id path parameters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Query

from hai_central.schemas.common import ErrorResponse
from hai_contract import limits

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse, "description": text}
    for code, text in (
        (400, "Malformed request"),
        (401, "No or expired token"),
        (403, "Not allowed"),
        (404, "Not found"),
        (409, "Conflict"),
        (413, "Too large"),
        (415, "Type not allowed"),
        (422, "Invalid field (details name it)"),
        (429, "Too many requests"),
    )
}

MAX_CURSOR = 2**62
Cursor = Annotated[int, Query(ge=0, le=MAX_CURSOR, description="changes after this rev")]
Limit = Annotated[int, Query(ge=1, le=1_000_000, description="page size (max 2000 used)")]
OfficeCode = Annotated[
    str | None, Query(max_length=limits.OFFICE_CODE_MAX, pattern=limits.OFFICE_CODE_PATTERN)
]
# A record id in the path (a UUID made where the record was born). Annotated, not a shared
# ``= Path(...)`` default: FastAPI names a shared default after the first parameter using it.
RecordId = Annotated[str, Path(pattern=limits.UUID_PATTERN)]
