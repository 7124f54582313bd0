"""The codes of every sync message core produces, with the parameters each one carries.

Core speaks in codes; the words live in the GUI's table (``gui/sync_texts.py``, through
``tr()``) and the CLI's (``cli_texts.py``). A test checks that both tables know every code
listed here. Parameters are plain values (numbers, the hub's own words).
"""

from __future__ import annotations

# Failures of a hub call (HubError.message_code).
NO_NETWORK = "sync.no_network"  # no route / no name resolution: this PC is offline
HUB_NOT_ANSWERING = "sync.hub_not_answering"  # the network works, the hub does not
CONNECTION_LOST = "sync.connection_lost"  # the connection broke mid-way (reset)
TIMEOUT = "sync.timeout"  # the hub did not answer in time
TLS = "sync.tls"  # the certificate was not trusted
NOT_THE_HUB = "sync.not_the_hub"  # an HTML page (captive portal, proxy) instead of the hub
HUB_FAULT = "sync.hub_fault"  # {status}: a 5xx
NOT_SIGNED_IN = "sync.not_signed_in"  # never signed in on this desk
SESSION_ENDED = "sync.session_ended"  # the token expired or was revoked
THROTTLED = "sync.throttled"  # {seconds} (0: unknown)
NOT_CONFIGURED = "sync.not_configured"  # no hub address yet
INVALID_URL = "sync.invalid_url"
HUB_REFUSED = "sync.hub_refused"  # {hub_message}: the hub said why
REQUEST_REFUSED = "sync.request_refused"  # {status}: a 4xx without the hub's words

# States of the status line (SyncStatus.code).
NEVER_SYNCED = "sync.never_synced"
RUNNING = "sync.running"
SIGNED_IN = "sync.signed_in"  # signed in, the first pass is still to come
ALL_SENT = "sync.all_sent"
WAITING = "sync.waiting"  # {count}
REJECTED = "sync.rejected"  # {count}
CONFLICTS = "sync.conflicts"  # {count}: two desks changed one record
LOCAL_FAILURE = "sync.local_failure"  # a bug on this PC (storage errors have their own)
DISK_FULL = "sync.disk_full"  # the disk of the data folder is full
DB_LOCKED = "sync.db_locked"  # another program holds the database file
STORAGE_READ_ONLY = "sync.storage_read_only"  # the data folder may not be written
STORAGE_IO = "sync.storage_io"  # the disk or network share misbehaved
DB_DAMAGED = "sync.db_damaged"  # the database failed its check

# The clock line (SyncStatus.clock_code).
CLOCK_BEHIND = "sync.clock_behind"  # {minutes}
CLOCK_AHEAD = "sync.clock_ahead"  # {minutes}

# An item the hub refused without words of its own.
ITEM_REJECTED = "sync.item_rejected"
# A record another desk of the office changed too (its sync mark; the history's "konflik").
CONFLICT = "sync.conflict"

PARAMS: dict[str, tuple[str, ...]] = {
    NO_NETWORK: (),
    HUB_NOT_ANSWERING: (),
    CONNECTION_LOST: (),
    TIMEOUT: (),
    TLS: (),
    NOT_THE_HUB: (),
    HUB_FAULT: ("status",),
    NOT_SIGNED_IN: (),
    SESSION_ENDED: (),
    THROTTLED: ("seconds",),
    NOT_CONFIGURED: (),
    INVALID_URL: (),
    HUB_REFUSED: ("hub_message",),
    REQUEST_REFUSED: ("status",),
    NEVER_SYNCED: (),
    RUNNING: (),
    SIGNED_IN: (),
    ALL_SENT: (),
    WAITING: ("count",),
    REJECTED: ("count",),
    CONFLICTS: ("count",),
    LOCAL_FAILURE: (),
    DISK_FULL: (),
    DB_LOCKED: (),
    STORAGE_READ_ONLY: (),
    STORAGE_IO: (),
    DB_DAMAGED: (),
    CLOCK_BEHIND: ("minutes",),
    CLOCK_AHEAD: ("minutes",),
    ITEM_REJECTED: (),
    CONFLICT: (),
}
ALL = tuple(PARAMS)
