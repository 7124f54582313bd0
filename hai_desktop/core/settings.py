"""Desk settings (language, hub address, network options) in a JSON file of the profile.

Saved atomically (a temporary file, fsync, rename), so a crash mid-write leaves the old
file. A missing, unreadable or corrupt file gives the defaults and never a crash; a value
of the wrong type falls back to its default alone.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

LANGUAGES = ("id", "en")


@dataclass
class Settings:
    """What the user (or IT staff) can set for one desk profile."""

    language: str = "id"
    hub_url: str = ""
    ca_bundle: str = ""
    proxy: str = ""
    sync_interval_s: int = 60
    hub_timeout_s: float = 30.0
    backup_keep: int = 10
    backup_interval_s: int = 3600

    @classmethod
    def load(cls, path: Path | str) -> Settings:
        """Read the settings file; defaults for anything missing or wrong."""
        path = Path(path)
        defaults = cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return defaults
        except (OSError, ValueError) as exc:
            log.warning("settings file unreadable, using defaults: %s", type(exc).__name__)
            return defaults
        if not isinstance(raw, dict):
            log.warning("settings file is not an object, using defaults")
            return defaults
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in raw:
                continue
            value, default = raw[f.name], getattr(defaults, f.name)
            if isinstance(default, float) and isinstance(value, int | float):
                value = float(value)
            if type(value) is not type(default):
                log.warning("setting %s has the wrong type; default used", f.name)
                continue
            values[f.name] = value
        settings = cls(**values)
        if settings.language not in LANGUAGES:
            settings.language = defaults.language
        if settings.sync_interval_s < 10:
            settings.sync_interval_s = defaults.sync_interval_s
        return settings

    def save(self, path: Path | str) -> None:
        """Write atomically (temporary file in the same folder, fsync, rename)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(asdict(self), ensure_ascii=False, indent=2, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise


def load(path: Path | str) -> Settings:
    """Module-level alias of ``Settings.load``."""
    return Settings.load(path)


def save(settings: Settings, path: Path | str) -> None:
    """Module-level alias of ``Settings.save``."""
    settings.save(path)


# ── The demo's language across restarts ───────────────────────────────────────────────────
# The demo's profile is temporary (a new one each start), so a language chosen in it would
# be forgotten at the next `hai-desktop --demo`; it is remembered beside the real profile.
def demo_preferences_path() -> Path:
    from hai_desktop.core.paths import default_data_dir

    return default_data_dir() / "demo-preferences.json"


def remembered_demo_language() -> str | None:
    """The language last chosen in a demo, or None."""
    try:
        raw = json.loads(demo_preferences_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    language = raw.get("language") if isinstance(raw, dict) else None
    return language if language in LANGUAGES else None


def remember_demo_language(language: str) -> None:
    """Keep ``language`` for the next demo (best effort: a read-only folder just forgets)."""
    if language not in LANGUAGES:
        return
    path = demo_preferences_path()
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"language": language}), encoding="utf-8")
