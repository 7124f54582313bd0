"""What can go wrong talking to the hub, classified once.

Every failure of a hub call becomes a :class:`HubError` with a :class:`ErrorKind`; the sync
engine decides retry and backoff from the kind alone. What the user is told is a message
code (:meth:`HubError.message_code`); the GUI and the CLI turn it into words.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from hai_desktop.core.errors import HaiError
from hai_desktop.core.sync import codes


class ErrorKind(enum.Enum):
    """The failure classes of ARCHITECTURE.md ("The outbox and the sync engine")."""

    OFFLINE = "offline"  # no route, DNS, refused, reset, timeout: retry quietly
    HUB_FAULT = "hub_fault"  # 5xx, or a body that is not the JSON the contract promises
    REJECTED = "rejected"  # 4xx about the request/item itself: the user must fix something
    AUTH = "auth"  # 401: sign in again, everything stays queued
    THROTTLED = "throttled"  # 429: wait Retry-After seconds


# Finer reasons, for logs, tests and the exact words shown.
REASON_CONNECTION = "connection"  # the connection broke (reset, closed mid-answer)
REASON_NO_NETWORK = "no_network"  # no route to the hub's host, or its name not resolved
REASON_REFUSED = "refused"  # the hub's host refused the connection: the hub is not running
REASON_TIMEOUT = "timeout"
REASON_TLS = "tls"
REASON_HTTP = "http_status"
REASON_NOT_JSON = "not_json"
REASON_BAD_SHAPE = "bad_shape"
REASON_NOT_CONFIGURED = "not_configured"
REASON_INVALID_URL = "invalid_url"
REASON_NO_TOKEN = "no_token"


@dataclass(eq=False)
class HubError(HaiError):
    """A classified failure of one hub request.

    Attributes:
        kind: the failure class, which drives retry and backoff.
        reason: a finer reason (``REASON_*``).
        status: the HTTP status when there was a response.
        code: the hub's ``error.code`` when the body carried one.
        hub_message: the hub's ``error.message`` (shown for rejected items).
        retry_after: seconds to wait (429, or a 503 with ``Retry-After``).
        details: the hub's ``error.details``.
    """

    kind: ErrorKind
    reason: str = REASON_HTTP
    status: int | None = None
    code: str | None = None
    hub_message: str | None = None
    retry_after: float | None = None
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__init__(self.describe())

    def describe(self) -> str:
        """A log-safe one-line description (no personal data, no token)."""
        parts = [self.kind.value, self.reason]
        if self.status is not None:
            parts.append(f"HTTP {self.status}")
        if self.code:
            parts.append(self.code)
        return " / ".join(parts)

    def message_code(self) -> tuple[str, dict[str, Any]]:
        """What the user is told, as a code of :mod:`~hai_desktop.core.sync.codes` and its
        parameters (the GUI and the CLI own the words)."""
        return message_code(self)

    def item_error(self) -> str:
        """What to keep on an item the hub refused because of this error: the hub's own
        words, else the code of the failure."""
        return self.hub_message or self.message_code()[0]

    def __str__(self) -> str:  # dataclass would otherwise print every field
        return self.describe()


def message_code(err: HubError) -> tuple[str, dict[str, Any]]:
    """The message code and parameters of a classified failure (one place, GUI and CLI)."""
    if err.kind is ErrorKind.OFFLINE:
        by_reason = {
            REASON_TIMEOUT: codes.TIMEOUT,
            REASON_TLS: codes.TLS,
            REASON_NO_NETWORK: codes.NO_NETWORK,
            REASON_REFUSED: codes.HUB_NOT_ANSWERING,
        }
        return by_reason.get(err.reason, codes.CONNECTION_LOST), {}
    if err.kind is ErrorKind.HUB_FAULT:
        if err.reason in (REASON_NOT_JSON, REASON_BAD_SHAPE):
            return codes.NOT_THE_HUB, {}
        return codes.HUB_FAULT, {"status": err.status}
    if err.kind is ErrorKind.AUTH:
        return (codes.NOT_SIGNED_IN if err.reason == REASON_NO_TOKEN else codes.SESSION_ENDED), {}
    if err.kind is ErrorKind.THROTTLED:
        return codes.THROTTLED, {"seconds": int(err.retry_after or 0)}
    if err.reason == REASON_NOT_CONFIGURED:
        return codes.NOT_CONFIGURED, {}
    if err.reason == REASON_INVALID_URL:
        return codes.INVALID_URL, {}
    if err.hub_message:
        return codes.HUB_REFUSED, {"hub_message": err.hub_message}
    return codes.REQUEST_REFUSED, {"status": err.status}
