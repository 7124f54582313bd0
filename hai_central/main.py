"""The app factory: ``create_app(settings)`` opens the database, migrates, seeds and wires
the routers, middleware and error handlers.

Start-up work (migrations, reference seed, bootstrap admin, signing key) runs in
``create_app`` itself, so an in-process hub (tests, demo mode) is ready when it returns.
One hub per process: the models are bound to the database of the last app created.
"""

from __future__ import annotations

import json
import logging
import re
import time
import traceback
import uuid
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hai_central import __version__, console, security, wire
from hai_central.api import edge
from hai_central.api.deps import HubState
from hai_central.api.routes import (
    admin,
    attachments,
    auth,
    broadcasts,
    calendar,
    desks,
    health,
    inquiries,
    kb,
    reports,
    tickets,
)
from hai_central.errors import ApiError, error_body
from hai_central.services import auth as auth_service
from hai_central.services import broadcast_email, reference
from hai_central.services import broadcasts as broadcast_service
from hai_central.settings import Settings
from hai_central.store import db as store
from hai_central.store.migrate import migrate

API_PREFIX = "/api/v1"
ATTACHMENT_SLACK = 64 * 1024
log = logging.getLogger("hai_central")
access_log = logging.getLogger("hai_central.access")

STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    409: "conflict",
    413: "too_large",
    415: "unsupported_type",
    422: "invalid_field",
    429: "too_many_requests",
}
REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


def open_store(settings: Settings) -> None:
    """Open and bind the database, bring the schema up to date, seed first-start data."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = store.make_database(settings.effective_database_url, max_connections=settings.db_pool_size)
    store.bind(db)
    migrate(db)
    reference.seed(settings.reference_file)
    auth_service.ensure_bootstrap_admin(
        settings.bootstrap_admin_email, settings.bootstrap_admin_password
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """A ready hub: database migrated and seeded, routes mounted under ``/api/v1``."""
    settings = settings or Settings.from_env()
    settings.validate()
    edge.install_log_redaction()
    # peewee logs every statement with its parameters at DEBUG: personal data. Never that.
    peewee_log = logging.getLogger("peewee")
    peewee_log.setLevel(max(peewee_log.getEffectiveLevel(), logging.INFO))
    security.configure(settings.argon2_fast)
    open_store(settings)
    key = broadcast_service.load_signing_key(settings.signing_key_file)

    app = FastAPI(
        title="HAI Hub API",
        version=__version__,
        description="The contract between HAI Desk and HAI Hub (API.md).",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.hub = HubState(settings=settings, signing_key=key)
    app.state.hub.extra["mail_worker"] = broadcast_email.start_worker(settings)
    modules = (
        health,
        auth,
        inquiries,
        kb,
        attachments,
        tickets,
        broadcasts,
        desks,
        admin,
        calendar,
        reports,
    )
    for module in modules:
        app.include_router(module.router, prefix=API_PREFIX)
    app.state.routers = [(API_PREFIX, module.router) for module in modules]  # for the document
    console.install(app)
    install_error_handlers(app)
    wire.install_openapi(app)
    documented = edge.DocumentedPaths(app.openapi)
    app.state.documented_paths = documented
    app.add_middleware(edge.EdgeMiddleware, paths=documented)
    # Level 6 (zlib's default), not Starlette's 9: a 2 MB KB page compresses 1.5x faster
    # for 0.6 % more bytes (the compression runs on the event loop).
    app.add_middleware(GZipMiddleware, minimum_size=1024, compresslevel=6)
    max_attachment = int(
        (reference.get_item("attachment_rules") or {}).get("max_bytes") or 15728640
    )

    def limit_for(scope: Scope) -> int:
        if scope["path"].startswith(f"{API_PREFIX}/attachments/"):
            return max(settings.max_request_bytes, max_attachment + ATTACHMENT_SLACK)
        if scope["path"].startswith(console.UPLOAD_PREFIX):
            # A console reply carries its files in the form (a few, each within the rules).
            return max(settings.max_request_bytes, 3 * max_attachment + ATTACHMENT_SLACK)
        return settings.max_request_bytes

    app.add_middleware(BodyLimitMiddleware, limit_for=limit_for)
    app.add_middleware(AccessLogMiddleware)
    return app


def app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (each worker builds its own app)."""
    return create_app(Settings.from_env())


def _json_error(
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Every error, the framework's own included, answers ``{"error": {...}}``."""

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _json_error(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            # Starlette names the first matching route's methods only: list them all.
            allow = app.state.documented_paths.methods(request.url.path)
            if allow:
                headers["Allow"] = ", ".join(sorted(allow))
        return _json_error(exc.status_code, code, message, None, headers or None)

    @app.exception_handler(RequestValidationError)
    async def on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return _json_error(400, "malformed_json", "the request body is not valid JSON")
        first = errors[0] if errors else {}
        loc = [str(p) for p in first.get("loc", ())]
        if loc and loc[0] in ("body", "query", "path", "header"):
            loc = loc[1:]
        field = ".".join(loc) or "body"
        details = {
            "field": field,
            "errors": [
                {
                    "field": ".".join(str(p) for p in e.get("loc", ())),
                    "message": e.get("msg", ""),
                    "type": e.get("type", ""),
                }
                for e in errors[:20]
            ],
        }
        return _json_error(422, "invalid_field", f"{field}: {first.get('msg', 'invalid')}", details)

    @app.exception_handler(Exception)
    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The message may quote stored values (personal data): log the type and frames only.
        log.error(
            "unhandled %s in %s %s request_id=%s\n%s",
            type(exc).__name__,
            request.method,
            request.url.path,
            request.scope.get("request_id"),
            "".join(traceback.format_tb(exc.__traceback__)),
        )
        return _json_error(
            500,
            "internal_error",
            "the hub failed; the fault was logged",
            {"request_id": request.scope.get("request_id")},
        )


class BodyLimitMiddleware:
    """413 for request bodies over the limit (by Content-Length, or counted while read)."""

    def __init__(self, app: ASGIApp, limit_for) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await self._reject(send, limit)
            return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # An HTTPException passes FastAPI's body parsing untouched.
                    raise HTTPException(413, "the request body is too large")
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except HTTPException as exc:
            if exc.status_code != 413 or started:
                raise
            await self._reject(send, limit)

    @staticmethod
    async def _reject(send: Send, limit: int) -> None:
        body = json.dumps(
            error_body("too_large", "the request body is too large", {"max_bytes": limit})
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class AccessLogMiddleware:
    """One log line per request: request id, method, path, status, duration — nothing else
    (no query string, no headers, no bodies: they may carry tokens or personal data)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        given = headers.get(b"x-request-id", b"").decode("latin-1")
        request_id = given if REQUEST_ID_RE.match(given) else uuid.uuid4().hex
        scope["request_id"] = request_id
        start = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [
                    (b"x-request-id", request_id.encode())
                ]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            access_log.info(
                "request_id=%s method=%s path=%s status=%s duration_ms=%.1f",
                request_id,
                scope.get("method"),
                scope.get("path"),
                status,
                (time.perf_counter() - start) * 1000,
            )
