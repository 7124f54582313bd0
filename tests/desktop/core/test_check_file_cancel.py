"""A long background integrity check can be stopped (the desk is closing)."""

from __future__ import annotations

import pytest

from hai_desktop.core import backups


def test_check_file_stops_when_asked(db, paths):
    db.execute_sql("CREATE TABLE filler (x TEXT)")
    with db.atomic():
        for i in range(3000):
            db.execute_sql("INSERT INTO filler VALUES (?)", (f"row {i} " * 20,))
    assert backups.check_file(paths.database, lambda: False) == []
    with pytest.raises(backups.CheckCancelled):
        backups.check_file(paths.database, lambda: True)
