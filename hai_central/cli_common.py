"""What the ``hai-central admin`` command groups share: JSON output, the store, the CLI user."""

from __future__ import annotations

import argparse
import json
from typing import Any


def print_json(obj: Any) -> None:
    """Print ``obj`` as indented JSON (UTF-8 text kept as is)."""
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def open_hub(args: argparse.Namespace):
    """Open the hub's store from the environment; returns its settings."""
    from hai_central import security
    from hai_central.main import open_store
    from hai_central.settings import Settings

    settings = Settings.from_env()
    security.configure(settings.argon2_fast)
    open_store(settings)
    return settings


def cli_user(role: str):
    """The user the CLI acts as (HAI-DJPBN at PUSAT) in the given role."""
    from hai_central.services.common import CurrentUser

    return CurrentUser(
        id="cli",
        email="cli@localhost",
        name="HAI-DJPBN",
        role=role,
        office_code="PUSAT",
        office_name="PUSAT",
        office_kind="PUSAT",
        token_hash="",
    )
