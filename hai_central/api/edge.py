"""The hub's edge: what is refused before any route runs, and what the logs may carry.

- ``EdgeMiddleware``: a NUL character anywhere in the path, the query or a JSON body →
  ``422 invalid_field`` (``details.code = "contains_nul"``; PostgreSQL cannot store NUL in
  text); a JSON body nested deeper than the contract allows → ``422`` (``too_deep``), before
  the JSON parser can recurse. ``POST /inquiries/batch`` is checked per item instead (one
  bad item never sinks the batch).
- ``DocumentedPaths``: a method the path does not support → 405 whose ``Allow`` lists every
  method the OpenAPI document gives the path (Starlette named only the first route's).
- ``install_log_redaction``: log records of the hub and of uvicorn never carry query
  strings or exception messages (they may quote personal data); the exception's type and
  frames stay.
"""

from __future__ import annotations

import json
import logging
import re
import traceback
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hai_central.errors import error_body
from hai_contract import checks, limits

PER_ITEM_PATHS = ("/api/v1/inquiries/batch",)
BATCH_DEPTH_MAX = 512
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)


def body_depth(body: bytes) -> int:
    """How deep a JSON text nests, counted on its brackets outside strings (no parse)."""
    skeleton = _STRINGS.sub(b"", body)
    depth = deepest = 0
    for ch in skeleton.translate(None, _NON_BRACKETS):
        if ch in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


_NON_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def _reject(field: str, code: str, message: str) -> tuple[int, bytes]:
    # A name may itself carry the NUL refused: the answer spells it, never carries it.
    field, message = (text.replace("\x00", "\\u0000") for text in (field, message))
    body = error_body("invalid_field", message, {"field": field, "code": code})
    return 422, json.dumps(body).encode()


def edge_problem(scope: Scope, body: bytes | None) -> tuple[int, bytes] | None:
    """The refusal of a request, or None when it may go on."""
    if "\x00" in scope.get("path", ""):
        return _reject("path", "contains_nul", "the path contains a NUL character")
    query = scope.get("query_string") or b""
    if b"%00" in query or b"\x00" in query:
        for key, value in parse_qsl(query.decode("latin-1"), keep_blank_values=True):
            if "\x00" in key or "\x00" in value:
                return _reject(key, "contains_nul", f"{key}: NUL characters are not allowed")
    if not body:
        return None
    per_item = scope.get("path") in PER_ITEM_PATHS
    # A batch's items are checked one by one (too_deep per item, issue 7.7: one item nested
    # 300 deep must not sink the batch); the edge only keeps the JSON parser from recursing
    # without end (Python's parser copes with BATCH_DEPTH_MAX safely).
    allowed = BATCH_DEPTH_MAX if per_item else limits.JSON_DEPTH_MAX
    if body_depth(body) > allowed:
        return _reject("body", "too_deep", f"the JSON nests deeper than {allowed} levels")
    if not per_item and re.search(rb"\\u0000", body, re.I):
        try:
            where = checks.nul_path(json.loads(body))
        except ValueError:
            return None  # the route answers malformed JSON
        if where:
            return _reject(where, "contains_nul", f"{where}: NUL characters are not allowed")
    return None


async def _send(
    send: Send, status: int, payload: bytes, headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


class EdgeMiddleware:
    """Refuses NUL characters and over-deep JSON before routing, and a method the path
    does not support with 405 and the ``Allow`` of every method it does (see the doc)."""

    def __init__(self, app: ASGIApp, paths: DocumentedPaths) -> None:
        self.app = app
        self.paths = paths

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        allow = self.paths.methods(scope.get("path", ""))
        if allow is not None and scope.get("method") not in allow:
            status, payload, allow_header = method_not_allowed(allow)
            await _send(send, status, payload, [(b"allow", allow_header.encode())])
            return
        headers = dict(scope.get("headers") or [])
        is_json = b"json" in headers.get(b"content-type", b"")
        body: bytes | None = None
        messages: list[Message] = []
        if is_json and scope.get("method") in ("POST", "PUT", "PATCH"):
            chunks = []
            while True:
                message = await receive()
                messages.append(message)
                if message["type"] != "http.request":
                    break
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    break
            body = b"".join(chunks)
        problem = edge_problem(scope, body)
        if problem is not None:
            await _send(send, *problem)
            return
        if body is None:
            await self.app(scope, receive, send)
            return
        replay = [{"type": "http.request", "body": body, "more_body": False}]
        replay += [m for m in messages if m["type"] != "http.request"]

        async def replay_receive() -> Message:
            return replay.pop(0) if replay else await receive()

        await self.app(scope, replay_receive, send)


# ---------------------------------------------------------------- logs

REDACTED_LOGGERS = ("uvicorn", "hai_central", "fastapi", "starlette", "peewee")
_installed = False


def _redact(record: logging.LogRecord) -> logging.LogRecord:
    if not record.name.startswith(REDACTED_LOGGERS):
        return record
    if record.exc_info and record.exc_info[0] is not None:
        kind, _, tb = record.exc_info
        frames = "".join(traceback.format_tb(tb))
        record.exc_text = (
            f"Traceback (most recent call last):\n{frames}"
            f"{kind.__module__}.{kind.__qualname__} (message withheld: it may quote data)"
        )
        record.exc_info = None
    if record.name == "uvicorn.access" and isinstance(record.args, tuple) and len(record.args) > 2:
        args = list(record.args)
        if isinstance(args[2], str):
            args[2] = args[2].split("?", 1)[0]
        record.args = tuple(args)
    return record


def install_log_redaction() -> None:
    """Wrap the log record factory once per process (see the module doc)."""
    global _installed
    if _installed:
        return
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        return _redact(previous(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    _installed = True


# ---------------------------------------------------------------- methods per path


class DocumentedPaths:
    """The OpenAPI document's paths as regular expressions (path parameters by their
    patterns), to answer which methods a request path supports."""

    def __init__(self, openapi: Callable[[], dict[str, Any]]) -> None:
        self._openapi = openapi
        self._paths: list[tuple[re.Pattern[str], set[str]]] | None = None

    def _compile(self) -> list[tuple[re.Pattern[str], set[str]]]:
        out = []
        for template, ops in self._openapi().get("paths", {}).items():
            patterns: dict[str, str] = {}
            for op in ops.values():
                for param in op.get("parameters", []) if isinstance(op, dict) else []:
                    if param.get("in") == "path":
                        pat = (param.get("schema") or {}).get("pattern") or "^[^/]+$"
                        patterns[param["name"]] = pat.removeprefix("^").removesuffix("$")
            regex = re.sub(
                r"\\\{(\w+)\\\}",
                lambda m, p=patterns: f"(?:{p.get(m.group(1), '[^/]+')})",
                re.escape(template),
            )
            methods = {m.upper() for m in ops if m in HTTP_METHODS}
            out.append((re.compile(f"^{regex}$"), methods))
        return out

    def methods(self, path: str) -> set[str] | None:
        """The documented methods of ``path`` (None: no documented path matches)."""
        if self._paths is None:
            self._paths = self._compile()
        found: set[str] | None = None
        for regex, methods in self._paths:
            if regex.match(path):
                found = (found or set()) | methods
        return found


HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def method_not_allowed(allow: set[str]) -> tuple[int, bytes, str]:
    body = error_body("method_not_allowed", "Method Not Allowed")
    return 405, json.dumps(body).encode(), ", ".join(sorted(allow))
