"""Sign-in and sign-out."""

from __future__ import annotations

from fastapi import APIRouter, Request

from hai_central.api.common import ERRORS
from hai_central.api.deps import Hub, User
from hai_central.schemas.auth import TokenRequest, TokenResponse
from hai_central.schemas.common import Ok
from hai_central.services import auth

router = APIRouter(prefix="/auth", tags=["auth"], responses=ERRORS)


@router.post("/token", response_model=TokenResponse)
def token(body: TokenRequest, request: Request, hub: Hub) -> dict:
    """E-mail + password → a bearer token (same 401 for every failure; 429 when throttled)."""
    s = hub.settings
    address = request.client.host if request.client else "unknown"
    return auth.login(
        body.email,
        body.password,
        body.device_id,
        body.device_name,
        address,
        ttl_hours=s.token_ttl_hours,
        max_failures=s.login_max_failures,
        window=s.login_window_seconds,
    )


@router.post("/logout", response_model=Ok)
def logout(user: User) -> dict:
    """Revoke the token used for this request."""
    auth.logout(user)
    return {"ok": True}
