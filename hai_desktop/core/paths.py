"""Every path the desk uses, from one place.

A profile is one data directory: the database, attachments, backups and logs live under it.
The default is the platformdirs user data dir; every CLI command takes ``--data-dir``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

from hai_desktop import APP_AUTHOR, APP_NAME

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
        for d in (self.data_dir, self.attachments, self.backups, self.logs):
            d.mkdir(parents=True, exist_ok=True)
        return self
