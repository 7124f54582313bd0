"""Desk heartbeat and the desk list."""

from __future__ import annotations

from fastapi import APIRouter

from hai_central.api.common import ERRORS, OfficeCode
from hai_central.api.deps import AdminOrSupervisor, User
from hai_central.schemas.admin import DeskList, HeartbeatIn, HeartbeatOut
from hai_central.services import desks

router = APIRouter(prefix="/desks", tags=["desks"], responses=ERRORS)


@router.post("/heartbeat", response_model=HeartbeatOut)
def heartbeat(body: HeartbeatIn, user: User) -> dict:
    """Sent with every sync; answers the hub's clock."""
    return desks.heartbeat(user, body)


@router.get("", response_model=DeskList)
def list_desks(user: AdminOrSupervisor, office_code: OfficeCode = None) -> dict:
    """Admins and supervisors: every desk, last seen first."""
    return {"items": desks.list_desks(office_code)}
