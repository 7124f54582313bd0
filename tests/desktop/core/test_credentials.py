"""The hub token: OS keyring when usable, else a 0600 file in the profile; never the password."""

from __future__ import annotations

import os
import stat

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import null

from hai_desktop.core import credentials
from hai_desktop.core.paths import ProfilePaths


class MemoryKeyring(KeyringBackend):
    """A working in-memory backend standing in for the OS keyring."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture()
def paths(tmp_path):
    return ProfilePaths.for_dir(tmp_path / "profile").ensure()


@pytest.fixture()
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture()
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(null.Keyring())
    yield
    keyring.set_keyring(previous)


def test_keyring_used_when_available(paths, memory_keyring):
    assert credentials.store_token(paths, "tok-1") == "keyring"
    assert credentials.load_token(paths) == "tok-1"
    assert not credentials.token_file(paths).exists()
    (service, _user), value = next(iter(memory_keyring.store.items()))
    assert service == "HAI Desk" and value == "tok-1"
    credentials.clear_token(paths)
    assert credentials.load_token(paths) is None


def test_profiles_do_not_share_a_token(tmp_path, memory_keyring):
    a = ProfilePaths.for_dir(tmp_path / "a").ensure()
    b = ProfilePaths.for_dir(tmp_path / "b").ensure()
    credentials.store_token(a, "tok-a")
    assert credentials.load_token(b) is None


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_file_fallback_is_private(paths, no_keyring):
    old_umask = os.umask(0)  # even a careless umask must not widen the file
    try:
        assert credentials.store_token(paths, "tok-2") == "file"
    finally:
        os.umask(old_umask)
    mode = stat.S_IMODE(os.stat(credentials.token_file(paths)).st_mode)
    assert mode == 0o600
    assert credentials.load_token(paths) == "tok-2"
    credentials.store_token(paths, "tok-3")  # replaced atomically, still private
    assert stat.S_IMODE(os.stat(credentials.token_file(paths)).st_mode) == 0o600
    assert credentials.load_token(paths) == "tok-3"
    credentials.clear_token(paths)
    assert credentials.load_token(paths) is None
    assert not credentials.token_file(paths).exists()


def test_failing_keyring_falls_back_to_file(paths, memory_keyring, monkeypatch):
    def broken(*_args):
        raise keyring.errors.KeyringError("locked")

    monkeypatch.setattr(memory_keyring, "set_password", broken)
    assert credentials.store_token(paths, "tok-4") == "file"
    assert credentials.load_token(paths) == "tok-4"


def test_password_never_written(paths, no_keyring):
    credentials.store_token(paths, "tok-5")
    for file in paths.data_dir.rglob("*"):
        if file.is_file():
            assert b"rahasia" not in file.read_bytes()
