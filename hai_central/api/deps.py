"""Request dependencies: the hub's state, the signed-in user and role checks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from hai_central.errors import ApiError
from hai_central.services import auth
from hai_central.services.common import CurrentUser
from hai_central.settings import Settings
from hai_contract.codes import ROLES


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

    check.roles = roles  # type: ignore[attr-defined]  # the document names them (roles_of)
    return check


def roles_of(dependant: Any) -> tuple[str, ...] | None:
    """The roles a route lets through: those of its role check, every role when it only
    needs a signed-in user, None when it needs no sign-in."""
    found: tuple[str, ...] | None = None
    for dep in dependant.dependencies:
        if getattr(dep.call, "roles", None) is not None:
            return tuple(dep.call.roles)
        if dep.call is get_current_user:
            found = ROLES
        inner = roles_of(dep)
        if inner is not None and (found is None or len(inner) < len(found)):
            found = inner
    return found


def document_roles(routers: Any, doc: dict[str, Any]) -> None:
    """Each operation of ``doc`` says who may call it: ``x-roles`` and a line in its
    description (a role not named answers 403). ``routers``: (prefix, APIRouter) pairs."""
    from fastapi.routing import APIRoute

    for prefix, router in routers:
        for route in router.routes:
            if isinstance(route, APIRoute):
                _document_route(doc, prefix + route.path_format, route)


def _document_route(doc: dict[str, Any], path: str, route: Any) -> None:
    roles = roles_of(route.dependant)
    for method in route.methods:
        op = doc.get("paths", {}).get(path, {}).get(method.lower())
        if op is None:
            continue
        if roles is None:
            op["x-roles"] = []  # no sign-in
            continue
        op["x-roles"] = list(roles)
        line = f"Roles: {', '.join(roles)} (others: 403)."
        op["description"] = f"{op['description']}\n\n{line}" if op.get("description") else line


Agent = Annotated[CurrentUser, Depends(require_roles("agent"))]
AgentOrSupervisor = Annotated[CurrentUser, Depends(require_roles("agent", "supervisor", "admin"))]
Admin = Annotated[CurrentUser, Depends(require_roles("admin"))]
AdminOrSupervisor = Annotated[CurrentUser, Depends(require_roles("admin", "supervisor"))]
Broadcaster = Annotated[CurrentUser, Depends(require_roles("broadcaster", "admin"))]
