"""Drafts: the unsaved state of a form, so that nothing typed is lost if the app dies.

The GUI saves the form's state (debounced) under a key such as ``"inquiry_form"`` and
offers it back at the next start; a successful save discards it.
"""

from __future__ import annotations

from typing import Any

from hai_desktop.core.db.models import Draft, database_proxy
from hai_desktop.core.timeutil import utc_now


def save_draft(key: str, payload: dict[str, Any]) -> None:
    """Store (or replace) the draft ``key``."""
    Draft.replace(key=key, payload=payload, updated_at=utc_now()).execute()


def load_draft(key: str) -> dict[str, Any] | None:
    """The stored draft, or None (also for a draft whose JSON is unreadable)."""
    row = Draft.get_or_none(Draft.key == key)
    if row is None or not isinstance(row.payload, dict):
        return None
    return row.payload


def draft_updated_at(key: str) -> str | None:
    """When the draft was last saved (None if there is none)."""
    row = Draft.get_or_none(Draft.key == key)
    return row.updated_at if row else None


def discard_draft(key: str) -> None:
    """Remove the draft ``key`` (nothing happens if there is none)."""
    Draft.delete().where(Draft.key == key).execute()


def list_drafts() -> list[str]:
    """Keys of every stored draft."""
    return [r[0] for r in database_proxy.obj.execute_sql("SELECT key FROM draft ORDER BY key")]
