"""The demo's ids, dates and office: what every demo data builder shares.

Ids are UUIDv5 of fixed names and dates are fixed, so rebuilding gives the same bytes.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

# Namespace for every demo id: uuid5(NAMESPACE, "<kind>:<stable name>").
NAMESPACE = uuid.UUID("5b0d6f3e-8c1a-4e57-9a55-1d2f0c7e4a10")
DEMO_OFFICE = "KPPN-JAKARTA-II"


def demo_id(kind: str, name: str) -> str:
    """A stable UUID for a demo record."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{name}"))


def rfc3339(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def end_of_day_wib(day: str) -> str:
    """``"2025-12-31"`` -> the last second of that day in WIB (UTC+7), as RFC 3339 UTC."""
    moment = datetime.strptime(day, "%Y-%m-%d").replace(tzinfo=UTC) + timedelta(hours=17)
    return rfc3339(moment - timedelta(seconds=1))
