"""Every path the desk uses, from one place.

A profile is one data directory: the database, attachments, backups and logs live under it.
The default is the platformdirs user data dir; every CLI command takes ``--data-dir``.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from hai_desktop import APP_AUTHOR, APP_NAME
from hai_desktop.core.db.errors import reraise_classified

DATABASE_FILENAME = "hai-desk.sqlite3"


def default_data_dir() -> Path:
    """The default profile's folder: the platformdirs user data dir."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


@dataclass(frozen=True)
class ProfilePaths:
    """The files of one desk profile, all below ``data_dir``."""

    data_dir: Path

    @classmethod
    def for_dir(cls, data_dir: Path | str | None) -> ProfilePaths:
        return cls(Path(data_dir) if data_dir else default_data_dir())

    @property
    def database(self) -> Path:
        return self.data_dir / DATABASE_FILENAME

    @property
    def attachments(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def logs(self) -> Path:
        return self.data_dir / "logs"

    @property
    def settings(self) -> Path:
        # Settings sit with the profile so that --data-dir isolates a whole desk (tests, IT
        # staff preparing PCs).
        return self.data_dir / "settings.json"

    @property
    def lock(self) -> Path:
        """The single-instance lock file (held by the running desk of this profile)."""
        return self.data_dir / "instance.lock"

    @property
    def full_check_requested(self) -> Path:
        """A marker: the next start runs the full integrity check whatever the file size.

        Left by a background deep check that found problems, so that the next start leads
        to the restore offer; removed once a full check passed or a backup was restored.
        """
        return self.data_dir / "full-check-requested"

    def ensure(self) -> ProfilePaths:
        """Create the profile's folders (POSIX: 0700, only the user may enter them).

        Raises the typed storage error (``StorageReadOnly``, ``DiskFull``) when the folders
        cannot be made, so that callers explain it instead of crashing.
        """
        for d in (self.data_dir, self.attachments, self.backups, self.logs):
            try:
                d.mkdir(parents=True, exist_ok=True, mode=0o700)
            except OSError as exc:
                reraise_classified(exc, d)
                raise
            _make_private_dir(d)
        return self

    def probe_writable(self, probe_bytes: int = 64 * 1024) -> None:
        """Write (and fsync) a small file in the data dir, then remove it.

        Raises ``StorageReadOnly`` (read-only drive, no permission) or ``DiskFull``: an
        empty file can still be made on a full disk, so the probe writes real bytes.
        """
        probe = self.data_dir / f".write-probe-{os.getpid()}"
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            try:
                os.write(fd, b"\0" * probe_bytes)
                os.fsync(fd)
            finally:
                os.close(fd)
        except OSError as exc:
            reraise_classified(exc, self.data_dir)
            raise
        finally:
            with contextlib.suppress(OSError):
                probe.unlink()


def _make_private_dir(folder: Path) -> None:
    """POSIX: the folder only for its user (visitor data); Windows: the per-user profile
    folder's ACL already keeps other users out."""
    if os.name == "posix":
        with contextlib.suppress(OSError):
            if folder.stat().st_mode & 0o077:
                os.chmod(folder, 0o700)
