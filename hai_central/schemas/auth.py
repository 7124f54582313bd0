"""Health and sign-in payloads: the token request and answer, the signed-in user."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from hai_central.schemas.common import Text
from hai_central.wire import Strict
from hai_contract import limits as L


class Health(BaseModel):
    status: str
    version: str
    time: str


class TokenRequest(Strict):
    email: str = Text(L.EMAIL_MAX, required=False)
    password: str = Text(L.PASSWORD_MAX, required=False)
    device_id: str | None = Text(64, required=False, default=None)
    device_name: str | None = Text(L.DEVICE_NAME_MAX, required=False, default=None)


class OfficeRef(BaseModel):
    code: str
    name: str
    kind: str


class UserPublic(BaseModel):
    id: str
    email: str
    name: str
    role: str
    active: bool = True
    office: OfficeRef


class TokenResponse(BaseModel):
    access_token: str
    token_type: Literal["bearer"]
    expires_at: str
    user: UserPublic
