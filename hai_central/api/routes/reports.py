"""Reports."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from hai_central.api.common import ERRORS, OfficeCode
from hai_central.api.deps import User
from hai_central.schemas.admin import MonthlyReport
from hai_central.services import reports
from hai_contract import limits

router = APIRouter(prefix="/reports", tags=["reports"], responses=ERRORS)


@router.get("/monthly", response_model=MonthlyReport)
def monthly(
    user: User,
    month: Annotated[str, Query(pattern=limits.MONTH_PATTERN)],
    office_code: OfficeCode = None,
    rollup: bool = False,
) -> dict:
    """The figures a monthly report is made of (a cso: own office only). ``rollup`` with a
    Kanwil's code: the Kanwil and its KPPNs together."""
    return reports.monthly(user, office_code, month, rollup)
