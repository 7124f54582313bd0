"""The monthly report from the hub, for the centre's accounts (issue 11: "hub roles: an
office, or a Kanwil with its KPPNs rolled up"). No Qt.

A desk signed in as a CSO reports on its own office from its own database
(:mod:`hai_desktop.core.reports`). An agent or a supervisor may read any office's figures:
the desk then asks the hub (``GET /reports/monthly``, ``rollup`` for a Kanwil with its KPPNs),
which computes them with the same :func:`hai_contract.reports.compute`. The answer has the
same shape, so the screen, the charts and the exports treat both alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hai_desktop.core import reference
from hai_desktop.core.paths import ProfilePaths
from hai_desktop.core.sync import account as sync_account

# The roles the hub lets read other offices (hai_central/services/scoping.py).
CROSS_OFFICE_ROLES = ("agent", "supervisor")
LOCAL = ""  # the scope code of "this desk's own data"


@dataclass(frozen=True)
class Scope:
    """What a report covers: the desk's own data (``code`` LOCAL), one office at the hub,
    or a Kanwil with its KPPNs (``rollup``)."""

    code: str
    name: str
    rollup: bool = False

    @property
    def from_hub(self) -> bool:
        return self.code != LOCAL


def can_choose_office() -> bool:
    """Whether the account signed in on this desk may read other offices' reports."""
    account = sync_account.account() or {}
    return account.get("role") in CROSS_OFFICE_ROLES


def scopes() -> list[Scope]:
    """The hub scopes, Kanwil (rolled up) then each KPPN under it, in reference order."""
    offices = reference.items("offices")
    out: list[Scope] = []
    for kanwil in (o for o in offices if o.get("kind") == "KANWIL"):
        out.append(Scope(kanwil["code"], kanwil["name"], rollup=True))
        out += [
            Scope(o["code"], o["name"])
            for o in offices
            if o.get("kind") == "KPPN" and o.get("parent_code") == kanwil["code"]
        ]
    return out


def monthly(paths: ProfilePaths, month: str, scope: Scope) -> dict[str, Any]:
    """The hub's figures for ``scope`` and ``month``; raises HubError (the sync's errors,
    with their codes) when the hub cannot answer."""
    with sync_account.default_client_factory(paths)() as client:
        return client.monthly_report(month, scope.code, rollup=scope.rollup)
