"""What the About dialog shows, and whether the hub knows a newer desk (issue 13). No Qt.

The desk's version has one source of truth (pyproject → ``hai_desktop.__version__``). The
hub's reference carries the newest published desk version in ``desk_version`` (a version
string, or ``{"version", "url"}``) and optionally where to get it in ``desk_download_url``;
the desk only *tells* its user, it never downloads code by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hai_desktop import APP_NAME, __version__

LICENCE = "Proprietary: Direktorat Jenderal Perbendaharaan, Kementerian Keuangan RI"


@dataclass(frozen=True)
class Update:
    """A newer desk the hub announces."""

    version: str
    url: str | None


@dataclass(frozen=True)
class AboutInfo:
    app_name: str
    version: str
    hub_url: str | None
    hub_version: str | None
    data_dir: str
    licence: str
    update: Update | None


def version_key(text: str) -> tuple[int, ...] | None:
    """``"1.2.10"`` → ``(1, 2, 10)``; a pre-release suffix (``1.3.0rc1``) sorts below its
    release; None when the text is not a version."""
    match = re.fullmatch(r"\s*v?(\d+(?:\.\d+)*)(?:[.-]?(a|b|rc|dev)\.?(\d*))?\s*", text or "")
    if match is None:
        return None
    parts = [int(p) for p in match.group(1).split(".")]
    while len(parts) < 3:
        parts.append(0)
    if match.group(2):
        rank = {"dev": 0, "a": 1, "b": 2, "rc": 3}[match.group(2)]
        return (*parts, rank, int(match.group(3) or 0))
    return (*parts, 9, 0)


def newer_desk(
    announced: Any, download_url: Any = None, current: str = __version__
) -> Update | None:
    """The update to tell about, when the hub's announced desk version is above ``current``."""
    url = download_url if isinstance(download_url, str) and download_url else None
    if isinstance(announced, dict):
        url = announced.get("url") or url
        announced = announced.get("version")
    if not isinstance(announced, str):
        return None
    theirs, ours = version_key(announced), version_key(current)
    if theirs is None or ours is None or theirs <= ours:
        return None
    if url is not None and not str(url).startswith(("https://", "http://")):
        url = None  # only a web address is offered as a link
    return Update(version=announced.strip(), url=url)


def update_from_reference() -> Update | None:
    """The update the stored reference data announces (None: this desk is current)."""
    from hai_desktop.core import reference

    return newer_desk(reference.value("desk_version"), reference.value("desk_download_url"))


def about_info(data_dir: Path | str, hub_url: str | None) -> AboutInfo:
    """Everything the About dialog shows (reads the profile's database: call it where the
    database may be read)."""
    from hai_desktop.core.sync import state

    return AboutInfo(
        app_name=APP_NAME,
        version=__version__,
        hub_url=hub_url or None,
        hub_version=state.get_value("hub_version"),
        data_dir=str(data_dir),
        licence=LICENCE,
        update=update_from_reference(),
    )
