"""The one office-scoping rule, role by role."""

from __future__ import annotations

import pytest

from hai_central.errors import ApiError
from hai_central.services import scoping
from hai_central.services.common import CurrentUser


def user(role: str, office: str = "KPPN-A") -> CurrentUser:
    return CurrentUser(
        id="u",
        email="e",
        name="n",
        role=role,
        office_code=office,
        office_name=office,
        office_kind="KPPN",
        token_hash="",
    )


@pytest.mark.parametrize("role", ["cso", "admin", "broadcaster"])
def test_own_office_roles(role):
    u = user(role)
    assert scoping.read_scope(u, None) == "KPPN-A"
    assert scoping.read_scope(u, "KPPN-A") == "KPPN-A"
    with pytest.raises(ApiError) as exc:
        scoping.read_scope(u, "KPPN-B")
    assert exc.value.status == 403
    assert scoping.can_read_office(u, "KPPN-A") and not scoping.can_read_office(u, "KPPN-B")


@pytest.mark.parametrize("role", ["agent", "supervisor"])
def test_cross_office_roles(role):
    u = user(role, "PUSAT")
    assert scoping.read_scope(u, None) is None
    assert scoping.read_scope(u, "KPPN-B") == "KPPN-B"
    assert scoping.can_read_office(u, "KPPN-B")


@pytest.mark.parametrize("role", ["cso", "agent", "supervisor", "admin", "broadcaster"])
def test_desk_records_are_written_by_their_own_office_only(role):
    u = user(role)
    assert scoping.can_write_office(u, "KPPN-A") and not scoping.can_write_office(u, "KPPN-B")
