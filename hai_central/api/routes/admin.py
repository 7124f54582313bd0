"""Administration: offices and users."""

from __future__ import annotations

from fastapi import APIRouter, Path

from hai_central.api.common import ERRORS
from hai_central.api.deps import Admin
from hai_central.schemas.admin import OfficeIn, OfficeList, OfficeOut, UserIn, UserList, UserPatch
from hai_central.schemas.auth import UserPublic
from hai_central.services import auth, reference

router = APIRouter(prefix="/admin", tags=["admin"], responses=ERRORS)


@router.post("/offices", response_model=OfficeOut, status_code=201)
def create_office(body: OfficeIn, user: Admin) -> dict:
    """Create an office (409 if the code exists)."""
    return reference.create_office(body.model_dump())


@router.get("/offices", response_model=OfficeList)
def list_offices(user: Admin) -> dict:
    """All offices."""
    return {"items": reference.offices()}


@router.post("/users", response_model=UserPublic, status_code=201)
def create_user(body: UserIn, user: Admin) -> dict:
    """Create a user (e-mail on an allowed domain, else 422; 409 if taken)."""
    return auth.create_user(body.email, body.name, body.password, body.role, body.office_code)


@router.get("/users", response_model=UserList)
def list_users(user: Admin) -> dict:
    """All users."""
    return {"items": auth.list_users()}


@router.patch("/users/{user_id}", response_model=UserPublic)
def patch_user(body: UserPatch, user: Admin, user_id: str = Path(max_length=64)) -> dict:
    """Change role, office, name, password or active flag."""
    d = body.model_dump(exclude_unset=True)
    return auth.update_user(user_id, **d)
