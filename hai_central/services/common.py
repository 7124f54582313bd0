"""Small helpers shared by the services: time formatting, the current user, paging."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

MAX_LIMIT = 2000
DEFAULT_LIMIT = 500

ROLES = ("cso", "agent", "broadcaster", "supervisor", "admin")


def utcnow() -> datetime:
    return datetime.now(UTC)


def iso(dt: datetime) -> str:
    """RFC 3339 UTC with seconds, e.g. ``2026-11-26T08:15:00Z``."""
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_iso() -> str:
    return iso(utcnow())


def epoch() -> int:
    return int(time.time())


def parse_time(value: str) -> datetime:
    """Parse an RFC 3339 time (``Z`` or offset); naive times are taken as UTC."""
    dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


def normalise_time(value: str | None) -> str | None:
    """Any RFC 3339 time as our canonical UTC text (or None)."""
    return None if value is None else iso(parse_time(value))


def plus_minutes(dt: datetime, minutes: int) -> str:
    return iso(dt + timedelta(minutes=minutes))


def clamp_limit(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_LIMIT
    return max(1, min(int(limit), MAX_LIMIT))


@dataclass(frozen=True)
class CurrentUser:
    """The signed-in user a request acts for."""

    id: str
    email: str
    name: str
    role: str
    office_code: str
    office_name: str
    office_kind: str
    token_hash: str
    device_id: str | None = None
