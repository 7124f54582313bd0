"""Sign-in, sign-out and the home page of the console."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from starlette.responses import Response

from hai_central.console import csrf, labels, session
from hai_central.console.app import (
    LOGIN_PATH,
    PREFIX,
    ConsoleRoute,
    error_page,
    redirect,
    render,
    staff,
    text,
)
from hai_central.errors import ApiError
from hai_central.services.common import CurrentUser

router = APIRouter(route_class=ConsoleRoute, include_in_schema=False)
# Mounted after every screen's router: a console page that does not exist.
fallback = APIRouter(route_class=ConsoleRoute, include_in_schema=False)
Staff = Annotated[CurrentUser, Depends(staff())]


def safe_next(value: str | None) -> str:
    """Only a console path may follow the sign-in (no open redirect)."""
    if value and value.startswith(PREFIX + "/") and not value.startswith("//"):
        if "\\" not in value and "://" not in value:
            return value
    return PREFIX + "/"


def _login_page(request: Request, status: int = 200, **context) -> Response:
    pre = request.cookies.get(csrf.PRE_COOKIE) or csrf.new_pre_token()
    context.setdefault("next", safe_next(request.query_params.get("next")))
    response = render(request, "login.html", {"login_token": pre, **context}, status=status)
    settings = request.app.state.hub.settings
    response.set_cookie(
        csrf.PRE_COOKIE,
        pre,
        httponly=True,
        samesite="lax",
        secure=session.is_tls(request, settings),
        path=LOGIN_PATH,
    )
    return response


@router.get(LOGIN_PATH)
def login_form(request: Request) -> Response:
    if request.state.staff is not None:
        return redirect(PREFIX + "/")
    return _login_page(request)


@router.post(LOGIN_PATH)
def login(request: Request) -> Response:
    settings = request.app.state.hub.settings
    email = text(request, "email")
    target = safe_next(text(request, "next"))
    try:
        token, answer = session.sign_in(email, text(request, "password"), request, settings)
    except ApiError as exc:
        status = exc.status if exc.status in (401, 429) else 400
        response = _login_page(
            request, status, error=labels.api_error(exc), email=email, next=target
        )
        if exc.headers and "Retry-After" in exc.headers:
            response.headers["Retry-After"] = exc.headers["Retry-After"]
        return response
    if answer["user"]["role"] not in ("agent", "broadcaster", "supervisor", "admin"):
        # A desk account: the session is ended at once, the page says why.
        user = session.resolve(token, settings)
        if user is not None:
            session.end(user)
        return error_page(request, 403, "Akses ditolak", labels.CSO_REFUSED)
    response = redirect(target)
    session.set_cookie(response, token, request, settings)
    response.delete_cookie(csrf.PRE_COOKIE, path=LOGIN_PATH)
    return response


@router.post(f"{PREFIX}/logout")
def logout(request: Request) -> Response:
    settings = request.app.state.hub.settings
    user = request.state.staff
    if user is not None:
        session.end(user)
    response = redirect(f"{LOGIN_PATH}?ok=signed_out")
    session.clear_cookie(response, request, settings)
    return response


@router.get(PREFIX)
def bare_prefix() -> Response:
    return redirect(PREFIX + "/")


@router.get(PREFIX + "/")
def home(request: Request, user: Staff) -> Response:
    return render(request, "home.html", {"title": "Beranda"})


@fallback.api_route(PREFIX + "/{rest:path}", methods=["GET", "POST"])
def not_found(request: Request, rest: str) -> Response:
    return error_page(request, 404, "Halaman tidak ditemukan", labels.PAGE_NOT_FOUND)
