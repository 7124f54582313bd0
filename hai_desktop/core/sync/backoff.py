"""When to try again after a failed pass: a pure function of the failure and the count.

No clock and no random source of its own: the engine passes ``now`` and ``uniform`` (a
``random.Random().uniform``), so tests can pin both. ARCHITECTURE.md: offline → quiet retry
with a growing delay; hub fault → exponential backoff with jitter, capped; 429 → the hub's
``Retry-After``; auth / rejected → wait for the user.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from hai_desktop.core.sync.protocol import ErrorKind
from hai_desktop.core.timeutil import format_utc, parse_utc

OFFLINE_RETRY_BASE_S = 15.0
OFFLINE_RETRY_CAP_S = 300.0
FAULT_RETRY_BASE_S = 30.0
FAULT_RETRY_CAP_S = 900.0
THROTTLE_DEFAULT_S = 60.0

Uniform = Callable[[float, float], float]


def retry_delay(
    kind: ErrorKind, failures: int, retry_after: float | None, uniform: Uniform
) -> float | None:
    """Seconds until the next automatic attempt after ``failures`` failures in a row.

    None: no automatic retry (the user acts first: sign in, fix the address).
    """
    exp = 2 ** min(max(failures, 1) - 1, 16)
    if kind is ErrorKind.THROTTLED:
        return retry_after if retry_after is not None else THROTTLE_DEFAULT_S
    if kind is ErrorKind.OFFLINE:
        return min(OFFLINE_RETRY_BASE_S * exp, OFFLINE_RETRY_CAP_S)
    if kind is ErrorKind.HUB_FAULT:
        cap = min(FAULT_RETRY_BASE_S * exp, FAULT_RETRY_CAP_S)
        # "Equal jitter": never sooner than half the step, so a thousand desks that saw
        # the same outage do not come back in the same second.
        delay = uniform(cap / 2, cap)
        if retry_after is not None:
            delay = max(delay, retry_after)
        return delay
    return None  # AUTH / REJECTED


def after_failure(
    previous: dict[str, Any],
    kind: ErrorKind,
    retry_after: float | None,
    now: datetime,
    uniform: Uniform,
) -> dict[str, Any]:
    """The backoff state to store after a failed pass (``previous``: the stored one)."""
    failures = int(previous.get("failures", 0)) + 1
    delay = retry_delay(kind, failures, retry_after, uniform)
    state: dict[str, Any] = {"failures": failures, "kind": kind.value}
    if delay is not None:
        when = format_utc(now + timedelta(seconds=delay))
        state["next_attempt_at"] = when
        if kind is ErrorKind.THROTTLED:
            state["throttled_until"] = when
    return state


def blocked(state: dict[str, Any], now: datetime, force: bool = False) -> bool:
    """Whether a pass must wait: inside Retry-After always, inside the backoff unless forced."""
    keys = ("throttled_until",) if force else ("throttled_until", "next_attempt_at")
    for key in keys:
        when = state.get(key)
        if when and parse_utc(when) > now:
            return True
    return False
