"""``hai-desktop --demo`` (options added by ``hai_desktop.cli``): a local hub with demo
data and a signed-in desk, all temporary.

Nothing here imports Qt unless the demo actually opens the window.
"""

from __future__ import annotations

import argparse
import signal
import sys

from hai_desktop.cli import EXIT_FAILED, EXIT_OK


def add_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--demo`` (and its helpers) to the top-level parser."""
    parser.add_argument(
        "--demo",
        action="store_true",
        help="mode demo: hub lokal dengan data demo, desk sudah masuk (data sementara)",
    )
    parser.add_argument(
        "--no-gui",
        action="store_true",
        help="dengan --demo: siapkan dan periksa demo tanpa membuka jendela",
    )
    parser.add_argument("--keep-demo-files", action="store_true", help=argparse.SUPPRESS)


def _hub_missing_text(missing: list[str]) -> str:
    if getattr(sys, "frozen", False):
        return (
            "Mode demo membutuhkan HAI Hub, yang tidak termasuk dalam paket instalasi desk "
            "ini. Jalankan demo dari kode sumber: bash scripts/run"
        )
    return (
        "Mode demo membutuhkan HAI Hub, yang belum terpasang "
        f"(tidak ditemukan: {', '.join(missing)}).\n"
        'Pasang dengan: pip install "hai-desk[hub]"  (dari kode sumber: pip install ".[hub]")'
    )


def run_demo(args: argparse.Namespace) -> int:
    """``--demo``: prepare the demo (hub + signed-in desk), open the GUI, clean up after."""
    from hai_desktop.core.demo import prepare_demo
    from hai_desktop.core.demo_hub import DemoError, missing_hub_modules

    missing = missing_hub_modules()
    if missing:
        print(_hub_missing_text(missing), file=sys.stderr)
        return EXIT_FAILED
    print("HAI Desk demo: menyiapkan hub lokal dan data demo…", flush=True)
    _install_stop_signals()
    try:
        session = prepare_demo(keep_files=getattr(args, "keep_demo_files", False))
    except DemoError as exc:
        print(f"Demo tidak dapat disiapkan: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        seed = session.seed
        print(
            f"Hub demo: {session.hub.url}  (data sementara: {session.root})\n"
            f"Dimuat: {seed.kb_entries} entri basis pengetahuan, {seed.inquiries} catatan, "
            f"{seed.broadcasts} broadcast, {seed.tickets} tiket; "
            f"{session.kb_entries_local} entri tersinkron ke desk "
            f"dalam {session.timings.get('total_s', 0):.1f} s.",
            flush=True,
        )
        for note in seed.skipped:
            print(f"  (dilewati: {note})", flush=True)
        _print_demo_accounts(session.hub.url)
        if getattr(args, "no_gui", False):
            return EXIT_OK if session.kb_entries_local > 0 else EXIT_FAILED
        _apply_remembered_language(session.paths)
        from hai_desktop.gui.app import run_gui

        return run_gui(session.paths, demo=True, on_ready=_watch_signals)
    finally:
        session.close()


def _apply_remembered_language(paths) -> None:
    """The language chosen in an earlier demo (the demo's profile is new each time)."""
    from hai_desktop.core.settings import Settings, remembered_demo_language

    language = remembered_demo_language()
    if language:
        settings = Settings.load(paths.settings)
        settings.language = language
        settings.save(paths.settings)


def _install_stop_signals() -> None:
    """SIGTERM/SIGHUP end the demo cleanly (the hub stopped, temporary files removed)."""

    def stop(signum, _frame) -> None:
        app = None
        if "PySide6.QtWidgets" in sys.modules:
            from PySide6.QtWidgets import QApplication

            app = QApplication.instance()
        if app is not None:
            app.closeAllWindows()
            app.quit()
        else:
            raise SystemExit(128 + signum)

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, stop)


def demo_welcome(window) -> None:
    """Tell a newcomer where they are: a demo with fictional data, and what to try."""
    from hai_desktop.gui import messages

    messages.info(
        "Mode demo, data fiktif. Coba ketik pertanyaan, lalu Alt+1.",
        timeout_ms=60_000,
    )


def _watch_signals(window) -> None:
    """Let Python run its signal handlers while Qt's event loop waits (a periodic tick)."""
    from PySide6.QtCore import QTimer

    demo_welcome(window)

    timer = QTimer(window)
    timer.timeout.connect(lambda: None)
    timer.start(300)
    window._hai_demo_signal_timer = timer  # keep a reference


def _print_demo_accounts(url: str) -> None:
    """The demo's staff accounts, for the hub's web console, the API and `hai-central admin`."""
    import json

    from hai_desktop.core.resources import resource_path

    demo = json.loads(resource_path("demo", "demo.json").read_text(encoding="utf-8"))
    print(f"Konsol pusat (agen, penyiar, supervisor): {url}/console/", flush=True)
    print(f"Akun demo (konsol dan API {url}/api/v1):", flush=True)
    for role in ("cso", "agent", "broadcaster", "supervisor"):
        account = demo.get(role)
        if account:
            print(f"  {role:<12} {account['email']}  /  {account['password']}", flush=True)
