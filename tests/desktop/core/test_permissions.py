"""Issue 7.4: on POSIX the profile folder is 0700 and the database, its -wal/-shm, the
backups and the logs are 0600 (visitor data is personal data), whatever the umask."""

from __future__ import annotations

import logging
import os
import stat

import pytest

from hai_desktop.core import backups
from hai_desktop.core.db.database import open_database
from hai_desktop.core.logging_setup import setup_logging
from hai_desktop.core.paths import ProfilePaths

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: profile ACL)")


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_profile_files_are_private(tmp_path):
    old_umask = os.umask(0o022)
    root = logging.getLogger()
    handlers = list(root.handlers)
    try:
        paths = ProfilePaths.for_dir(tmp_path / "profile").ensure()
        db = open_database(paths.database)
        db.execute_sql("CREATE TABLE t (x)")
        backup = backups.make_backup(db, paths.backups)
        log_file = setup_logging(paths.logs)
        logging.getLogger("test").warning("a line")
        files = [paths.database, f"{paths.database}-wal", f"{paths.database}-shm", backup, log_file]
        for path in files:
            assert _mode(path) == 0o600, path
        for folder in (paths.data_dir, paths.backups, paths.logs, paths.attachments):
            assert _mode(folder) == 0o700, folder
        db.close()
    finally:
        os.umask(old_umask)
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()


def test_an_existing_open_profile_is_tightened(tmp_path):
    folder = tmp_path / "profile"
    folder.mkdir(mode=0o755)
    (folder / "hai-desk.sqlite3").touch(mode=0o644)
    os.chmod(folder, 0o755)
    paths = ProfilePaths.for_dir(folder).ensure()
    db = open_database(paths.database)
    db.close()
    assert _mode(folder) == 0o700
    assert _mode(paths.database) == 0o600
