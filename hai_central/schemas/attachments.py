"""Attachment payloads: a file named by its SHA-256, and the upload's answer."""

from __future__ import annotations

from pydantic import BaseModel

from hai_central.schemas.common import Open, Sha256, Text
from hai_contract import limits as L


class AttachmentRef(Open):
    sha256: Sha256
    filename: str = Text(L.FILENAME_MAX)


class AttachmentOut(BaseModel):
    sha256: str
    filename: str
    size: int
    content_type: str | None = None
    created: bool
