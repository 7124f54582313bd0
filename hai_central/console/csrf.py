"""CSRF protection of the console's forms.

Every form carries a hidden ``csrf_token``; a POST without the right one is refused (403).
Signed in, the token is derived from the session's secret cookie (an HMAC: the page shows
the token, never the session); before sign-in (the login form) it is a random value that
must match a cookie of its own (double submit). A POST whose ``Origin`` names another host
is refused as well.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from urllib.parse import urlsplit

from starlette.requests import Request

FIELD = "csrf_token"
PRE_COOKIE = "hai_console_csrf"


def for_session(session_token: str) -> str:
    """The CSRF token of a signed-in session."""
    return hmac.new(session_token.encode(), b"hai-console-csrf", hashlib.sha256).hexdigest()


def new_pre_token() -> str:
    return secrets.token_urlsafe(24)


def same_origin(request: Request) -> bool:
    """False when the browser says the form came from another host."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        # Browsers send Origin on POST; "null" comes from privacy modes and sandboxed
        # frames; the token alone decides then.
        return origin is None
    host = request.headers.get("host", "")
    return urlsplit(origin).netloc.lower() == host.lower()


def valid(request: Request, given: str | None, session_token: str | None) -> bool:
    """Is ``given`` the right token for this request?"""
    if not given or not same_origin(request):
        return False
    if session_token:
        expected = for_session(session_token)
    else:
        expected = request.cookies.get(PRE_COOKIE) or ""
        if not expected:
            return False
    return hmac.compare_digest(given.encode(), expected.encode())
