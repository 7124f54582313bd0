"""Administration of working time: the days off (cuti bersama, local holidays) an admin adds
over the national calendar, and working days it takes back."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, Field

from hai_central.api.common import ERRORS
from hai_central.api.deps import Admin, AgentOrSupervisor
from hai_central.errors import not_found
from hai_central.services import calendar
from hai_contract import limits

router = APIRouter(prefix="/admin/calendar", tags=["admin"], responses=ERRORS)

Day = Path(pattern=limits.DAY_PATTERN, description="YYYY-MM-DD (1900-2200)")


class CalendarDayIn(BaseModel):
    kind: Literal["off", "work"] = "off"
    name: str = Field(min_length=1, max_length=200, pattern=limits.REQUIRED_TEXT_PATTERN)


class CalendarDayOut(BaseModel):
    date: str
    kind: Literal["off", "work"]
    name: str
    source: Literal["national", "admin"]


class CalendarList(BaseModel):
    items: list[CalendarDayOut]


@router.get("", response_model=CalendarList)
def list_days(user: AgentOrSupervisor, year: int = Query(ge=1900, le=2200)) -> dict:
    """The year's days off: the national calendar (holidays and cuti bersama the `holidays`
    package knows) with the admin's days over it."""
    return {"items": calendar.list_days(year)}


@router.put("/{day}", response_model=CalendarDayOut)
def set_day(body: CalendarDayIn, user: Admin, day: str = Day) -> dict:
    """Mark a day off (`off`: e.g. a cuti bersama set by this year's decree) or working
    (`work`: a day the national calendar has off but offices work)."""
    return calendar.set_day(day, body.kind, body.name, user.id)


@router.delete("/{day}", status_code=204, response_class=Response)
def remove_day(user: Admin, day: str = Day) -> Response:
    """Take back an admin's day (the national calendar's days stay)."""
    if not calendar.remove_day(day):
        raise not_found("calendar day")
    return Response(status_code=204)
