"""Edit conflicts between two desks of one office (issue 7.6), and how the CSO settles them.

Both desks hold an inquiry at version 1 and both edit it to version 2; the first desk's push
is stored, the second desk's answers ``"status": "conflict"`` with the hub's item in
``"current"`` (API.md, inquiries). The second desk then keeps **both** versions: its own in
the ``inquiry`` table (``sync_status = 'conflict'``, no outbox row, so nothing is resent
blindly) and the hub's in ``sync_conflict``. A later pull of the same record updates the
kept hub copy and never overwrites the local one.

The CSO settles a conflict field by field (:func:`resolve`): every field ``mine`` keeps
theirs (sent as the next version above the hub's), every field ``hub`` takes the hub's (no
push: the desk simply holds what the hub holds), a mix is a merge (sent like "mine"). What is
sent goes through the outbox like any edit. No Qt; the dialog is ``gui/dialogs/conflict_dialog``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from hai_desktop.core import inquiries_form, inquiries_hub, outbox
from hai_desktop.core.db.models import Inquiry, database_proxy
from hai_desktop.core.errors import ValidationError
from hai_desktop.core.timeutil import utc_now

RECORD_TYPE = "inquiry"
MINE, HUB = "mine", "hub"
# The record's mark while in conflict. The inquiry table's CHECK allows only pending, synced
# and rejected, so a conflict is "rejected" with this code as its reason (no table rebuild);
# the history shows it as *konflik* and the sync_conflict row is the source of truth.
CONFLICT_STATUS = "rejected"
CONFLICT_MARK = "sync.conflict"

# The fields a CSO edits (InquiryInput's, without the id), in the form's order: what a
# conflict is about and what a merge picks from.
FIELDS: tuple[str, ...] = tuple(
    name for name in inquiries_form.InquiryInput.__dataclass_fields__ if name != "id"
)


@dataclass(frozen=True)
class InquiryConflict:
    """One inquiry in conflict: the desk's version and the hub's, field by field."""

    record_id: str
    local_version: int
    hub_version: int
    detected_at: str
    mine: dict[str, Any]  # field -> value (the FIELDS), this desk's version
    hub: dict[str, Any]  # field -> value, the hub's version (another desk's edit)
    hub_item: dict[str, Any]  # the hub's item as it came (API.md Inquiry + rev)

    @property
    def differing(self) -> list[str]:
        """The fields whose values differ, in the form's order."""
        return [f for f in FIELDS if _norm(self.mine.get(f)) != _norm(self.hub.get(f))]


def _db():
    return database_proxy.obj


def _norm(value: Any) -> Any:
    if value in (None, ""):
        return None
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return value


def record(record_type: str, record_id: str, hub_item: dict[str, Any]) -> None:
    """Keep the hub's version of a record in conflict (inside the caller's transaction).

    A newer hub version replaces an older kept one; an older one never replaces a newer.
    """
    version = int(hub_item.get("version") or 0)
    _db().execute_sql(
        "INSERT INTO sync_conflict (record_type, record_id, hub_version, hub_item, detected_at)"
        " VALUES (?, ?, ?, ?, ?) ON CONFLICT (record_type, record_id) DO UPDATE SET"
        " hub_version = excluded.hub_version, hub_item = excluded.hub_item"
        " WHERE excluded.hub_version >= sync_conflict.hub_version",
        (record_type, record_id, version, json.dumps(hub_item, ensure_ascii=False), utc_now()),
    )


def clear(record_type: str, record_ids: list[str]) -> None:
    """Forget the kept hub versions of these records (the hub accepted a newer one)."""
    for start in range(0, len(record_ids), 500):
        chunk = record_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        _db().execute_sql(
            f"DELETE FROM sync_conflict WHERE record_type = ? AND record_id IN ({marks})",
            (record_type, *chunk),
        )


def count(record_type: str | None = None) -> int:
    """How many records wait for their user to pick a version."""
    if record_type is None:
        return int(_db().execute_sql("SELECT count(*) FROM sync_conflict").fetchone()[0])
    sql = "SELECT count(*) FROM sync_conflict WHERE record_type = ?"
    return int(_db().execute_sql(sql, (record_type,)).fetchone()[0])


def hub_item(record_type: str, record_id: str) -> dict[str, Any] | None:
    """The kept hub version of a record, or None when it is not in conflict."""
    row = (
        _db()
        .execute_sql(
            "SELECT hub_item FROM sync_conflict WHERE record_type = ? AND record_id = ?",
            (record_type, record_id),
        )
        .fetchone()
    )
    return json.loads(row[0]) if row else None


def _fields_of(columns: dict[str, Any]) -> dict[str, Any]:
    return {f: columns.get(f) for f in FIELDS}


def _local_columns(row: Inquiry) -> dict[str, Any]:
    return {f: getattr(row, f) for f in FIELDS}


def get_inquiry_conflict(record_id: str) -> InquiryConflict | None:
    """The conflict of one inquiry, or None (settled, or never in conflict)."""
    row = (
        _db()
        .execute_sql(
            "SELECT hub_version, hub_item, detected_at FROM sync_conflict"
            " WHERE record_type = ? AND record_id = ?",
            (RECORD_TYPE, record_id),
        )
        .fetchone()
    )
    local = Inquiry.get_or_none(Inquiry.id == record_id)
    if row is None or local is None:
        return None
    item = json.loads(row[1])
    return InquiryConflict(
        record_id=record_id,
        local_version=int(local.version),
        hub_version=int(row[0]),
        detected_at=row[2],
        mine=_local_columns(local),
        hub=_fields_of(inquiries_hub._from_wire(item)),
        hub_item=item,
    )


def inquiry_conflicts() -> list[InquiryConflict]:
    """Every inquiry in conflict, oldest detection first."""
    ids = [
        r[0]
        for r in _db().execute_sql(
            "SELECT record_id FROM sync_conflict WHERE record_type = ? ORDER BY detected_at",
            (RECORD_TYPE,),
        )
    ]
    found = (get_inquiry_conflict(i) for i in ids)
    return [c for c in found if c is not None]


def apply_pulled(existing: Inquiry, item: dict[str, Any]) -> bool:
    """A pulled hub item for a record this desk changed too. Returns True when handled here
    (the local version is kept, the hub's kept beside it), False when the pull may apply it.

    Called by the inquiry feed inside its page transaction.
    """
    if existing.sync_status == "synced":
        return False
    if hub_item(RECORD_TYPE, existing.id) is not None:
        record(RECORD_TYPE, existing.id, item)  # keep the newest hub version beside ours
        return True
    if int(item.get("version") or 0) <= int(existing.version):
        return False  # our unsent edit is newer: the push will settle it
    theirs = _fields_of(inquiries_hub._from_wire(item))
    if all(_norm(theirs[f]) == _norm(getattr(existing, f)) for f in FIELDS):
        return False  # the same content: take the hub's, nothing is lost
    # An unsent (or refused) edit of ours and a newer edit from another desk: keep both.
    record(RECORD_TYPE, existing.id, item)
    outbox.drop(RECORD_TYPE, existing.id)
    Inquiry.update(sync_status=CONFLICT_STATUS, sync_error=CONFLICT_MARK).where(
        Inquiry.id == existing.id
    ).execute()
    return True


def resolve(record_id: str, choice: str | dict[str, str]) -> str:
    """Settle one inquiry's conflict: ``"mine"``, ``"hub"``, or a per-field choice.

    Returns what happened: ``"hub"`` (the desk now holds the hub's version, nothing sent) or
    ``"sent"`` (the kept or merged version queued as the version above the hub's). Raises
    ``ValidationError`` when a merge breaks a form rule (say, ``answered`` without answer)
    and ``LookupError`` when the record is not in conflict.
    """
    with _db().atomic():
        conflict = get_inquiry_conflict(record_id)
        if conflict is None:
            raise LookupError(record_id)
        picks = {f: choice for f in FIELDS} if isinstance(choice, str) else dict(choice)
        unknown = set(picks.values()) - {MINE, HUB}
        if unknown:
            raise ValueError(f"unknown choice {sorted(unknown)}")
        for f in FIELDS:
            picks.setdefault(f, MINE)
        if all(picks[f] == HUB for f in conflict.differing):
            _take_hub(conflict)
            return "hub"
        merged = {f: conflict.hub[f] if picks[f] == HUB else conflict.mine[f] for f in FIELDS}
        errors = inquiries_form.validate(_as_input(record_id, merged))
        if errors:
            raise ValidationError(errors)
        Inquiry.update(
            **merged,
            version=max(conflict.local_version, conflict.hub_version) + 1,
            updated_at=utc_now(),
            hub_rev=conflict.hub_item.get("rev"),
            sync_status="pending",
            sync_error=None,
        ).where(Inquiry.id == record_id).execute()
        clear(RECORD_TYPE, [record_id])
        outbox.enqueue(RECORD_TYPE, record_id)
    return "sent"


def _as_input(record_id: str, columns: dict[str, Any]) -> inquiries_form.InquiryInput:
    data = {k: ("" if v is None else v) for k, v in columns.items()}
    data["served_started_at"] = columns.get("served_started_at")
    data["served_ended_at"] = columns.get("served_ended_at")
    data["basis_regulations"] = list(columns.get("basis_regulations") or [])
    data["basis_kb_entry_ids"] = list(columns.get("basis_kb_entry_ids") or [])
    return inquiries_form.InquiryInput.from_dict({"id": record_id, **data})


def _take_hub(conflict: InquiryConflict) -> None:
    values = inquiries_hub._from_wire(conflict.hub_item)
    values.pop("id")
    existing = Inquiry.get(Inquiry.id == conflict.record_id)
    values["created_at"] = existing.created_at
    for key in ("clock_offset_s", "counted_at"):
        if values.get(key) is None:
            values.pop(key)  # keep the desk's own when the hub sent none
    Inquiry.update(**values).where(Inquiry.id == conflict.record_id).execute()
    clear(RECORD_TYPE, [conflict.record_id])
    outbox.drop(RECORD_TYPE, conflict.record_id)


def is_conflict(sync_status: str | None, sync_error: str | None) -> bool:
    """Whether a record's sync mark says "in conflict" (the history's *konflik*)."""
    return sync_status == CONFLICT_STATUS and sync_error == CONFLICT_MARK
