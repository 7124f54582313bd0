"""Reference data (departments, channels, SLA, …) and offices: seeding, reading, ETag."""

from __future__ import annotations

import hashlib
import json
import secrets
from pathlib import Path
from typing import Any

from hai_central.errors import ApiError
from hai_central.store import db as store
from hai_central.store.models import Office, ReferenceItem
from hai_contract import attachments, limits
from hai_contract.codes import OFFICE_KINDS
from hai_contract.reference import load_reference

REFERENCE_KEYS = (
    "departments",
    "channels",
    "applications",
    "priorities",
    "sla",
    "broadcast_kinds",
    "attachment_rules",
    "email_domains",
    "desk_version",
)
PUSAT = {
    "code": "PUSAT",
    "name": "Kantor Pusat Direktorat Jenderal Perbendaharaan",
    "kind": "PUSAT",
    "parent_code": None,
}


def bundled() -> dict[str, Any]:
    """The contract's bundled reference document (the seed, and the value of a key that a
    custom reference file lacks)."""
    return load_reference()


def load_reference_file(path: Path) -> dict[str, Any]:
    """The reference JSON to seed from (same shape as GET /reference); the bundled one when
    ``path`` does not exist."""
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return bundled()


def seed(reference_file: Path) -> None:
    """At first start: store the reference data and the office PUSAT (never overwrites)."""
    data = load_reference_file(reference_file)
    defaults = bundled()
    pusat = next((o for o in data.get("offices", []) if o.get("code") == "PUSAT"), PUSAT)
    with store.transaction() as db:
        for key, value in data.items():
            if key == "offices" or key.startswith("_"):
                continue
            ReferenceItem.insert(key=key, value=value).on_conflict_ignore().execute()
        for key in REFERENCE_KEYS:
            if key not in data:
                ReferenceItem.insert(key=key, value=defaults[key]).on_conflict_ignore().execute()
        p = db.param
        db.execute_sql(
            f"INSERT INTO counter (name, value) VALUES ('reference', {p}) ON CONFLICT (name) DO NOTHING",
            (int(data.get("version") or 1),),
        )
        # This database's own mark in the document cache's key: a database wiped and seeded
        # again restarts its version, and must not be served a document cached before.
        db.execute_sql(
            f"INSERT INTO counter (name, value) VALUES ('reference_salt', {p}) ON CONFLICT (name) DO NOTHING",
            (secrets.randbits(62),),
        )
        upsert_office(pusat, overwrite=False)


def _office_extra(item: dict[str, Any]) -> dict[str, Any]:
    return {
        k: v for k, v in item.items() if k not in ("code", "name", "kind", "parent_code", "active")
    }


def upsert_office(item: dict[str, Any], *, overwrite: bool = True) -> bool:
    """Create (or with ``overwrite`` update) an office; bumps the reference version.

    Returns True when a row was written.
    """
    code = str(item.get("code") or "").strip()
    name = str(item.get("name") or "").strip()
    kind = str(item.get("kind") or "").strip()
    if not code:
        raise ApiError(422, "invalid_field", "office code is required", {"field": "code"})
    if not name:
        raise ApiError(422, "invalid_field", "office name is required", {"field": "name"})
    from hai_central.services.calendar import check_timezone

    check_timezone(item.get("timezone"))
    if kind not in OFFICE_KINDS:
        raise ApiError(
            422,
            "invalid_field",
            f"office kind must be one of {', '.join(OFFICE_KINDS)}",
            {"field": "kind"},
        )
    row = {
        "code": code,
        "name": name,
        "kind": kind,
        "parent_code": item.get("parent_code"),
        "active": bool(item.get("active", True)),
        "extra": _office_extra(item),
    }
    with store.transaction():
        query = Office.insert(**row)
        if overwrite:
            query = query.on_conflict(
                conflict_target=[Office.code],
                update={
                    Office.name: name,
                    Office.kind: kind,
                    Office.parent_code: row["parent_code"],
                    Office.active: row["active"],
                    Office.extra: row["extra"],
                },
            )
        else:
            return store.insert_new(Office, **row) and (bump_version() or True)
        written = query.execute()
        bump_version()
    return bool(written)


def create_office(data: dict[str, Any]) -> dict[str, Any]:
    """Create an office (POST /admin/offices and the console): 422 for an unknown parent,
    409 when the code exists."""
    if data.get("parent_code") and get_office(data["parent_code"]) is None:
        raise ApiError(422, "invalid_field", "unknown parent office", {"field": "parent_code"})
    if not upsert_office(data, overwrite=False):
        raise ApiError(409, "conflict", "an office with this code exists", {"field": "code"})
    office = get_office(data["code"])
    assert office is not None
    return office_public(office)


def bump_version() -> None:
    """Reference data changed: raise its version (part of the ETag)."""
    store.next_counter("reference")


def offices() -> list[dict[str, Any]]:
    """All offices as the API shows them."""
    with store.session():
        return [office_public(o) for o in Office.select().order_by(Office.code)]


def office_public(o: Office) -> dict[str, Any]:
    from hai_central.services.calendar import timezone_for

    out = dict(o.extra or {})
    out.update(code=o.code, name=o.name, kind=o.kind, parent_code=o.parent_code, active=o.active)
    # Every office shows its time zone (its own, else its province's): SLA dues use it.
    out["timezone"] = timezone_for(o.extra)
    return out


def get_office(code: str) -> Office | None:
    with store.session():
        return Office.get_or_none(Office.code == code)


# The last document built, by (database mark, reference version): 1,000 desks ask for it every minute, and
# building it (200+ offices) costs more than the rest of an idle sync. Every write of the
# reference data or an office raises the version (bump_version), in every worker's database.
_cached: tuple[tuple[Any, int], dict[str, Any], str] | None = None


def reference_document() -> tuple[dict[str, Any], str]:
    """The GET /reference document and its ETag (a hash of the whole document)."""
    global _cached
    with store.session() as db:
        # The version first: a document read after it is at least as new as that version,
        # so the cache can hold an older document under a newer version, never the reverse.
        marks = dict(
            db.execute_sql(
                "SELECT name, value FROM counter WHERE name IN ('reference', 'reference_salt')"
            ).fetchall()
        )
        version = int(marks.get("reference") or 1)
        cache_key = (marks.get("reference_salt"), version)
        cached = _cached
        if cached is not None and cached[0] == cache_key:
            return cached[1], cached[2]
        doc: dict[str, Any] = {r.key: r.value for r in ReferenceItem.select()}
        doc["offices"] = [office_public(o) for o in Office.select().order_by(Office.code)]
    doc["version"] = version
    defaults = bundled()
    for key in REFERENCE_KEYS:
        doc.setdefault(key, defaults[key])
    # The rules the hub enforces are the contract's, whatever an old seed stored.
    doc["attachment_rules"] = attachments.as_reference()
    doc["limits"] = limits.as_reference()
    canonical = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    etag = '"' + hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32] + '"'
    _cached = (cache_key, doc, etag)
    return doc, etag


def get_item(key: str) -> Any:
    """One reference item (e.g. ``email_domains``) with the built-in default."""
    with store.session():
        row = ReferenceItem.get_or_none(ReferenceItem.key == key)
    return row.value if row else bundled().get(key)


def import_offices(items: list[dict[str, Any]]) -> int:
    """Create or update many offices at once (parents first); returns how many."""
    kinds_order = {"PUSAT": 0, "KANWIL": 1, "KPPN": 2}
    with store.transaction():
        for item in sorted(items, key=lambda o: kinds_order.get(o.get("kind"), 3)):
            upsert_office(item, overwrite=True)
    return len(items)
