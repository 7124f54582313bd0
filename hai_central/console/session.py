"""Console sessions: sign-in through the hub's own login (same throttling, same tokens),
a server-side row for idle expiry, and the cookie's attributes.

The sign-in issues an ordinary access token through
:func:`hai_central.services.auth.login`, whose row gives revocation (sign-out, a changed or
deactivated account), the absolute expiry and "the account is still active". The browser
never sees that token: its cookie is a random secret of its own, and the
``console_session`` row (found by the cookie's hash) holds the token's hash and when the
session was last used (idle expiry). So a console cookie is no API bearer token, and a
desk's bearer token put into the cookie opens no session.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from hai_central import security
from hai_central.services import auth
from hai_central.services.common import CurrentUser, epoch
from hai_central.settings import Settings
from hai_central.store import db as store
from hai_central.store.models import ConsoleSession

COOKIE = "hai_console"
DEVICE_NAME = "konsol web"
# Writing last_seen_at on every page would make every read a write: once a minute is enough
# for an idle limit counted in tens of minutes.
TOUCH_EVERY_S = 60


def is_tls(request: Request, settings: Settings) -> bool:
    """Did the browser reach us over TLS (directly, or through a trusted proxy)?"""
    if request.url.scheme == "https":
        return True
    if settings.console_trust_forwarded_proto:
        proto = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
        return proto == "https"
    return False


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def sign_in(email: str, password: str, request: Request, settings: Settings) -> tuple[str, dict]:
    """Check the credentials through the hub's login (ApiError 401/429 as the API) and open
    a console session; returns (cookie value, the login answer without its token)."""
    answer = auth.login(
        email,
        password,
        None,
        DEVICE_NAME,
        client_address(request),
        ttl_hours=settings.console_session_hours,
        max_failures=settings.login_max_failures,
        window=settings.login_window_seconds,
    )
    secret = security.new_token()
    now = epoch()
    with store.transaction():
        ConsoleSession.insert(
            session_hash=security.token_hash(secret),
            token_hash=security.token_hash(answer.pop("access_token")),
            user_id=answer["user"]["id"],
            created_at=now,
            last_seen_at=now,
            expires_at=now + int(settings.console_session_hours * 3600),
        ).execute()
        # Old rows are useless: keep the table small.
        ConsoleSession.delete().where(ConsoleSession.expires_at < now - 86400).execute()
    return secret, answer


def resolve(secret: str | None, settings: Settings) -> CurrentUser | None:
    """The user of a console cookie, or None (unknown, revoked, idle, expired, inactive)."""
    if not secret:
        return None
    session_hash = security.token_hash(secret)
    now = epoch()
    with store.session():
        row = ConsoleSession.get_or_none(ConsoleSession.session_hash == session_hash)
    if row is None:
        return None
    user = auth.authenticate_hash(row.token_hash)
    idle = row.last_seen_at + int(settings.console_idle_minutes * 60) <= now
    if user is None or idle or row.expires_at <= now:
        if user is not None:
            end(user)  # idle or expired: the token goes too
        else:
            _forget(row.token_hash)
        return None
    if now - row.last_seen_at >= TOUCH_EVERY_S:
        with store.transaction():
            ConsoleSession.update(last_seen_at=now).where(
                ConsoleSession.session_hash == session_hash
            ).execute()
    return user


def _forget(token_hash: str) -> None:
    with store.transaction():
        ConsoleSession.delete().where(ConsoleSession.token_hash == token_hash).execute()


def end(user: CurrentUser) -> None:
    """Sign out: the token is revoked and the session row removed."""
    auth.logout(user)
    _forget(user.token_hash)


def set_cookie(response: Response, secret: str, request: Request, settings: Settings) -> None:
    # No max_age: a browser session cookie; the server decides when the session ends.
    response.set_cookie(
        COOKIE,
        secret,
        httponly=True,
        samesite="lax",
        secure=is_tls(request, settings),
        path="/console",
    )


def clear_cookie(response: Response, request: Request, settings: Settings) -> None:
    response.delete_cookie(
        COOKIE, path="/console", httponly=True, samesite="lax", secure=is_tls(request, settings)
    )
