"""Attachments by SHA-256."""

from __future__ import annotations

from fastapi import APIRouter, Header, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse

from hai_central.api.common import ERRORS
from hai_central.api.deps import Hub, User
from hai_central.schemas import AttachmentOut
from hai_central.services import attachments

router = APIRouter(prefix="/attachments", tags=["attachments"], responses=ERRORS)

Sha = Path(pattern=r"^[0-9a-fA-F]{64}$")


@router.put(
    "/{sha256}",
    response_model=AttachmentOut,
    status_code=201,
    responses={200: {"model": AttachmentOut, "description": "Already stored"}},
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        }
    },
)
async def put_attachment(
    request: Request,
    user: User,
    hub: Hub,
    sha256: str = Sha,
    x_filename: str | None = Header(default=None, max_length=255),
) -> Response:
    """Upload a file: hash, size, extension and real type are checked."""
    body = await request.body()
    meta, created = await run_in_threadpool(
        attachments.put,
        user,
        hub.settings.attachments_dir,
        sha256.lower(),
        body,
        x_filename,
        request.headers.get("content-type"),
    )
    return JSONResponse(meta, status_code=201 if created else 200)


@router.get(
    "/{sha256}",
    response_class=FileResponse,
    responses={200: {"content": {"application/octet-stream": {}}, "description": "The file"}},
)
def get_attachment(user: User, hub: Hub, sha256: str = Sha) -> FileResponse:
    """Download a file (for those allowed to see a record naming it)."""
    path, name, ctype = attachments.get(user, hub.settings.attachments_dir, sha256.lower())
    return FileResponse(path, media_type=ctype, filename=name)
