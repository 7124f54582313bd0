"""Fixtures of the sync tests: a desk profile with its database bound, a contract stub hub."""

from __future__ import annotations

import pytest

from hai_desktop.core import profile_store, reference
from hai_desktop.core.db.database import open_database
from hai_desktop.core.paths import ProfilePaths
from tests.desktop.core.sync_stub_hub import StubHub


@pytest.fixture()
def desk(tmp_path):
    """A signed-up desk profile (its database bound); yields its paths."""
    paths = ProfilePaths.for_dir(tmp_path / "desk").ensure()
    db = open_database(paths.database)
    reference.seed_reference_if_empty()
    profile_store.set_profile("Budi Santoso", "budi@kemenkeu.go.id", "KPPN-BANDA-ACEH")
    yield paths
    db.close()


@pytest.fixture()
def hub():
    """The in-memory contract hub on loopback."""
    h = StubHub().start()
    yield h
    h.stop()
