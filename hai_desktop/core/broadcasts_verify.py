"""Checking a broadcast's Ed25519 signature against the hub key pinned at sign-in.

The key is pinned once per hub (``sync_state`` key ``hub_key``). When the hub later presents
a different key the desk does NOT replace the pinned one: it records the change
(``hub_key_change``) so the screens can say so, and broadcasts signed with the new key stay
*tidak dapat diverifikasi* until IT confirms the new key (:func:`accept_key_change`).
Verification always runs on the fields as stored now, so a row altered in the desk's
database after it arrived fails the check. No Qt.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from hai_contract.broadcasts import SIGNATURE_VERSIONS, signed_bytes
from hai_desktop.core.sync import state
from hai_desktop.core.timeutil import utc_now

KEY_STATE = "hub_key"
KEY_CHANGE_STATE = "hub_key_change"

# Verification outcomes (codes; the GUI and CLI own the words).
VERIFIED = "verified"
BAD_SIGNATURE = "bad_signature"
NO_KEY = "no_key"
UNKNOWN_VERSION = "unknown_version"

# The columns a stored broadcast keeps as JSON text.
JSON_COLUMNS = ("audience", "contact", "attachments", "affected_applications")
BOOL_COLUMNS = ("ack_required", "reply_requested")

_key_cache: dict[str, Ed25519PublicKey] = {}


# (key, signature, SHA-256 of the signed bytes) of every check that passed in this process.
_verified: set[tuple[str, bytes, bytes]] = set()
_VERIFIED_MAX = 100_000


def _load_key(b64: str) -> Ed25519PublicKey | None:
    if b64 in _key_cache:
        return _key_cache[b64]
    try:
        key = Ed25519PublicKey.from_public_bytes(base64.b64decode(b64, validate=True))
    except (ValueError, binascii.Error):
        return None
    _key_cache[b64] = key
    return key


def pinned_key() -> dict[str, Any] | None:
    """``{"public_key", "hub_url", "pinned_at"}`` or None before the first sign-in."""
    value = state.get_value(KEY_STATE)
    return value if isinstance(value, dict) and value.get("public_key") else None


def key_change() -> dict[str, Any] | None:
    """The different key the hub presented, when it did (``{"public_key", "seen_at"}``)."""
    value = state.get_value(KEY_CHANGE_STATE)
    return value if isinstance(value, dict) and value.get("public_key") else None


def pin(public_key_b64: str, hub_url: str) -> str:
    """Pin the hub's key at sign-in. Returns ``pinned``, ``same`` or ``changed``.

    A different key for the same hub is refused (``changed``): recorded, not pinned. Another
    hub address pins afresh (the user chose a different hub in the settings).
    """
    if _load_key(public_key_b64) is None:
        raise ValueError("not an Ed25519 public key")
    current = pinned_key()
    if current and current.get("hub_url") == hub_url:
        if current["public_key"] == public_key_b64:
            state.delete_value(KEY_CHANGE_STATE)
            return "same"
        state.set_value(KEY_CHANGE_STATE, {"public_key": public_key_b64, "seen_at": utc_now()})
        return "changed"
    state.set_value(
        KEY_STATE, {"public_key": public_key_b64, "hub_url": hub_url, "pinned_at": utc_now()}
    )
    state.delete_value(KEY_CHANGE_STATE)
    return "pinned"


def fingerprint(public_key_b64: str) -> str:
    """The key as people compare it by phone or letter: SHA-256 of the raw key, the first
    16 bytes in groups of four hex digits (``AB12 CD34 …``)."""
    digest = hashlib.sha256(base64.b64decode(public_key_b64)).hexdigest()[:32].upper()
    return " ".join(digest[i : i + 4] for i in range(0, len(digest), 4))


def accept_key_change(expected_fingerprint: str | None = None) -> bool:
    """IT confirmed the hub's new key (out of band): pin it. False when there is none, or
    when ``expected_fingerprint`` (as IT read it from the centre) is not the new key's."""
    change = key_change()
    current = pinned_key()
    if not change or not current:
        return False
    if expected_fingerprint is not None:
        wanted = "".join(expected_fingerprint.split()).upper()
        if wanted != "".join(fingerprint(change["public_key"]).split()):
            return False
    state.set_value(
        KEY_STATE,
        {"public_key": change["public_key"], "hub_url": current["hub_url"], "pinned_at": utc_now()},
    )
    state.delete_value(KEY_CHANGE_STATE)
    return True


def item_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """A stored row back in the feed's shape (JSON columns parsed, flags as booleans)."""
    item = dict(row)
    for col in JSON_COLUMNS:
        value = item.get(col)
        if isinstance(value, str):
            try:
                item[col] = json.loads(value)
            except ValueError:
                item[col] = value  # garbage stays garbage: the signature will not match
    for col in BOOL_COLUMNS:
        if item.get(col) is not None:
            item[col] = bool(item[col])
    return item


def verify_item(item: dict[str, Any], public_key_b64: str | None) -> str:
    """Check one broadcast (feed shape) against a key: a code from this module."""
    if not public_key_b64:
        return NO_KEY
    key = _load_key(public_key_b64)
    if key is None:
        return NO_KEY
    version = item.get("signature_version") or 1
    if version not in SIGNATURE_VERSIONS:
        return UNKNOWN_VERSION
    try:
        signature = base64.b64decode(str(item.get("signature") or ""), validate=True)
        message = signed_bytes(item, int(version))
        # Ed25519 verification is most of the inbox's cost (0.2 ms a row); the same bytes,
        # signature and key always give the same answer, so remember it. Any change to a
        # stored field changes the digest and is checked afresh.
        memo = (public_key_b64, signature, hashlib.sha256(message).digest())
        if memo in _verified:
            return VERIFIED
        key.verify(signature, message)
    except (InvalidSignature, ValueError, binascii.Error, TypeError):
        return BAD_SIGNATURE
    if len(_verified) >= _VERIFIED_MAX:
        _verified.clear()
    _verified.add(memo)
    return VERIFIED


def verify_row(row: dict[str, Any], public_key_b64: str | None = None) -> str:
    """Check a stored row against the pinned key (or the one given)."""
    if public_key_b64 is None:
        pinned = pinned_key()
        public_key_b64 = pinned["public_key"] if pinned else None
    return verify_item(item_from_row(row), public_key_b64)
