"""``hai-desktop kb search`` and ``hai-desktop --demo`` (registered by ``hai_desktop.cli``).

Kept apart from cli.py so the command line stays small; nothing here imports Qt unless the
demo actually opens the window.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from datetime import date

from hai_desktop.core.paths import ProfilePaths


def register(subparsers, parents: list[argparse.ArgumentParser] | None = None) -> None:
    """Add the ``kb`` command (``kb search``) to the CLI's subparsers.

    ``parents`` are the CLI's common option parsers (``--data-dir``); without them the
    command adds its own ``--data-dir``.
    """
    parents = parents or []
    kb_parser = subparsers.add_parser(
        "kb", parents=parents, help="basis pengetahuan lokal (knowledge base)"
    )
    kb_sub = kb_parser.add_subparsers(dest="kb_command", required=True)
    search = kb_sub.add_parser(
        "search", parents=parents, help="cari di basis pengetahuan lokal (offline)"
    )
    if not any("--data-dir" in action.option_strings for p in parents for action in p._actions):
        search.add_argument("--data-dir", help="folder profil desk")
    search.add_argument("text", nargs="+", help="kata yang dicari")
    search.add_argument("--department", help="kode departemen, mis. PKN")
    search.add_argument("--application", help="kode aplikasi, mis. SAKTI")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--json", action="store_true", help="keluaran JSON")
    search.add_argument("--full", action="store_true", help="tampilkan jawaban lengkap")
    search.set_defaults(func=cmd_kb_search)


def add_demo_options(parser: argparse.ArgumentParser) -> None:
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


def cmd_kb_search(args: argparse.Namespace) -> int:
    """Search the profile's local KB and print the hits (best first)."""
    from hai_desktop.core import kb
    from hai_desktop.core.db.database import DatabaseError, open_database

    paths = ProfilePaths.for_dir(getattr(args, "data_dir", None))
    if not paths.database.exists():
        print(f"Belum ada profil desk di {paths.data_dir}.", file=sys.stderr)
        return 2
    try:
        db = open_database(paths.database)
    except DatabaseError as exc:
        print(f"Basis data tidak dapat dibuka: {exc}", file=sys.stderr)
        return 2
    try:
        text = " ".join(args.text)
        hits = kb.search(
            text, args.department, args.application, limit=args.limit, prefix_last=False
        )
        today = date.today()
        if args.json:
            out = [
                {
                    "id": h.id,
                    "title": h.title,
                    "department": h.department,
                    "application": h.application,
                    "regulations": h.regulations,
                    "valid_until": h.valid_until,
                    "possibly_outdated": kb.is_possibly_outdated(h, today),
                    "score": round(-h.score, 4),
                    "answer": h.answer,
                }
                for h in hits
            ]
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return 0
        if not hits:
            print("Tidak ada entri yang cocok.")
            return 0
        for n, h in enumerate(hits, start=1):
            mark = "  [mungkin sudah tidak berlaku]" if kb.is_possibly_outdated(h, today) else ""
            where = "/".join(x for x in (h.department, h.application) if x)
            print(f"{n:>2}. {h.title}  ({where}){mark}")
            print(f"    {h.answer if args.full else h.answer_preview}")
            if h.regulations:
                print(f"    Dasar: {'; '.join(h.regulations)}")
        return 0
    finally:
        db.close()


def run_demo(args: argparse.Namespace) -> int:
    """``--demo``: prepare the demo (hub + signed-in desk), open the GUI, clean up after."""
    from hai_desktop.core.demo import DemoError, prepare_demo

    print("HAI Desk demo: menyiapkan hub lokal dan data demo…", flush=True)
    _install_stop_signals()
    try:
        session = prepare_demo(keep_files=getattr(args, "keep_demo_files", False))
    except DemoError as exc:
        print(f"Demo tidak dapat disiapkan: {exc}", file=sys.stderr)
        return 1
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
        if getattr(args, "no_gui", False):
            return 0 if session.kb_entries_local > 0 else 1
        from hai_desktop.gui.app import run_gui

        return run_gui(session.paths, demo=True, on_ready=_watch_signals)
    finally:
        session.close()


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
