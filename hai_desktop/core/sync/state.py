"""Persistent sync state in the desk database: feed cursors and small JSON values.

Everything here runs on the bound database (``database_proxy``) and is meant to be called
inside the caller's transaction where it matters (a cursor with the page it belongs to).
"""

from __future__ import annotations

import json
from typing import Any

from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.timeutil import utc_now


def get_cursor(feed: str) -> int:
    """The stored cursor of a feed (0 = from the beginning)."""
    row = database_proxy.obj.execute_sql(
        "SELECT cursor FROM sync_cursor WHERE feed = ?", (feed,)
    ).fetchone()
    return int(row[0]) if row else 0


def set_cursor(feed: str, cursor: int) -> None:
    """Store a feed's cursor (call in the transaction that stored the page)."""
    database_proxy.obj.execute_sql(
        "INSERT INTO sync_cursor (feed, cursor, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor,"
        " updated_at = excluded.updated_at",
        (feed, int(cursor), utc_now()),
    )


def all_cursors() -> dict[str, int]:
    rows = database_proxy.obj.execute_sql("SELECT feed, cursor FROM sync_cursor").fetchall()
    return {feed: int(cursor) for feed, cursor in rows}


def reset_cursors() -> None:
    """Forget every cursor (a different hub or office: pull everything again)."""
    database_proxy.obj.execute_sql("DELETE FROM sync_cursor")


def get_value(key: str, default: Any = None) -> Any:
    """A JSON value from ``sync_state`` (``default`` when missing or unreadable)."""
    row = database_proxy.obj.execute_sql(
        "SELECT value FROM sync_state WHERE key = ?", (key,)
    ).fetchone()
    if not row:
        return default
    try:
        return json.loads(row[0])
    except ValueError:
        return default


def set_value(key: str, value: Any) -> None:
    """Store a JSON value in ``sync_state``."""
    database_proxy.obj.execute_sql(
        "INSERT INTO sync_state (key, value, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
        " updated_at = excluded.updated_at",
        (key, json.dumps(value, ensure_ascii=False), utc_now()),
    )


def delete_value(key: str) -> None:
    database_proxy.obj.execute_sql("DELETE FROM sync_state WHERE key = ?", (key,))
