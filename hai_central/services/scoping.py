"""Office scoping: the ONE place that decides which offices a user may read or write.

A ``cso`` (desk officer) works only with records of their own office. Agents and supervisors
work across offices (the whole country or one office they name). Every other role (admin,
broadcaster) is treated like a desk of its own office: managing users or publishing
broadcasts gives no right to read the desks' logs, which hold personal data.
"""

from __future__ import annotations

from hai_central.errors import forbidden
from hai_central.services.common import CurrentUser

CROSS_OFFICE_ROLES = frozenset({"agent", "supervisor"})


def read_scope(user: CurrentUser, requested_office: str | None) -> str | None:
    """The office a read is limited to, or None for all offices.

    A ``cso`` always gets their own office; naming another office is refused (403).
    """
    if user.role in CROSS_OFFICE_ROLES:
        return requested_office or None
    if requested_office and requested_office != user.office_code:
        raise forbidden("you may only read records of your own office")
    return user.office_code


def can_read_office(user: CurrentUser, office_code: str | None) -> bool:
    """May ``user`` see a record that belongs to ``office_code``?"""
    return user.role in CROSS_OFFICE_ROLES or office_code == user.office_code


def can_write_office(user: CurrentUser, office_code: str | None) -> bool:
    """May ``user`` create or change a desk record of ``office_code``?

    Desk records (inquiries, tickets, receipts) are written by the office's own desks only,
    whatever the role.
    """
    return office_code == user.office_code


def ensure_read(user: CurrentUser, office_code: str | None) -> None:
    if not can_read_office(user, office_code):
        raise forbidden("this record belongs to another office")


def ensure_write(user: CurrentUser, office_code: str | None) -> None:
    if not can_write_office(user, office_code):
        raise forbidden("this record belongs to another office")
