"""Small helpers shared by the services: time formatting, the current user, paging."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

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


def byte_bounded(
    items: list[dict[str, Any]], has_more: bool, max_bytes: int | None = None
) -> tuple[list[dict[str, Any]], bool]:
    """A feed page bounded by bytes as well as by count (issue 7.8): items are kept while
    their JSON together stays within ``FEED_PAGE_BYTES_MAX``; a page always keeps its first
    item, so a cursor always moves. Returns the kept items and the new ``has_more``."""
    from hai_contract.limits import FEED_PAGE_BYTES_MAX

    budget = FEED_PAGE_BYTES_MAX if max_bytes is None else max_bytes
    total = 0
    for index, item in enumerate(items):
        size = len(json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        total += size + 1
        if index and total > budget:
            return items[:index], True
    return items, has_more


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
