"""The console's menu: which screens each role sees (a screen module adds its entry here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class NavItem:
    path: str
    label: str
    roles: frozenset[str]


NAV: list[NavItem] = [
    NavItem("/console/", "Beranda", frozenset({"agent", "broadcaster", "supervisor", "admin"})),
    NavItem("/console/tickets", "Antrean tiket", frozenset({"agent", "supervisor"})),
    NavItem("/console/tickets/similar", "Tiket serupa", frozenset({"agent"})),
    NavItem("/console/review", "Tinjauan jawaban", frozenset({"agent"})),
    NavItem("/console/kb", "Basis pengetahuan", frozenset({"agent", "supervisor"})),
    NavItem("/console/broadcasts", "Broadcast", frozenset({"broadcaster", "admin"})),
    NavItem("/console/national", "Pemantauan", frozenset({"supervisor"})),
    NavItem("/console/admin/offices", "Kantor", frozenset({"admin"})),
    NavItem("/console/admin/users", "Pengguna", frozenset({"admin"})),
    NavItem("/console/admin/calendar", "Kalender kerja", frozenset({"admin"})),
]


def menu_for(role: str, current_path: str) -> list[dict]:
    """The menu of ``role``; the entry of the current page is marked (aria-current)."""
    items = [n for n in NAV if role in n.roles]
    # The longest matching prefix is the current screen ("/console/" matches everything).
    best = max(
        (
            n
            for n in items
            if current_path == n.path or current_path.startswith(n.path.rstrip("/") + "/")
        ),
        key=lambda n: len(n.path),
        default=None,
    )
    return [{"path": n.path, "label": n.label, "current": n is best} for n in items]
