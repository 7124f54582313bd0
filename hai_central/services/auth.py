"""Sign-in, tokens, login throttling and the users' table."""

from __future__ import annotations

import uuid
from typing import Any

import peewee

from hai_central import security
from hai_central.errors import ApiError, invalid, not_found
from hai_central.services import reference
from hai_central.services.common import ROLES, CurrentUser, epoch, iso, now_iso
from hai_central.store import db as store
from hai_central.store.models import AppUser, AuthToken, LoginFailure, Office

BAD_LOGIN = "wrong e-mail or password"


def email_allowed(email: str) -> bool:
    """Is ``email`` on one of the allowed official domains?"""
    domains = [d.lower() for d in reference.get_item("email_domains") or []]
    if "@" not in email:
        return False
    domain = email.rsplit("@", 1)[1].lower()
    return any(domain == d or domain.endswith("." + d) for d in domains)


def _throttled(email: str, address: str, max_failures: int, window: int) -> int | None:
    """Seconds to wait if this e-mail or address failed too often recently, else None.

    Counts the attempt rows *including* the caller's own, which :func:`_count_attempt`
    committed before any password is checked: so the attempt of rank k among parallel ones
    sees at least k rows, and at most ``max_failures`` attempts are ever checked in a window
    however many arrive at once (issue 7.9; SQLite and PostgreSQL alike).
    """
    since = epoch() - window
    retry = None
    for field, value in ((LoginFailure.email, email), (LoginFailure.address, address)):
        rows = (
            LoginFailure.select(LoginFailure.at)
            .where((field == value) & (LoginFailure.at > since))
            .order_by(LoginFailure.at.desc())
            .limit(max_failures + 1)
        )
        ats = [r.at for r in rows]
        if len(ats) > max_failures:
            wait = max(1, min(ats) + window - epoch())
            retry = max(retry or 0, wait)
    return retry


def _count_attempt(email: str, address: str) -> str:
    """Record this attempt as a failure in its own committed transaction, before the
    password check; a success deletes it again. Returns the row's id."""
    attempt_id = str(uuid.uuid4())
    with store.transaction():
        LoginFailure.insert(
            id=attempt_id, email=email[:254], address=address[:64], at=epoch()
        ).execute()
    return attempt_id


def login(
    email: str,
    password: str,
    device_id: str | None,
    device_name: str | None,
    address: str,
    *,
    ttl_hours: float,
    max_failures: int,
    window: int,
) -> dict[str, Any]:
    """Check the credentials and issue a token (the POST /auth/token answer)."""
    email = (email or "").strip().lower()
    with store.session():
        attempt_id = _count_attempt(email, address)
        retry = _throttled(email, address, max_failures, window)
        if retry is not None:
            with store.transaction():  # a refused attempt does not lengthen the wait
                LoginFailure.delete().where(LoginFailure.id == attempt_id).execute()
            raise ApiError(
                429,
                "too_many_requests",
                "too many failed sign-ins, try again later",
                {"retry_after": retry},
                headers={"Retry-After": str(retry)},
            )
        user = AppUser.get_or_none(AppUser.email == email) if email_allowed(email) else None
        ok = security.verify_password(user.password_hash if user else None, password or "")
        if not ok or user is None or not user.active:
            with store.transaction():  # the attempt row stays: it is the failure
                # Keep the table small: failures older than the window are useless.
                LoginFailure.delete().where(LoginFailure.at < epoch() - 2 * window).execute()
            raise ApiError(401, "invalid_credentials", BAD_LOGIN)
        token = security.new_token()
        now = epoch()
        expires = now + int(ttl_hours * 3600)
        with store.transaction():
            AuthToken.insert(
                token_hash=security.token_hash(token),
                user_id=user.id,
                device_id=(device_id or None),
                device_name=(device_name or None),
                created_at=now,
                expires_at=expires,
            ).execute()
            LoginFailure.delete().where(
                (LoginFailure.email == email) | (LoginFailure.id == attempt_id)
            ).execute()
            AuthToken.delete().where(AuthToken.expires_at < now - 86400).execute()
        office = Office.get_or_none(Office.code == user.office_code)
    from datetime import UTC, datetime

    return {
        "access_token": token,
        "token_type": "bearer",
        "expires_at": iso(datetime.fromtimestamp(expires, UTC)),
        "user": user_public(user, office),
    }


def user_public(user: AppUser, office: Office | None = None) -> dict[str, Any]:
    """A user as the API shows it (never the hash)."""
    if office is None:
        office = Office.get_or_none(Office.code == user.office_code)
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": user.role,
        "active": user.active,
        "office": {
            "code": user.office_code,
            "name": office.name if office else user.office_code,
            "kind": office.kind if office else "KPPN",
        },
    }


def authenticate(token: str) -> CurrentUser | None:
    """The user a bearer token stands for, or None (unknown, revoked, expired, inactive)."""
    return authenticate_hash(security.token_hash(token))


def authenticate_hash(h: str) -> CurrentUser | None:
    """:func:`authenticate` by the token's stored hash (the web console keeps only that)."""
    with store.session():
        row = (
            AuthToken.select(AuthToken, AppUser, Office)
            .join(AppUser, on=(AuthToken.user_id == AppUser.id))
            .join(Office, peewee.JOIN.LEFT_OUTER, on=(AppUser.office_code == Office.code))
            .where(
                (AuthToken.token_hash == h)
                & (AuthToken.revoked == False)  # noqa: E712
                & (AuthToken.expires_at > epoch())
                & (AppUser.active == True)  # noqa: E712
            )
            .first()
        )
    if row is None:
        return None
    user = row.appuser
    office = getattr(user, "office", None)
    return CurrentUser(
        id=user.id,
        email=user.email,
        name=user.name,
        role=user.role,
        office_code=user.office_code,
        office_name=office.name if office else user.office_code,
        office_kind=office.kind if office else "KPPN",
        token_hash=h,
        device_id=row.device_id,
    )


def logout(user: CurrentUser) -> None:
    with store.transaction():
        AuthToken.update(revoked=True).where(AuthToken.token_hash == user.token_hash).execute()


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise invalid("role", f"role must be one of {', '.join(ROLES)}")


def _check_office(code: str, field: str = "office_code") -> None:
    if Office.get_or_none(Office.code == code) is None:
        raise invalid(field, f"unknown office {code!r}")


def create_user(
    email: str, name: str, password: str, role: str, office_code: str
) -> dict[str, Any]:
    """Create a user; 409 when the e-mail is taken (unique constraint)."""
    email = email.strip().lower()
    if not email_allowed(email):
        raise invalid("email", "e-mail must be on an allowed official domain")
    if not password or len(password) < 8:
        raise invalid("password", "password must have at least 8 characters")
    _check_role(role)
    with store.transaction():
        _check_office(office_code)
        user_id = str(uuid.uuid4())
        inserted = store.insert_new(
            AppUser,
            id=user_id,
            email=email,
            name=name.strip() or email,
            password_hash=security.hash_password(password),
            role=role,
            office_code=office_code,
            created_at=now_iso(),
        )
        if not inserted:
            raise ApiError(
                409, "conflict", "a user with this e-mail already exists", {"field": "email"}
            )
        return user_public(AppUser.get_by_id(user_id))


def update_user(
    user_id: str,
    *,
    role: str | None = None,
    office_code: str | None = None,
    active: bool | None = None,
    name: str | None = None,
    password: str | None = None,
) -> dict[str, Any]:
    """Change a user's role, office, name, password or active flag."""
    with store.transaction():
        user = AppUser.get_or_none(AppUser.id == user_id)
        if user is None:
            raise not_found("user")
        if role is not None:
            _check_role(role)
            user.role = role
        if office_code is not None:
            _check_office(office_code)
            user.office_code = office_code
        if active is not None:
            user.active = active
        if name is not None:
            user.name = name
        if password is not None:
            if len(password) < 8:
                raise invalid("password", "password must have at least 8 characters")
            user.password_hash = security.hash_password(password)
        user.save()
        if active is False or password is not None or office_code is not None or role is not None:
            # A changed account signs in again.
            AuthToken.update(revoked=True).where(AuthToken.user_id == user.id).execute()
        return user_public(user)


def find_user(id_or_email: str) -> AppUser | None:
    with store.session():
        return AppUser.get_or_none(
            (AppUser.id == id_or_email) | (AppUser.email == id_or_email.lower())
        )


def list_users() -> list[dict[str, Any]]:
    with store.session():
        return [user_public(u) for u in AppUser.select().order_by(AppUser.email)]


def ensure_bootstrap_admin(email: str | None, password: str | None) -> bool:
    """Create the admin from the environment if no admin exists yet; True if created."""
    if not email or not password:
        return False
    with store.transaction():
        if AppUser.select().where(AppUser.role == "admin").exists():
            return False
        email = email.strip().lower()
        inserted = store.insert_new(
            AppUser,
            id=str(uuid.uuid4()),
            email=email,
            name="Administrator",
            role="admin",
            office_code="PUSAT",
            password_hash=security.hash_password(password),
            created_at=now_iso(),
        )
        return bool(inserted)
