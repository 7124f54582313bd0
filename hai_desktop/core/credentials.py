"""The hub token: in the OS keyring, or else a file only the user can read.

The keyring (Windows Credential Manager on office PCs, Secret Service / KWallet on Linux,
Keychain on macOS) holds the token under the service ``"HAI Desk"``. Where no usable
backend exists (a headless Linux, a locked-down image), the token goes to a file in the
profile directory created with mode 0600. An "encrypted" file whose key sits beside it would
only pretend, so it is a plain file with tight permissions. The password is never stored.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
from pathlib import Path

from hai_desktop.core.db.errors import reraise_classified
from hai_desktop.core.paths import ProfilePaths

SERVICE = "HAI Desk"
TOKEN_FILENAME = "hub-token"


def _username(paths: ProfilePaths) -> str:
    # One entry per profile, so that test or second profiles never take each other's token.
    digest = hashlib.sha256(str(Path(paths.data_dir).resolve()).encode()).hexdigest()[:16]
    return f"hub-token:{digest}"


def _keyring_backend():
    """The usable keyring backend, or None (none installed, or the null/fail backend)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # keyring is a dependency; a frozen build could still lack it
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken backend config must not stop the desk working
        return None
    null_cls = None
    with contextlib.suppress(ImportError):
        from keyring.backends import null

        null_cls = null.Keyring
    if isinstance(backend, fail.Keyring) or (null_cls and isinstance(backend, null_cls)):
        return None
    # A chainer with nothing behind it behaves like the fail backend.
    if getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def token_file(paths: ProfilePaths) -> Path:
    return Path(paths.data_dir) / TOKEN_FILENAME


def _write_private_file(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` readable only by the user, replacing it atomically.

    On any failure (a full disk, a read-only folder) the temporary file is removed and the
    typed storage error is raised (``DiskFull``, ``StorageReadOnly``): no ``.tmp`` is left.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        # O_EXCL: never write into a file (or symlink) someone else prepared.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(fd, 0o600)  # umask cannot widen it, but be explicit
            data = text.encode()
            if os.write(fd, data) != len(data):
                raise OSError(errno.ENOSPC, "short write", str(tmp))
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        reraise_classified(exc, path.parent)
        raise


def store_token(paths: ProfilePaths, token: str) -> str:
    """Keep the hub token. Returns where it went: ``"keyring"`` or ``"file"``."""
    backend = _keyring_backend()
    if backend is not None:
        try:
            backend.set_password(SERVICE, _username(paths), token)
        except Exception:  # keyring.errors.KeyringError, D-Bus failures, locked wallets
            pass
        else:
            # A stale file from an earlier keyring-less run must not outlive the new token.
            with contextlib.suppress(FileNotFoundError):
                token_file(paths).unlink()
            return "keyring"
    _write_private_file(token_file(paths), token)
    return "file"


def load_token(paths: ProfilePaths) -> str | None:
    """The stored hub token, or None when the user has not signed in."""
    backend = _keyring_backend()
    if backend is not None:
        try:
            token = backend.get_password(SERVICE, _username(paths))
        except Exception:
            token = None
        if token:
            return token
    try:
        text = token_file(paths).read_text().strip()
    except (FileNotFoundError, PermissionError):
        return None
    return text or None


def clear_token(paths: ProfilePaths) -> None:
    """Forget the token (sign-out, or the hub said it expired)."""
    backend = _keyring_backend()
    if backend is not None:
        with contextlib.suppress(Exception):
            backend.delete_password(SERVICE, _username(paths))
    with contextlib.suppress(FileNotFoundError):
        token_file(paths).unlink()
