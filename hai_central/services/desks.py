"""Desk heartbeats (who is alive, how full their outbox is) and the desk list."""

from __future__ import annotations

from typing import Any

from hai_central.errors import forbidden
from hai_central.schemas.admin import HeartbeatIn
from hai_central.services.common import CurrentUser, iso, now_iso
from hai_central.store import db as store
from hai_central.store.models import AppUser, Broadcast, Desk, Inquiry, KbEntry, Office, Ticket


def heartbeat(user: CurrentUser, hb: HeartbeatIn) -> dict[str, Any]:
    """Record a desk's heartbeat (an upsert by device id); returns the hub's time.

    Raises 403 when the device id is already registered to another office's user.
    """
    now = now_iso()
    row = dict(
        user_id=user.id,
        office_code=user.office_code,
        app_version=hb.app_version,
        outbox_depth=hb.outbox_depth,
        oldest_unsent_at=iso(hb.oldest_unsent_at) if hb.oldest_unsent_at else None,
        last_pull_at=iso(hb.last_pull_at) if hb.last_pull_at else None,
        client_time=iso(hb.client_time),
        last_seen=now,
    )
    with store.transaction() as db:
        if store.is_postgres(db):
            # A heartbeat lost in a crash is harmless (the next one comes within a minute):
            # do not make a thousand desks wait on the WAL flush.
            db.execute_sql("SET LOCAL synchronous_commit TO OFF")
        # The row is keyed on the device id alone, so the conflict update is limited to the
        # device's own office (or its own user, who may have moved office): a user of another
        # office can never overwrite it. Nothing returned = the existing row was not ours.
        written = (
            Desk.insert(device_id=hb.device_id, **row)
            .on_conflict(
                conflict_target=[Desk.device_id],
                update={getattr(Desk, k): v for k, v in row.items()},
                where=(Desk.office_code == user.office_code) | (Desk.user_id == user.id),
            )
            .returning(Desk.device_id)
            .execute()
        )
        if not list(written):
            raise forbidden("this device is registered to another office")
    from hai_central import __version__

    out: dict[str, Any] = {"server_time": now_iso(), "version": __version__}  # the About dialog
    if hb.cursors is not None or hb.reference_etag is not None:
        out["unchanged"] = unchanged_feeds(user, hb.cursors or {}, hb.reference_etag)
    return out


def unchanged_feeds(
    user: CurrentUser, cursors: dict[str, int], reference_etag: str | None
) -> list[str]:
    """The feeds in ``cursors`` with nothing for ``user`` beyond the cursor, and ``reference``
    when ``reference_etag`` is current: what an idle desk need not ask for (issue 13).

    A feed is quiet when its newest change number in the caller's scope is not beyond the
    cursor: exactly when its ``/changes`` would bring nothing. One statement asks all four
    (each an index's last entry); broadcasts, whose audience is checked per row, are asked
    as their feed is only when one is newer than the cursor.
    """
    from hai_central.services import broadcasts, reference, scoping

    quiet: list[str] = []
    with store.session() as db:  # one connection for every probe
        if FEEDS.intersection(cursors):
            scope = scoping.read_scope(user, None)
            office = "" if scope is None else f" WHERE office_code = {db.param}"
            sql = (
                f"SELECT (SELECT MAX(rev) FROM {Inquiry._meta.table_name}{office}),"
                f" (SELECT MAX(rev) FROM {KbEntry._meta.table_name}),"
                f" (SELECT MAX(rev) FROM {Ticket._meta.table_name}{office}),"
                f" (SELECT MAX(rev) FROM {Broadcast._meta.table_name})"
            )
            params = [] if scope is None else [scope, scope]
            newest = dict(zip(FEED_ORDER, db.execute_sql(sql, params).fetchone(), strict=True))
            for name, cursor in cursors.items():
                if name not in newest:
                    continue  # a feed this hub does not know: the desk pulls it
                if (newest[name] or 0) <= max(0, cursor):
                    quiet.append(name)
                elif name == "broadcasts" and not broadcasts.changes(user, cursor, 1)["items"]:
                    quiet.append(name)  # newer ones exist, none addressed to this office
        if reference_etag is not None and reference.reference_document()[1] == reference_etag:
            quiet.append("reference")
    return quiet


# The feeds the heartbeat vouches for, in the order of the statement's columns.
FEED_ORDER = ("inquiries", "kb", "tickets", "broadcasts")
FEEDS = frozenset(FEED_ORDER)


def list_desks(office_code: str | None = None) -> list[dict[str, Any]]:
    """All desks, most recently seen first."""
    # Plain rows rather than models: the national view lists a thousand desks at once.
    with store.session():
        users = dict(AppUser.select(AppUser.id, AppUser.name).tuples())
        offices = dict(Office.select(Office.code, Office.name).tuples())
        query = Desk.select().order_by(Desk.last_seen.desc())
        if office_code:
            query = query.where(Desk.office_code == office_code)
        rows = list(query.dicts())
    return [
        {
            "device_id": d["device_id"],
            "office_code": d["office_code"],
            "office_name": offices.get(d["office_code"]),
            "user_id": d["user_id"],
            "user_name": users.get(d["user_id"]),
            "device_name": d["device_name"],
            "app_version": d["app_version"],
            "outbox_depth": d["outbox_depth"],
            "oldest_unsent_at": d["oldest_unsent_at"],
            "last_pull_at": d["last_pull_at"],
            "client_time": d["client_time"],
            "last_seen": d["last_seen"],
        }
        for d in rows
    ]
