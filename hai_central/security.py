"""Password hashing (Argon2) and access tokens (random, stored as their SHA-256)."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()
# A fixed hash to verify against when the user is unknown, so timing does not tell.
_DUMMY_HASH: str | None = None


def configure(fast: bool) -> None:
    """Use cheap Argon2 parameters (tests only; refused in production by the settings)."""
    global _hasher, _DUMMY_HASH
    _hasher = (
        PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1) if fast else PasswordHasher()
    )
    _DUMMY_HASH = None


def hash_password(password: str) -> str:
    """An Argon2id hash of ``password``."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches; always spends the time of one verification."""
    global _DUMMY_HASH
    if password_hash is None:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = _hasher.hash("dummy-password-for-timing")
        password_hash = _DUMMY_HASH
        try:
            _hasher.verify(password_hash, password)
        except (VerificationError, VerifyMismatchError, InvalidHashError):
            pass
        return False
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, VerifyMismatchError, InvalidHashError):
        return False


def new_token() -> str:
    """A fresh random access token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """What the database stores for a token: its SHA-256 hex digest."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
