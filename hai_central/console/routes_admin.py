"""Admin screens: offices (time zone, e-mail), users and roles (create, change role or
office, deactivate) and the working calendar (days off added over the national one). The
same schemas and services as /admin/offices, /admin/users and /admin/calendar."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from hai_central.api.routes.calendar import CalendarDayIn
from hai_central.console import labels_roles  # noqa: F401 - filters and notices
from hai_central.console.app import PREFIX, ConsoleRoute, redirect, render, staff, text
from hai_central.errors import not_found
from hai_central.schemas.admin import OfficeIn, UserIn, UserPatch
from hai_central.services import auth, calendar, reference
from hai_central.services.common import CurrentUser
from hai_central.store import db as store
from hai_contract.codes import OFFICE_KINDS, ROLES, TIMEZONES

router = APIRouter(route_class=ConsoleRoute, include_in_schema=False)
Admin = Annotated[CurrentUser, Depends(staff("admin"))]
BASE = f"{PREFIX}/admin"


def _offices_context(**extra: Any) -> dict[str, Any]:
    return {
        "offices": reference.offices(),
        "kinds": OFFICE_KINDS,
        "timezones": TIMEZONES,
        **extra,
    }


@router.get(BASE + "/offices")
def offices_page(request: Request, user: Admin) -> Response:
    q = (request.query_params.get("q") or "").strip().lower()
    ctx = _offices_context(title="Kantor", q=q)
    if q:
        ctx["offices"] = [
            o for o in ctx["offices"] if q in o["code"].lower() or q in o["name"].lower()
        ]
    return render(request, "admin_offices.html", ctx)


@router.post(BASE + "/offices")
def create_office(request: Request, user: Admin) -> Response:
    body = OfficeIn.model_validate(
        {
            "code": text(request, "code").upper(),
            "name": text(request, "name"),
            "kind": text(request, "kind"),
            "parent_code": text(request, "parent_code") or None,
            "timezone": text(request, "timezone") or None,
            "email": text(request, "email") or None,
        }
    )
    office = reference.create_office(body.model_dump())
    return redirect(f"{BASE}/offices/{office['code']}?ok=office_saved")


def _office(code: str):
    office = reference.get_office(code)
    if office is None:
        raise not_found("office")
    return office


@router.get(BASE + "/offices/{code}")
def office_page(request: Request, user: Admin, code: str) -> Response:
    row = _office(code)
    office = reference.office_public(row)
    ctx = _offices_context(
        title=f"Kantor {office['code']}",
        office=office,
        stored_timezone=(row.extra or {}).get("timezone") or "",
    )
    return render(request, "admin_office.html", ctx)


@router.post(BASE + "/offices/{code}")
def save_office(request: Request, user: Admin, code: str) -> Response:
    """Change an office's name, time zone, e-mail and active flag (the rest is kept)."""
    o = _office(code)
    item = dict(o.extra or {})
    item.update(
        code=o.code,
        name=text(request, "name") or o.name,
        kind=o.kind,
        parent_code=o.parent_code,
        active=bool(text(request, "active")),
    )
    for field in ("timezone", "email"):
        item[field] = text(request, field) or None
    OfficeIn.model_validate(item)  # the API's checks on what an office may hold
    reference.upsert_office({k: v for k, v in item.items() if v is not None}, overwrite=True)
    return redirect(f"{BASE}/offices/{o.code}?ok=office_saved")


def _users_context(**extra: Any) -> dict[str, Any]:
    return {
        "roles": ROLES,
        "offices": [(o["code"], o["name"]) for o in reference.offices()],
        **extra,
    }


@router.get(BASE + "/users")
def users_page(request: Request, user: Admin) -> Response:
    q = (request.query_params.get("q") or "").strip().lower()
    role = request.query_params.get("role") or ""
    items = auth.list_users()
    if q:
        items = [
            u
            for u in items
            if q in u["email"] or q in (u["name"] or "").lower() or q in u["office"]["code"].lower()
        ]
    if role in ROLES:
        items = [u for u in items if u["role"] == role]
    ctx = _users_context(title="Pengguna dan peran", users=items, q=q, role_filter=role)
    return render(request, "admin_users.html", ctx)


@router.post(BASE + "/users")
def create_user(request: Request, user: Admin) -> Response:
    body = UserIn.model_validate(
        {
            "email": text(request, "email").lower(),
            "name": text(request, "name"),
            "password": text(request, "password"),
            "role": text(request, "role"),
            "office_code": text(request, "office_code"),
        }
    )
    created = auth.create_user(body.email, body.name, body.password, body.role, body.office_code)
    return redirect(f"{BASE}/users/{created['id']}?ok=user_created")


def _user(user_id: str) -> dict[str, Any]:
    found = auth.find_user(user_id)
    if found is None or found.id != user_id:
        raise not_found("user")
    with store.session():
        return auth.user_public(found)


@router.get(BASE + "/users/{user_id}")
def user_page(request: Request, user: Admin, user_id: str) -> Response:
    account = _user(user_id)
    ctx = _users_context(title=f"Pengguna {account['email']}", account=account)
    return render(request, "admin_user.html", ctx)


@router.post(BASE + "/users/{user_id}")
def save_user(request: Request, user: Admin, user_id: str) -> Response:
    """Change role, office, name, active flag (and a new password when given), as PATCH
    /admin/users/{id}: a changed account signs in again."""
    account = _user(user_id)
    changes: dict[str, Any] = {
        "role": text(request, "role") or None,
        "office_code": text(request, "office_code") or None,
        "name": text(request, "name") or None,
        "active": bool(text(request, "active")),
        "password": text(request, "password") or None,
    }
    # Only what differs is sent: an unchanged role or office signs nobody out.
    current = {
        "role": account["role"],
        "office_code": account["office"]["code"],
        "name": account["name"],
        "active": account["active"],
    }
    patch = UserPatch.model_validate(
        {k: v for k, v in changes.items() if v is not None and current.get(k) != v}
    )
    auth.update_user(user_id, **patch.model_dump(exclude_unset=True))
    return redirect(f"{BASE}/users/{user_id}?ok=user_saved")


def _year(value: str | None) -> int:
    try:
        year = int(value or 0)
    except ValueError:
        year = 0
    return year if 1900 <= year <= 2200 else date.today().year


@router.get(BASE + "/calendar")
def calendar_page(request: Request, user: Admin) -> Response:
    year = _year(request.query_params.get("year"))
    return render(
        request,
        "admin_calendar.html",
        {"title": "Kalender kerja", "year": year, "days": calendar.list_days(year)},
    )


@router.post(BASE + "/calendar")
def add_day(request: Request, user: Admin) -> Response:
    body = CalendarDayIn.model_validate(
        {"kind": text(request, "kind") or "off", "name": text(request, "name")}
    )
    day = calendar.set_day(text(request, "date"), body.kind, body.name, user.id)
    return redirect(f"{BASE}/calendar?year={day['date'][:4]}&ok=day_saved")


@router.post(BASE + "/calendar/{day}/remove")
def remove_day(request: Request, user: Admin, day: str) -> Response:
    if not calendar.remove_day(day):
        raise not_found("calendar day")
    return redirect(f"{BASE}/calendar?year={day[:4]}&ok=day_removed")
