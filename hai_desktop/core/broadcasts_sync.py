"""Broadcasts over the wire: the hub key at sign-in, the feed, receipts, replies, files.

Called by the sync engine (feed and outbox record types) and by sign-in. Receipts and replies
are outbox rows written in the same transaction as the local change, so a ``kill -9`` at any
point leaves them queued; the hub is idempotent for both (receipts keep the first times,
replies are keyed by their id), so a resend after a crash stores nothing twice. No Qt.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from hai_desktop.core import broadcast_replies, broadcasts
from hai_desktop.core import broadcasts_verify as verify
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.sync import registry
from hai_desktop.core.sync.client import API_PREFIX, HubClient
from hai_desktop.core.sync.protocol import ErrorKind, HubError

log = logging.getLogger(__name__)

ATTACHMENT_MAX_ATTEMPTS = 5
ATTACHMENT_MAX_BYTES = 15 * 1024 * 1024 + 64 * 1024


def public_key(client: HubClient) -> str:
    """``GET /broadcasts/public-key`` → the base64 of the hub's Ed25519 key."""
    body = client._json(client._request("GET", "/broadcasts/public-key"), ("public_key",))
    if body.get("algorithm") != "Ed25519":
        raise HubError(ErrorKind.HUB_FAULT, "bad_shape", status=200)
    return str(body["public_key"])


def pin_at_sign_in(client: HubClient, hub_url: str) -> str:
    """Pin the hub's key (``pinned``/``same``/``changed``; a change is refused and recorded)."""
    with database_proxy.obj.atomic():
        return verify.pin(public_key(client), hub_url)


def ensure_key(client: HubClient) -> int:
    """Before the feed: pin the hub's key if this desk has none yet (one request, once)."""
    if verify.pinned_key() is not None:
        return 0
    account = broadcasts.account()
    pin_at_sign_in(client, str(account.get("hub_url") or client.base_url))
    return 0


def after_feed(client: HubClient, attachments_dir: Path) -> int:
    """After the feed: notice a key change, then fetch the files of new broadcasts.

    The hub's key is asked for only when a broadcast arrived that does not verify with the
    pinned key: a changed key is then recorded and said, never pinned silently.
    """
    seen = broadcasts.bad_signature_watermark()
    if seen is not None:
        pinned = verify.pinned_key()
        if pinned:
            with database_proxy.obj.atomic():
                verify.pin(public_key(client), pinned["hub_url"])
        broadcasts.set_bad_signature_watermark(seen)
    counts = fetch_attachments(client, attachments_dir)
    return counts["stored"]


# --------------------------------------------------------------------------- receipts


def send_receipts(client: HubClient, items: list[Any]) -> dict[str, dict[str, Any]]:
    """``POST /broadcasts/receipts`` for a batch (items: registry.PushItem)."""
    body = client._json(
        client._request(
            "POST", "/broadcasts/receipts", json_body={"items": [i.wire for i in items]}
        ),
        ("results",),
    )
    results: dict[str, dict[str, Any]] = {}
    for result in body["results"]:
        bid = str(result.get("broadcast_id"))
        if result.get("status") == "recorded":
            results[bid] = {"status": "created"}
        else:
            error = result.get("error") or {}
            results[bid] = {"status": "rejected", "error": error.get("message") or "ditolak"}
    return results


# --------------------------------------------------------------------------- replies


def _put_attachment(client: HubClient, att: dict[str, Any]) -> None:
    """Upload one file of a reply (the hub answers 201 new, 200 already there)."""
    path = Path(att["path"])
    data = path.read_bytes()
    if hashlib.sha256(data).hexdigest() != att["sha256"]:
        raise HubError(ErrorKind.REJECTED, "attachment_changed", status=422)
    url = f"{client.base_url}{API_PREFIX}/attachments/{att['sha256']}"
    headers = {
        "Content-Type": "application/octet-stream",
        "X-Filename": "UTF-8''" + quote(att["filename"]),
    }
    if client.access_token:
        headers["Authorization"] = f"Bearer {client.access_token}"
    client.request_count += 1
    try:
        resp = client.session.put(
            url,
            data=data,
            headers=headers,
            timeout=client.timeout,
            proxies=client._proxies_for(url),
            verify=client.verify,
        )
    except OSError as exc:  # requests' exceptions are OSErrors
        raise HubError(ErrorKind.OFFLINE, "connection") from exc
    if resp.status_code >= 400:
        raise client._error_for(resp)


def send_replies(client: HubClient, items: list[Any]) -> dict[str, dict[str, Any]]:
    """One ``POST /broadcasts/{id}/replies`` per reply, its files uploaded first."""
    results: dict[str, dict[str, Any]] = {}
    for item in items:
        reply = item.record
        try:
            for att in reply["attachments"]:
                _put_attachment(client, att)
            body = client._json(
                client._request(
                    "POST", f"/broadcasts/{reply['broadcast_id']}/replies", json_body=item.wire
                ),
                ("id",),
            )
        except HubError as err:
            if err.kind is ErrorKind.REJECTED and err.status not in (None, 401, 403):
                results[item.record_id] = {
                    "status": registry.REJECTED,
                    "error": err.hub_message or err.user_message,
                }
                continue
            raise registry.PartialBatch(results, err) from err
        results[item.record_id] = {"status": "created", "late": body.get("late")}
    return results


def store_reply_results(pairs: list[tuple[Any, dict[str, Any]]]) -> None:
    """In the ack's transaction: the reply was received (and whether it was late)."""
    for item, result in pairs:
        if result.get("status") == "created":
            broadcast_replies.mark_sent(item.record_id, result.get("late"))


# --------------------------------------------------------------------------- files


def fetch_attachments(client: HubClient, attachments_dir: Path) -> dict[str, int]:
    """Download the files of received broadcasts, so they open offline.

    A file the hub does not have (404) is marked ``missing`` and not asked for again; other
    failures are retried on later passes, up to ATTACHMENT_MAX_ATTEMPTS.
    """
    db = database_proxy.obj
    rows = db.execute_sql(
        "SELECT a.broadcast_id, a.sha256, a.filename FROM broadcast_attachment a"
        " JOIN broadcast b ON b.id = a.broadcast_id"
        " WHERE b.problem IS NULL AND a.state IN ('pending', 'failed') AND a.attempts < ?",
        (ATTACHMENT_MAX_ATTEMPTS,),
    ).fetchall()
    counts = {"stored": 0, "missing": 0, "failed": 0}
    for broadcast_id, sha, _filename in rows:
        state, path, size, error = _download(client, attachments_dir, sha)
        db.execute_sql(
            "UPDATE broadcast_attachment SET state = ?, path = ?, size = ?, error = ?,"
            " attempts = attempts + 1 WHERE broadcast_id = ? AND sha256 = ?",
            (state, path, size, error, broadcast_id, sha),
        )
        counts[state] += 1
    return counts


def _download(
    client: HubClient, root: Path, sha: str
) -> tuple[str, str | None, int | None, str | None]:
    target = root / sha[:2] / sha
    if target.is_file():
        return "stored", str(target), target.stat().st_size, None
    try:
        resp = client._request("GET", f"/attachments/{sha}", headers={"Accept": "*/*"})
    except HubError as err:
        if err.status == 404:
            return "missing", None, None, "not_on_hub"
        if err.kind is ErrorKind.OFFLINE:
            raise
        return "failed", None, None, err.reason
    data = resp.content
    if len(data) > ATTACHMENT_MAX_BYTES or hashlib.sha256(data).hexdigest() != sha:
        return "failed", None, None, "hash_mismatch"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f"{sha}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)
    return "stored", str(target), len(data), None


# --------------------------------------------------------------------------- registration


def _attachments_dir() -> Path:
    """The profile's attachments folder (next to the bound database file)."""
    return Path(database_proxy.obj.database).parent / "attachments"


def _load_receipt(broadcast_id: str) -> dict[str, Any] | None:
    return broadcasts.receipt_wire(broadcast_id)


registry.register_push(
    registry.PushType(
        record_type=broadcasts.RECEIPT_RECORD_TYPE,
        load=_load_receipt,
        to_wire=lambda wire: wire,
        send=send_receipts,
        batch_size=500,
        order=150,
    )
)
registry.register_push(
    registry.PushType(
        record_type=broadcasts.REPLY_RECORD_TYPE,
        load=broadcast_replies.get_reply,
        to_wire=broadcast_replies.wire,
        send=send_replies,
        on_results=store_reply_results,
        batch_size=20,
        order=160,
    )
)
registry.register_feed(registry.Feed(name="broadcast_key", pull=ensure_key, order=40))
registry.register_feed(
    registry.Feed(
        name=broadcasts.FEED,
        fetch=lambda client, cursor: client.broadcasts_changes(cursor),
        apply=broadcasts.apply_feed,
        order=41,
    )
)
registry.register_feed(
    registry.Feed(
        name="broadcast_files",
        pull=lambda client: after_feed(client, _attachments_dir()),
        order=42,
    )
)
