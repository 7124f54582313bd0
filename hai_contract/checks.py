"""Small checks on values, shared by the shape validator, the desk and the hub."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from hai_contract import limits

SATKER_RE = re.compile(limits.SATKER_PATTERN)
PHONE_RE = re.compile(limits.PHONE_PATTERN)
UUID_RE = re.compile(limits.UUID_PATTERN)
SHA256_RE = re.compile(limits.SHA256_PATTERN)
TIME_RE = re.compile(limits.TIME_PATTERN)


def valid_satker(text: str) -> bool:
    """A satker code: exactly six digits."""
    return SATKER_RE.match(text) is not None


def valid_phone(text: str) -> bool:
    """A plausible phone number: digits with an optional leading +, spaces, dashes, dots,
    brackets and slashes; 6 to 15 digits."""
    if len(text) > limits.PHONE_MAX or PHONE_RE.match(text) is None or "+" in text[1:]:
        return False
    digits = sum(ch.isdigit() for ch in text)
    return limits.PHONE_DIGITS_MIN <= digits <= limits.PHONE_DIGITS_MAX


def valid_uuid(text: str) -> bool:
    return isinstance(text, str) and UUID_RE.match(text) is not None


def parse_time(value: Any) -> datetime:
    """An RFC 3339 time with an offset, as an aware UTC datetime.

    Raises ``ValueError`` for anything else: a number (no silent coercion), a time without
    an offset, and a time that leaves the calendar once turned into UTC
    (``9999-12-31T23:59:59-01:00``, ``0001-01-01T00:00:00+05:00``).
    """
    if not isinstance(value, str) or TIME_RE.match(value) is None:
        raise ValueError("not an RFC 3339 time with an offset")
    text = value.upper().replace("Z", "+00:00")
    if "." in text:  # Python takes at most 6 fraction digits
        head, rest = text.split(".", 1)
        digits = re.match(r"[0-9]+", rest).group(0)
        text = f"{head}.{digits[:6].ljust(6, '0')}{rest[len(digits) :]}"
    try:
        parsed = datetime.fromisoformat(text)
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError) as exc:
        raise ValueError("time out of range") from exc


def nul_path(value: Any, path: str = "") -> str | None:
    """The path of the first string (key or value) holding a NUL character, or None.

    PostgreSQL cannot store NUL in text or JSON; the hub refuses it at the edge.
    """
    stack = [(value, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return where or "body"
        elif isinstance(item, dict):
            for key, sub in item.items():
                sub_path = f"{where}.{key}" if where else str(key)
                if isinstance(key, str) and "\x00" in key:
                    return where or "body"
                stack.append((sub, sub_path))
        elif isinstance(item, list):
            for index, sub in enumerate(item):
                stack.append((sub, f"{where}.{index}" if where else str(index)))
    return None


def json_depth(value: Any, limit: int = limits.JSON_DEPTH_MAX) -> int:
    """How deep ``value`` nests (a scalar is 0), counted without recursion; stops early once
    past ``limit`` (the answer is then ``limit + 1``)."""
    deepest = 0
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            depth += 1
            if depth > limit:
                return limit + 1
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth) for child in children)
    return deepest


def json_bytes(value: Any) -> int:
    """The size of ``value`` as compact UTF-8 JSON (the way the hub stores and serves it)."""
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
