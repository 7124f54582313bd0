"""Demo mode: a real hub on loopback with demo data, and a desk profile signed in to it.

``prepare_demo()`` does everything but open a window:

1. starts ``hai_central`` on 127.0.0.1 and a free port with a temporary data dir
   (``demo_hub``);
2. loads ``hai_desktop/resources/demo`` into it through its API (``demo_seed``);
3. makes a desk profile in the temporary folder for the demo CSO, signs in (token stored
   by ``core.credentials``, hub URL in the settings) and runs one sync, so the KB, the
   office's logs and the broadcasts are local before the window opens.

``DemoSession.close()`` stops the hub and removes the temporary folder. Nothing here
touches the user's real profile.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hai_desktop.core.demo_hub import DemoHub
from hai_desktop.core.demo_seed import SeedReport, load_demo_data, seed_hub
from hai_desktop.core.paths import ProfilePaths

log = logging.getLogger(__name__)


@dataclass
class DemoSession:
    """A prepared demo: the hub running, the desk profile signed in and synced."""

    root: Path
    hub: DemoHub
    paths: ProfilePaths
    seed: SeedReport
    sync_report: Any = None
    kb_entries_local: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    keep_files: bool = False

    def close(self) -> None:
        """Stop the hub and remove the temporary folder (unless asked to keep it)."""
        self.hub.stop()
        if not self.keep_files:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> DemoSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def prepare_desk(paths: ProfilePaths, hub_url: str, demo: dict[str, Any]) -> tuple[Any, int]:
    """Create the demo CSO's desk profile, sign in, run one sync. Returns (report, kb count).

    Leaves the desk database closed (the GUI opens it again).
    """
    from hai_desktop.core import kb, profile_store, reference
    from hai_desktop.core.db.database import open_database
    from hai_desktop.core.sync import account, engine

    paths.ensure()
    db = open_database(paths.database)
    try:
        reference.seed_reference_if_empty()
        cso = demo["cso"]
        profile_store.set_profile(cso["name"], cso["email"], cso["office_code"])
        account.sign_in(paths, hub_url, cso["email"], cso["password"])
        report = engine.SyncEngine(paths).run_once(force=True)
        return report, kb.count_entries()
    finally:
        db.close()


DEMO_PREFIX = "hai-demo-"
OWNER_FILE = "owner.pid"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # POSIX only: on Windows signal 0 would terminate the process
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def remove_stale_demo_folders(tmp_dir: Path | None = None) -> list[Path]:
    """Remove the temporary folders of earlier demos whose desk process is gone.

    A demo closed normally removes its own folder; one killed (``kill -9``, a power cut)
    cannot, so the next demo start tidies up. POSIX only; elsewhere nothing is removed.
    """
    if os.name != "posix":
        return []
    removed = []
    for folder in Path(tmp_dir or tempfile.gettempdir()).glob(DEMO_PREFIX + "*"):
        try:
            pid = int((folder / OWNER_FILE).read_text().strip())
        except (OSError, ValueError):
            continue  # not ours, or still being created: leave it
        if not _pid_alive(pid):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def prepare_demo(root: Path | str | None = None, keep_files: bool = False) -> DemoSession:
    """Start the demo hub, load the demo data, prepare a signed-in, synced desk profile.

    ``root`` is the folder for the hub's and the desk's files (default: a new temporary
    folder). On failure the hub is stopped and the folder removed before raising.
    """
    started = time.perf_counter()
    timings: dict[str, float] = {}
    data = load_demo_data()
    demo = data["demo"]
    if root:
        root = Path(root)
    else:
        remove_stale_demo_folders()
        root = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
        (root / OWNER_FILE).write_text(str(os.getpid()))
    hub = DemoHub(
        root / "hub", demo["bootstrap_admin"]["email"], demo["bootstrap_admin"]["password"]
    )
    try:
        hub.start()
        timings["hub_start_s"] = time.perf_counter() - started
        mark = time.perf_counter()
        seed = seed_hub(hub.url, data)
        timings["seed_s"] = time.perf_counter() - mark
        mark = time.perf_counter()
        paths = ProfilePaths.for_dir(root / "desk")
        report, local = prepare_desk(paths, hub.url, demo)
        timings["desk_sync_s"] = time.perf_counter() - mark
    except BaseException:
        hub.stop()
        if not keep_files:
            shutil.rmtree(root, ignore_errors=True)
        raise
    timings["total_s"] = time.perf_counter() - started
    log.info("demo ready in %.1f s (%s)", timings["total_s"], timings)
    return DemoSession(root, hub, paths, seed, report, local, timings, keep_files)
