"""Health and reference data."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from hai_central import __version__
from hai_central.api.common import ERRORS
from hai_central.api.deps import User
from hai_central.schemas.auth import Health
from hai_central.services import reference
from hai_central.services.common import now_iso

router = APIRouter(tags=["health"], responses=ERRORS)


@router.get("/health", response_model=Health)
def health() -> dict:
    """Liveness: no auth, no database work."""
    return {"status": "ok", "version": __version__, "time": now_iso()}


@router.get(
    "/reference",
    responses={
        200: {
            "description": "The reference data",
            "content": {"application/json": {"schema": {"type": "object"}}},
        },
        304: {"description": "Not modified (If-None-Match matched the ETag)"},
    },
)
async def get_reference(request: Request, user: User) -> Response:
    """Departments, channels, offices, SLA, … with an ETag; If-None-Match → 304."""
    doc, etag = await run_in_threadpool(reference.reference_document)
    match = request.headers.get("if-none-match", "")
    if etag in [t.strip().removeprefix("W/") for t in match.split(",")] or match.strip() == "*":
        return Response(status_code=304, headers={"ETag": etag})
    return JSONResponse(doc, headers={"ETag": etag, "Cache-Control": "no-cache"})
