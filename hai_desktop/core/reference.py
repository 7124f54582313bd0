"""Reference data (departments, channels, applications, offices, ...) in the local database.

Seeded from the contract's bundled ``hai_contract/reference/reference.json`` on first start and replaced
from the hub's ``GET /api/v1/reference`` by the sync engine. A list whose items carry a
``code`` becomes rows of ``reference_item`` (a list of plain strings too, e.g.
``email_domains``); anything else (``sla``, ``attachment_rules``, ``version``) is kept as JSON
in ``reference_meta`` under ``json:<key>`` and read with ``value(key)``.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from hai_contract.reference import load_reference, reference_path
from hai_desktop.core.db.models import ReferenceItem, ReferenceMeta, database_proxy
from hai_desktop.core.timeutil import utc_now

log = logging.getLogger(__name__)

# Lists the hub's payload lacks (API.md fixes their codes): taken from the bundled data
# when the database has none.
BUILTIN_KINDS = ("outcomes", "out_of_scope_reasons")

_CACHE_ATTR = "_hai_reference_cache"


def _cache() -> dict[str, list[dict[str, Any]]]:
    # Kept on the database object itself so that a newly opened profile never sees another
    # database's lists.
    db = database_proxy.obj
    cache = getattr(db, _CACHE_ATTR, None)
    if cache is None:
        cache = {}
        setattr(db, _CACHE_ATTR, cache)
    return cache


def _clear_cache() -> None:
    _cache().clear()


def bundled_reference_path() -> Path:
    """Where the bundled reference seed lives (package data of the contract)."""
    return reference_path()


def load_bundled_reference() -> dict[str, Any]:
    """The bundled reference payload."""
    return load_reference()


def _as_items(value: Any) -> list[dict[str, Any]] | None:
    """The list as code/name items, or None if it is not such a list."""
    if not isinstance(value, list) or not value:
        return None
    out = []
    for entry in value:
        if isinstance(entry, str):
            out.append({"code": entry, "name": entry})
        elif isinstance(entry, dict) and isinstance(entry.get("code"), str):
            out.append(entry)
        else:
            return None
    return out


def replace_reference(payload: dict[str, Any], etag: str | None = None) -> None:
    """Store a reference payload in one transaction.

    Each kind present in ``payload`` replaces that kind entirely; kinds the payload lacks
    are kept (the hub's payload has no ``outcomes``, the bundled one does).
    """
    db = database_proxy.obj
    now = utc_now()
    with db.atomic():
        for key, value in payload.items():
            if key.startswith("_"):
                continue
            items = _as_items(value)
            if items is None:
                ReferenceMeta.replace(key=f"json:{key}", value=json.dumps(value)).execute()
                continue
            ReferenceItem.delete().where(ReferenceItem.kind == key).execute()
            rows = [
                {
                    "kind": key,
                    "code": item["code"],
                    "name": str(item.get("name") or item["code"]),
                    "data": item,
                    "sort_order": int(item.get("sort_order") or index),
                }
                for index, item in enumerate(items, start=1)
            ]
            for start in range(0, len(rows), 200):
                ReferenceItem.insert_many(rows[start : start + 200]).execute()
        ReferenceMeta.replace(key="etag", value=etag).execute()
        if "version" in payload:
            ReferenceMeta.replace(key="version", value=str(payload["version"])).execute()
        ReferenceMeta.replace(key="refreshed_at", value=now).execute()
    _clear_cache()


def is_seeded() -> bool:
    """Whether any reference data is stored."""
    return ReferenceItem.select().limit(1).exists()


def seed_reference_if_empty() -> bool:
    """Load the bundled reference data if the database has none. Returns True if it did."""
    if is_seeded():
        return False
    replace_reference(load_bundled_reference(), etag=None)
    log.info("reference data seeded from the bundled file")
    return True


def items(kind: str) -> list[dict[str, Any]]:
    """The items of one list (each a dict with at least ``code`` and ``name``), in order."""
    cache = _cache()
    if kind not in cache:
        rows = (
            ReferenceItem.select(ReferenceItem.data, ReferenceItem.code, ReferenceItem.name)
            .where(ReferenceItem.kind == kind)
            .order_by(ReferenceItem.sort_order, ReferenceItem.code)
        )
        found = []
        for row in rows:
            item = dict(row.data or {})
            item.setdefault("code", row.code)
            item.setdefault("name", row.name)
            found.append(item)
        if not found and kind in BUILTIN_KINDS:
            found = [dict(i) for i in load_reference().get(kind, [])]
        cache[kind] = found
    return cache[kind]


def codes(kind: str) -> set[str]:
    """The set of codes of one list."""
    return {item["code"] for item in items(kind)}


def name_of(kind: str, code: str | None) -> str:
    """The Indonesian name of ``code`` in list ``kind`` (the code itself if unknown)."""
    if not code:
        return ""
    for item in items(kind):
        if item["code"] == code:
            return str(item.get("name") or code)
    return code


def value(key: str, default: Any = None) -> Any:
    """A non-list reference value (``sla``, ``attachment_rules``, ``desk_version``, ...)."""
    row = ReferenceMeta.get_or_none(ReferenceMeta.key == f"json:{key}")
    if row is None or row.value is None:
        return default
    return json.loads(row.value)


def meta(key: str) -> str | None:
    """A ``reference_meta`` value (``etag``, ``version``, ``refreshed_at``)."""
    row = ReferenceMeta.get_or_none(ReferenceMeta.key == key)
    return row.value if row else None


def reference_etag() -> str | None:
    """The ETag of the stored reference data (None for the bundled seed)."""
    return meta("etag")


def email_domains() -> list[str]:
    """The allowed official e-mail domains, lower case."""
    return [item["code"].lower() for item in items("email_domains")]
