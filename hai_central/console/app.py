"""The console's plumbing: the route class every console page uses, templates, the role
check, error pages and the security headers.

Every console route is a :class:`ConsoleRoute`: before the page runs it resolves the
session cookie (``request.state.staff``), and for a POST parses the form
(``request.state.form``) and checks its CSRF token (403 without the right one); errors of
the services (:class:`~hai_central.errors.ApiError`) become pages in Indonesian rather than
JSON. Pages declare their roles with ``Depends(staff("agent", ...))``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hai_central.console import csrf, labels, nav, session
from hai_central.errors import ApiError
from hai_central.services.common import CurrentUser

PREFIX = "/console"
LOGIN_PATH = f"{PREFIX}/login"
HERE = Path(__file__).parent
CONSOLE_ROLES = frozenset({"agent", "broadcaster", "supervisor", "admin"})
MAX_FORM_FILES = 10

templates = Jinja2Templates(directory=str(HERE / "templates"))
labels.install_filters(templates.env)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


class NotSignedIn(Exception):
    """The page needs a session: go to the sign-in page."""


class Refused(Exception):
    """A page the user may not see (role), or a request refused (CSRF): an error page."""

    def __init__(self, status: int, message: str, title: str = "Akses ditolak") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.title = title


def render(
    request: Request, template: str, context: dict[str, Any] | None = None, status: int = 200
) -> Response:
    """A page of the console, with what base.html needs (user, menu, CSRF token)."""
    user: CurrentUser | None = getattr(request.state, "staff", None)
    token = getattr(request.state, "session_token", None)
    ctx = {
        "user": user,
        "menu": nav.menu_for(user.role, request.url.path) if user else [],
        "csrf_token": csrf.for_session(token) if token else "",
        "notice": labels.notice(request.query_params.get("ok")),
    }
    ctx.update(context or {})
    return templates.TemplateResponse(request, template, ctx, status_code=status)


def error_page(request: Request, status: int, title: str, message: str) -> Response:
    return render(request, "error.html", {"title": title, "message": message}, status=status)


def redirect(url: str) -> RedirectResponse:
    """After a POST: 303 so the browser GETs the page (no re-post on reload)."""
    return RedirectResponse(url, status_code=303)


def staff(*roles: str) -> Callable[[Request], CurrentUser]:
    """A dependency: the signed-in console user, who must hold one of ``roles``."""
    allowed = frozenset(roles) or CONSOLE_ROLES

    def check(request: Request) -> CurrentUser:
        user: CurrentUser | None = request.state.staff
        if user is None:
            raise NotSignedIn()
        if user.role not in CONSOLE_ROLES:
            raise Refused(403, labels.CSO_REFUSED)
        if user.role not in allowed:
            raise Refused(
                403,
                "Halaman ini hanya untuk peran: "
                + ", ".join(labels.role(r) for r in sorted(allowed))
                + ".",
            )
        return user

    return check


def form(request: Request) -> FormData:
    """The POST's parsed form (parsed and CSRF-checked by :class:`ConsoleRoute`)."""
    return request.state.form


def text(request: Request, name: str, default: str = "") -> str:
    value = form(request).get(name)
    return value.strip() if isinstance(value, str) else default


def files(request: Request, name: str) -> list[UploadFile]:
    return [f for f in form(request).getlist(name) if isinstance(f, UploadFile) and f.filename]


def _has_nul(data: FormData) -> bool:
    return any(isinstance(v, str) and "\x00" in v for _, v in data.multi_items())


class ConsoleRoute(APIRoute):
    """Session, CSRF and HTML errors around every console route (see the module doc)."""

    def get_route_handler(self) -> Callable:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            settings = request.app.state.hub.settings
            token = request.cookies.get(session.COOKIE)
            user = await run_in_threadpool(session.resolve, token, settings)
            request.state.staff = user
            request.state.session_token = token if user else None
            if request.method == "POST":
                try:
                    data = await request.form(max_files=MAX_FORM_FILES)
                except Exception:  # noqa: BLE001 - a malformed body is the sender's fault
                    return error_page(request, 400, "Permintaan rusak", labels.BAD_FORM)
                request.state.form = data
                # The login form is checked against its own cookie, signed in or not.
                session_token = (
                    None if request.url.path == LOGIN_PATH else (token if user else None)
                )
                if not csrf.valid(request, data.get(csrf.FIELD), session_token):
                    return error_page(request, 403, "Formulir ditolak", labels.CSRF_REFUSED)
                if _has_nul(data):
                    return error_page(request, 422, "Isian tidak valid", labels.NUL_REFUSED)
            try:
                return await original(request)
            except NotSignedIn:
                target = request.url.path
                if request.url.query:
                    target += "?" + request.url.query
                return RedirectResponse(
                    f"{LOGIN_PATH}?next={quote(target, safe='')}", status_code=303
                )
            except Refused as exc:
                return error_page(request, exc.status, exc.title, exc.message)
            except ApiError as exc:
                return error_page(
                    request, exc.status, labels.api_error_title(exc), labels.api_error(exc)
                )
            except ValidationError as exc:
                return error_page(request, 422, "Isian tidak valid", labels.validation(exc))

        return handler


class SecurityHeadersMiddleware:
    """The console's pages and files carry a strict CSP and no-sniff/no-frame headers;
    pages are not cached (they show personal data)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not (path == PREFIX or path.startswith(PREFIX + "/")):
            await self.app(scope, receive, send)
            return
        static = path.startswith(f"{PREFIX}/static/")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in (b"cache-control",) or static
                ]
                headers += SECURITY_HEADERS
                if not static:
                    headers.append((b"cache-control", b"no-store"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)
