"""Opening the hub database and the transaction helpers every service uses.

One hub per process: :data:`hai_central.store.models.database_proxy` is bound to the
database opened by :func:`open_database`. Connections come from a pool; a service wraps its
work in :func:`session` (read) or :func:`transaction` (write), both nestable.

Change numbers (``rev``) come from ONE counter row updated inside the writing transaction
(:func:`next_rev`). The row lock taken by that UPDATE is held until commit, so writers
commit in ``rev`` order and a feed reader can never see rev 11 before rev 10 is visible.
On SQLite, write transactions begin IMMEDIATE, which serialises writers the same way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlparse

import peewee
from playhouse.pool import PooledSqliteDatabase
from playhouse.postgres_ext import PooledPsycopg3Database

from hai_central.store.models import database_proxy

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 1,  # NORMAL: durable in WAL mode except for a power cut mid-checkpoint
    "foreign_keys": 1,
    "busy_timeout": 30000,
    "cache_size": -32000,
}


def make_database(url: str, *, max_connections: int = 20) -> peewee.Database:
    """A (not yet connected) pooled peewee database for a ``sqlite:///`` or ``postgresql://`` URL."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        path = unquote(parsed.path)
        if url.startswith("sqlite:////"):
            path = "/" + path.lstrip("/")
        elif url.startswith("sqlite:///"):
            path = path[1:] if path.startswith("/") else path
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        return PooledSqliteDatabase(
            path,
            pragmas=SQLITE_PRAGMAS,
            check_same_thread=False,
            lock_type="IMMEDIATE",  # writers take the lock up front: no upgrade deadlocks
            max_connections=max_connections,
            stale_timeout=600,
            timeout=30,
            autoconnect=False,  # every query runs inside session()/transaction(): no leaks
        )
    if parsed.scheme in ("postgresql", "postgres"):
        kwargs: dict[str, object] = {}
        if parsed.hostname:
            kwargs["host"] = parsed.hostname
        if parsed.port:
            kwargs["port"] = parsed.port
        if parsed.username:
            kwargs["user"] = unquote(parsed.username)
        if parsed.password:
            kwargs["password"] = unquote(parsed.password)
        kwargs.update(dict(parse_qsl(parsed.query)))
        return PooledPsycopg3Database(
            unquote(parsed.path.lstrip("/")),
            max_connections=max_connections,
            stale_timeout=600,
            timeout=30,
            autoconnect=False,
            **kwargs,
        )
    raise ValueError(f"unsupported database URL scheme: {parsed.scheme!r}")


def is_postgres(db: peewee.Database) -> bool:
    """True when ``db`` is a PostgreSQL database."""
    return isinstance(db, peewee.PostgresqlDatabase)


def bind(db: peewee.Database) -> None:
    """Point the models at ``db`` (one hub per process)."""
    database_proxy.initialize(db)


def current_db() -> peewee.Database:
    """The database the models are bound to."""
    db = database_proxy.obj
    if db is None:
        raise RuntimeError("the hub database is not open")
    return db


@contextmanager
def session() -> Iterator[peewee.Database]:
    """A pooled connection for the current thread (nestable)."""
    db = current_db()
    with db.connection_context():
        yield db


@contextmanager
def transaction() -> Iterator[peewee.Database]:
    """A write transaction (a savepoint when nested), on a pooled connection."""
    db = current_db()
    with db.connection_context():
        with db.atomic():
            yield db


def next_rev(db: peewee.Database | None = None) -> int:
    """Take the next change number inside the current write transaction."""
    return next_counter("rev", db)


def next_counter(name: str, db: peewee.Database | None = None) -> int:
    """Increment counter ``name`` (created at 0 on first use) and return the new value.

    Must run inside a transaction: the row stays locked until commit.
    """
    db = db or current_db()
    p = db.param
    cursor = db.execute_sql(
        f"UPDATE counter SET value = value + 1 WHERE name = {p} RETURNING value", (name,)
    )
    row = cursor.fetchone()
    if row is None:
        db.execute_sql(
            f"INSERT INTO counter (name, value) VALUES ({p}, 0) ON CONFLICT (name) DO NOTHING",
            (name,),
        )
        cursor = db.execute_sql(
            f"UPDATE counter SET value = value + 1 WHERE name = {p} RETURNING value", (name,)
        )
        row = cursor.fetchone()
    return int(row[0])


def insert_new(model: type[peewee.Model], **row: object) -> bool:
    """INSERT the row unless its key exists (ON CONFLICT DO NOTHING); True if inserted.

    Idempotency rests on the unique constraint, never on a read before the write.
    """
    pk = model._meta.primary_key
    query = model.insert(**row).on_conflict_ignore()
    if isinstance(pk, peewee.CompositeKey):
        query = query.returning(*[model._meta.fields[f] for f in pk.field_names])
    else:
        query = query.returning(pk)
    return len(list(query.execute())) > 0


def next_revs(count: int, db: peewee.Database | None = None) -> int:
    """Take ``count`` consecutive change numbers at once; returns the first of them."""
    db = db or current_db()
    row = db.execute_sql(
        f"UPDATE counter SET value = value + {db.param} WHERE name = 'rev' RETURNING value",
        (count,),
    ).fetchone()
    return int(row[0]) - count + 1
