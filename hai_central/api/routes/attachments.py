"""Attachments by SHA-256: whole uploads (PUT), resumable uploads (HEAD + PATCH), download."""

from __future__ import annotations

from fastapi import APIRouter, Header, Path, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse

from hai_central.api.common import ERRORS
from hai_central.api.deps import Hub, User
from hai_central.errors import not_found
from hai_central.schemas.attachments import AttachmentOut
from hai_central.services import attachment_parts, attachments
from hai_contract.attachments import BYTE_COUNT_PATTERN, MAX_BYTES

router = APIRouter(prefix="/attachments", tags=["attachments"], responses=ERRORS)

Sha = Path(pattern=r"^[0-9a-fA-F]{64}$")
# A percent-encoded UTF-8 name of 255 characters may take up to 9 header characters each.
FILENAME_HEADER_MAX = 2400
FILENAME_DOC = (
    "The file's name. Plain ASCII, or percent-encoded UTF-8 in RFC 8187 style: "
    "`UTF-8''surat%20r%C3%A9sum%C3%A9.pdf`. Directories and `..` are removed; longer than "
    "255 characters it is shortened before the extension."
)
BYTE_COUNT = {"type": "string", "pattern": BYTE_COUNT_PATTERN}
OFFSET_HEADER = {
    "Upload-Offset": {
        "description": "Bytes of the file the hub holds for the caller's office",
        "schema": BYTE_COUNT,
    }
}
LENGTH_HEADER = {
    "Upload-Length": {"description": "The whole file's size in bytes", "schema": BYTE_COUNT}
}
BODY_RULES = (
    f" The body must hash to the path's SHA-256 (else 422), be at most {MAX_BYTES} bytes"
    " (else 413) and be what the name's extension says (magic bytes; else 415)."
)
BINARY_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.put(
    "/{sha256}",
    response_model=AttachmentOut,
    status_code=201,
    responses={200: {"model": AttachmentOut, "description": "Already stored for this office"}},
    openapi_extra=BINARY_BODY,
    description="Upload a whole file." + BODY_RULES,
)
async def put_attachment(
    request: Request,
    user: User,
    hub: Hub,
    sha256: str = Sha,
    x_filename: str = Header(
        alias="X-Filename", min_length=1, max_length=FILENAME_HEADER_MAX, description=FILENAME_DOC
    ),
) -> Response:
    """Upload a whole file: hash, size, extension and real type are checked."""
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


@router.head(
    "/{sha256}",
    status_code=200,
    responses={
        200: {
            "description": "The hub holds the whole file (no `Upload-Offset`), or a part of "
            "it (`Upload-Offset` = the bytes it holds)",
            "headers": {**OFFSET_HEADER, **LENGTH_HEADER},
        },
        404: {"description": "The hub holds nothing of this file for the caller's office"},
    },
)
def head_attachment(user: User, hub: Hub, sha256: str = Sha) -> Response:
    """How much of a file the caller's office has uploaded (resumable uploads)."""
    state = attachment_parts.head(user, hub.settings.attachments_dir, sha256.lower())
    if state is None:
        raise not_found("attachment")
    headers = {"Upload-Length": str(state.length), "Cache-Control": "no-store"}
    if not state.complete:
        headers["Upload-Offset"] = str(state.offset)
    return Response(status_code=200, headers=headers)


@router.patch(
    "/{sha256}",
    status_code=204,
    response_model=None,
    responses={
        201: {"model": AttachmentOut, "description": "The last chunk completed the file"},
        200: {"model": AttachmentOut, "description": "The office already had the whole file"},
        204: {"description": "Chunk stored", "headers": OFFSET_HEADER},
        409: {
            "description": "Wrong offset: `Upload-Offset` gives the current one",
            "headers": OFFSET_HEADER,
        },
    },
    openapi_extra=BINARY_BODY,
    description="Append the next chunk of a resumable upload (parts expire after 24 hours)."
    + BODY_RULES.replace("The body", "The whole file")
    + " A chunk going past `Upload-Length` → 422.",
)
async def patch_attachment(
    request: Request,
    user: User,
    hub: Hub,
    sha256: str = Sha,
    upload_offset: str = Header(
        alias="Upload-Offset",
        description="Where this chunk starts (bytes; else 400)",
        json_schema_extra={"pattern": BYTE_COUNT_PATTERN},
    ),
    upload_length: str = Header(
        alias="Upload-Length",
        description="The whole file's size in bytes (else 400; over the maximum 413)",
        json_schema_extra={"pattern": BYTE_COUNT_PATTERN},
    ),
    x_filename: str = Header(
        alias="X-Filename", min_length=1, max_length=FILENAME_HEADER_MAX, description=FILENAME_DOC
    ),
) -> Response:
    """Append the next chunk of a resumable upload (parts expire after 24 hours)."""
    chunk = await request.body()
    result = await run_in_threadpool(
        attachment_parts.patch,
        user,
        hub.settings.attachments_dir,
        sha256.lower(),
        upload_offset=upload_offset,
        upload_length=upload_length,
        filename=x_filename,
        content_type=request.headers.get("content-type"),
        chunk=chunk,
    )
    if not result["complete"]:
        return Response(status_code=204, headers={"Upload-Offset": str(result["upload_offset"])})
    meta = result["attachment"]
    return JSONResponse(
        meta,
        status_code=201 if result["created"] else 200,
        headers={"Upload-Offset": str(meta["size"])},
    )


@router.get(
    "/{sha256}",
    response_class=FileResponse,
    responses={200: {"content": {"application/octet-stream": {}}, "description": "The file"}},
)
def get_attachment(user: User, hub: Hub, sha256: str = Sha) -> FileResponse:
    """Download a file (its uploaders, and those allowed to see a record naming it)."""
    path, name, ctype = attachments.get(user, hub.settings.attachments_dir, sha256.lower())
    return FileResponse(path, media_type=ctype, filename=name)
