"""Request dependencies: the hub's state, the signed-in user and role checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hai_central.errors import ApiError
from hai_central.services import auth
from hai_central.services.common import CurrentUser
from hai_central.settings import Settings


@dataclass
class HubState:
    """What the routes need besides the database: settings and the signing key."""

    settings: Settings
    signing_key: Ed25519PrivateKey
    extra: dict = field(default_factory=dict)


def get_hub(request: Request) -> HubState:
    return request.app.state.hub


_bearer = HTTPBearer(auto_error=False, description="Token from POST /api/v1/auth/token")


def get_current_user(
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> CurrentUser:
    """The user behind the bearer token; 401 when missing, unknown, revoked or expired."""
    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        raise ApiError(401, "unauthorized", "sign in first", headers={"WWW-Authenticate": "Bearer"})
    user = auth.authenticate(creds.credentials)
    if user is None:
        raise ApiError(
            401,
            "unauthorized",
            "the token is invalid or expired",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return user


Hub = Annotated[HubState, Depends(get_hub)]
User = Annotated[CurrentUser, Depends(get_current_user)]


def require_roles(*roles: str) -> Callable[[CurrentUser], CurrentUser]:
    """A dependency that lets only the given roles through (403 otherwise)."""

    def check(user: User) -> CurrentUser:
        if user.role not in roles:
            raise ApiError(
                403, "forbidden", "not allowed for this role", {"allowed_roles": list(roles)}
            )
        return user

    return check


Agent = Annotated[CurrentUser, Depends(require_roles("agent"))]
AgentOrSupervisor = Annotated[CurrentUser, Depends(require_roles("agent", "supervisor", "admin"))]
Admin = Annotated[CurrentUser, Depends(require_roles("admin"))]
AdminOrSupervisor = Annotated[CurrentUser, Depends(require_roles("admin", "supervisor"))]
Broadcaster = Annotated[CurrentUser, Depends(require_roles("broadcaster", "admin"))]
