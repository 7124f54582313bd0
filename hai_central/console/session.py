"""Console sessions: sign-in through the hub's own login (same throttling, same tokens),
a server-side row for idle expiry, and the cookie's attributes.

The cookie holds an access token issued by :func:`hai_central.services.auth.login`; the
token's own row gives revocation, the absolute expiry and "the account is still active";
the ``console_session`` row gives the idle expiry and proves the token was issued to the
console (a desk's bearer token copied into the cookie opens no session).
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
    a console session; returns (cookie value, the login answer)."""
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
    token = answer["access_token"]
    now = epoch()
    with store.transaction():
        ConsoleSession.insert(
            token_hash=security.token_hash(token),
            user_id=answer["user"]["id"],
            created_at=now,
            last_seen_at=now,
            expires_at=now + int(settings.console_session_hours * 3600),
        ).execute()
        # Old rows are useless: keep the table small.
        ConsoleSession.delete().where(ConsoleSession.expires_at < now - 86400).execute()
    return token, answer


def resolve(token: str | None, settings: Settings) -> CurrentUser | None:
    """The user of a console cookie, or None (unknown, revoked, idle, expired, inactive)."""
    if not token:
        return None
    user = auth.authenticate(token)
    if user is None:
        return None
    now = epoch()
    idle_limit = int(settings.console_idle_minutes * 60)
    with store.session():
        row = ConsoleSession.get_or_none(ConsoleSession.token_hash == user.token_hash)
    if row is None or row.expires_at <= now or row.last_seen_at + idle_limit <= now:
        if row is not None:
            end(user)  # idle or expired: the token goes too
        return None
    if now - row.last_seen_at >= TOUCH_EVERY_S:
        with store.transaction():
            ConsoleSession.update(last_seen_at=now).where(
                ConsoleSession.token_hash == user.token_hash
            ).execute()
    return user


def end(user: CurrentUser) -> None:
    """Sign out: the token is revoked and the session row removed."""
    auth.logout(user)
    with store.transaction():
        ConsoleSession.delete().where(ConsoleSession.token_hash == user.token_hash).execute()


def set_cookie(response: Response, token: str, request: Request, settings: Settings) -> None:
    # No max_age: a browser session cookie; the server decides when the session ends.
    response.set_cookie(
        COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=is_tls(request, settings),
        path="/console",
    )


def clear_cookie(response: Response, request: Request, settings: Settings) -> None:
    response.delete_cookie(
        COOKIE, path="/console", httponly=True, samesite="lax", secure=is_tls(request, settings)
    )
