"""Broadcast codes and the signature's canonical object, shared by hub and desk.

The codes are the contract's (API.md, Broadcasts); the desk and CLI own the words for them.
"""

from __future__ import annotations

import json
from typing import Any

from hai_contract.codes import BROADCAST_KINDS

KIND_INFO = "info"
KIND_OUTAGE = "outage"
KIND_DATA_REQUEST = "data_request"
KIND_SERVICE_CHANGE = "service_change"
KIND_OTHER = "other"
KINDS = BROADCAST_KINDS

URGENCY_NORMAL = "normal"
URGENCY_URGENT = "urgent"

# An outage notice's lifecycle, in order (as status pages do).
OUTAGE_INVESTIGATING = "investigating"
OUTAGE_IDENTIFIED = "identified"
OUTAGE_MONITORING = "monitoring"
OUTAGE_RESOLVED = "resolved"
# (The tuples of codes are in codes.py: BROADCAST_KINDS, URGENCIES, OUTAGE_STATUSES.)

# Data-request reply states as the broadcaster's view reports them per office.
REPLY_REPLIED = "replied"
REPLY_LATE = "late"
REPLY_MISSING = "missing"
REPLY_STATES = (REPLY_REPLIED, REPLY_LATE, REPLY_MISSING)

# Receipt states per addressed office.
RECEIPT_ACKNOWLEDGED = "acknowledged"
RECEIPT_READ = "read"
RECEIPT_NONE = "none"

SIGNED_FIELDS_V1 = (
    "id",
    "kind",
    "title",
    "body",
    "urgency",
    "contact",
    "attachments",
    "published_at",
)
# Version 2 covers every field that changes what a desk shows or does: who a notice is for,
# how long it holds, which outage it updates and whether it must be acknowledged or answered.
SIGNED_FIELDS_V2 = SIGNED_FIELDS_V1 + (
    "number",
    "audience",
    "valid_until",
    "updates",
    "outage_status",
    "affected_applications",
    "ack_required",
    "reply_requested",
    "reply_due",
)
SIGNATURE_VERSION = 2
SIGNATURE_VERSIONS = {1: SIGNED_FIELDS_V1, 2: SIGNED_FIELDS_V2}


def signed_fields(version: int) -> tuple[str, ...]:
    """The fields a signature of ``version`` covers (KeyError for an unknown version)."""
    return SIGNATURE_VERSIONS[int(version)]


def canonical_json(obj: Any) -> bytes:
    """Keys sorted, ``,``/``:`` separators without spaces, UTF-8 (no ``\\u`` escapes)."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def signed_part(item: dict[str, Any], version: int) -> dict[str, Any]:
    """The object a signature of ``version`` covers, absent fields as ``null``."""
    return {k: item.get(k) for k in signed_fields(version)}


def signed_bytes(item: dict[str, Any], version: int) -> bytes:
    """The exact bytes an Ed25519 signature of ``version`` is made over."""
    return canonical_json(signed_part(item, version))
