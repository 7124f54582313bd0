"""Fixtures shared by the desk's core and GUI tests: a fresh profile in tmp_path, its
database (reference data seeded) and a CSO profile."""

from __future__ import annotations

import pytest

from hai_desktop.core import profile_store, reference
from hai_desktop.core.db.database import open_database
from hai_desktop.core.paths import ProfilePaths


@pytest.fixture
def paths(tmp_path) -> ProfilePaths:
    """A profile data dir below tmp_path."""
    return ProfilePaths.for_dir(tmp_path / "profile").ensure()


@pytest.fixture
def db(paths):
    """The opened (migrated) database of ``paths`` with the bundled reference data."""
    database = open_database(paths.database)
    reference.seed_reference_if_empty()
    yield database
    database.close()


@pytest.fixture
def profile(db):
    """A CSO profile at a KPPN."""
    return profile_store.set_profile(
        "Budi Santoso", "budi.santoso@kemenkeu.go.id", "KPPN-BANDA-ACEH"
    )
