"""Test-wide setup: Qt offscreen before anything loads Qt; every test's data in tmp_path."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch a real keyring (a headless Linux has none anyway).
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
