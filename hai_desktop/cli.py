"""The ``hai-desktop`` command line.

- no subcommand: open the GUI (imported lazily: CLI commands never load Qt);
- ``profile set --name … --email … --office CODE`` / ``profile show``: the CSO profile,
  headless (IT staff preparing many PCs);
- ``self-check``: create/open the profile's database, migrate, quick_check, load the
  reference data; prints each check; exit 0 only if all is well.

Every command takes ``--data-dir DIR`` (default: the platformdirs user data dir).

More commands live in their own modules: ``cli_kb`` (``kb search``), ``cli_sync``
(``login``/``logout``/``sync``), ``cli_tickets`` (``tickets``, ``ticket new|show``) and
``cli_demo`` (``--demo``). Each provides
``register(subparsers, parents)`` (``parents`` = the common option parsers, passed to
``add_parser(..., parents=parents)``); ``cli_demo`` adds top-level flags. They use the
helpers below (``paths_from_args``, ``profile_db``, ``CommandFailed``, ``setup_cli_logging``,
the exit codes) and are imported when the parser is built, so importing this module stays cheap.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from hai_desktop import __version__
from hai_desktop.core.paths import ProfilePaths

if TYPE_CHECKING:
    import peewee

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _data_dir_parent() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: a subcommand's --data-dir must not reset one given before the subcommand.
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="folder profil desk (bawaan: folder data pengguna)",
    )
    return common


def paths_from_args(args: argparse.Namespace) -> ProfilePaths:
    """The profile paths named by ``--data-dir`` (or the default profile)."""
    return ProfilePaths.for_dir(getattr(args, "data_dir", None))


def setup_cli_logging(paths: ProfilePaths) -> None:
    """The profile's log file for a command (personal data masked by core.logging_setup)."""
    from hai_desktop.core.logging_setup import setup_logging

    try:
        setup_logging(paths.logs)
    except OSError:
        # A read-only profile still gets its command run (self-check reports it); its log
        # lines go nowhere rather than in English on the terminal.
        _quiet_root_logger()


def _quiet_root_logger() -> None:
    """A handler on the root logger, so Python's last-resort handler never prints a log
    line on stderr (the terminal shows the Indonesian words only)."""
    root = logging.getLogger()
    if not any(getattr(h, "_hai_cli_null", False) for h in root.handlers):
        null = logging.NullHandler()
        null._hai_cli_null = True  # type: ignore[attr-defined]
        root.addHandler(null)


def _command_logging(args: argparse.Namespace) -> None:
    """Every command logs to the profile's log file, set up before it runs. A profile that
    does not exist yet is not created for it (the command may refuse it): then quiet."""
    _quiet_root_logger()
    paths = paths_from_args(args)
    if paths.data_dir.is_dir():
        setup_cli_logging(paths)


class CommandFailed(Exception):
    """A command cannot go on: ``main`` prints the (Indonesian) message and exits ``code``."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


@contextmanager
def profile_db(
    paths: ProfilePaths, *, must_exist: bool = False, check: str = "full"
) -> Iterator[peewee.Database]:
    """The profile's database (created, migrated, reference data seeded) for one command,
    closed afterwards. A file that cannot be used, or with ``must_exist`` a profile that
    does not exist yet, ends the command through ``CommandFailed``.

    ``check="full"`` (the default, for every command that writes): the whole file passes
    ``quick_check`` before anything is written, whatever its size, so a damaged big file
    is refused rather than written to. Read-only commands may pass ``"auto"``.
    """
    from hai_desktop.core import reference, restore_finish
    from hai_desktop.core.db.database import open_database

    # A database gone while backups exist is refused (DatabaseMissing, said in words by
    # main()), never "no profile yet" and never a new empty file.
    restore_finish.finish_interrupted_restore(paths.database)
    restore_finish.raise_if_missing(paths.database, paths.backups)
    if must_exist and not paths.database.exists():
        raise CommandFailed(f"Belum ada profil desk di {paths.data_dir}.", EXIT_USAGE)
    paths.ensure()
    db = open_database(paths.database, check=check)  # StorageError: main() says it in words
    try:
        reference.seed_reference_if_empty()
        yield db
    finally:
        db.close()


def storage_failure_text(error) -> str:
    """The CLI's words for a typed storage error (``core.db.errors``)."""
    from hai_desktop.storage_words import describe

    words = describe(error)
    return f"{words.title}: {words.text}\n{words.way_out}"


# ------------------------------------------------------------------ profile


def register_profile(subparsers, parents: list[argparse.ArgumentParser]) -> None:
    """``profile set`` / ``profile show``."""
    profile = subparsers.add_parser("profile", parents=parents, help="profil CSO desk ini")
    sub = profile.add_subparsers(dest="profile_command", required=True)
    set_p = sub.add_parser("set", parents=parents, help="isi atau ubah profil CSO")
    set_p.add_argument("--name", required=True, help="nama CSO")
    set_p.add_argument("--email", required=True, help="e-mail kedinasan")
    set_p.add_argument("--office", required=True, metavar="CODE", help="kode kantor")
    set_p.set_defaults(func=cmd_profile_set)
    show = sub.add_parser("show", parents=parents, help="tampilkan profil CSO")
    show.set_defaults(func=cmd_profile_show)


def cmd_profile_set(args: argparse.Namespace) -> int:
    """Set the CSO profile; prints the Indonesian message of each invalid field."""
    from hai_desktop.core.errors import ValidationError
    from hai_desktop.core.profile_store import set_profile

    paths = paths_from_args(args)
    setup_cli_logging(paths)
    with profile_db(paths):
        try:
            profile = set_profile(args.name, args.email, args.office)
        except ValidationError as exc:
            from hai_desktop.cli_texts import validation_lines

            for line in validation_lines(exc.errors):
                print(line, file=sys.stderr)
            return EXIT_USAGE
    log.info("profile set from the command line (office %s)", profile.office_code)
    print(f"Profil disimpan: {profile.name} <{profile.email}>, kantor {profile.office_code}")
    print(f"Perangkat: {profile.device_id}")
    return EXIT_OK


def cmd_profile_show(args: argparse.Namespace) -> int:
    """Print the CSO profile (exit 1 if none is set)."""
    from hai_desktop.core import reference
    from hai_desktop.core.profile_store import get_profile

    with profile_db(paths_from_args(args), check="auto"):
        profile = get_profile()
        if profile is None:
            print("Profil belum diisi (hai-desktop profile set ...).")
            return EXIT_FAILED
        office = reference.name_of("offices", profile.office_code)
        print(f"Nama:      {profile.name}")
        print(f"E-mail:    {profile.email}")
        print(f"Kantor:    {profile.office_code} ({office})")
        print(f"Perangkat: {profile.device_id}")
        return EXIT_OK


# ------------------------------------------------------------------ self-check


def register_self_check(subparsers, parents: list[argparse.ArgumentParser]) -> None:
    """``self-check``."""
    p = subparsers.add_parser(
        "self-check", parents=parents, help="periksa basis data, migrasi dan data referensi"
    )
    p.set_defaults(func=cmd_self_check)


def cmd_self_check(args: argparse.Namespace) -> int:
    """Run the self-check, print one line per check; 0 only if every check passed."""
    from hai_desktop.core.selfcheck import run_self_check

    paths = paths_from_args(args)
    setup_cli_logging(paths)
    results = run_self_check(paths)
    # What the installed program carries (resources, reference, CA bundle), then Qt headless
    # (platform plugin, translations, icons, stylesheet): proves a frozen build is complete.
    from hai_desktop.core.selfcheck_bundle import run_bundle_checks

    results += run_bundle_checks()
    try:
        from hai_desktop.gui.selfcheck_qt import run_qt_checks
    except ImportError as exc:  # Qt itself missing or broken: that is a finding, not a crash
        results.append(("qt_platform", False, f"{type(exc).__name__}: {exc}"))
    else:
        results += run_qt_checks()
    for name, ok, detail in results:
        print(f"[{'OK' if ok else 'GAGAL'}] {name}: {detail}")
    all_ok = bool(results) and all(ok for _, ok, _ in results)
    print("Semua pemeriksaan lulus." if all_ok else "Ada pemeriksaan yang gagal.")
    log.info("self-check %s", "passed" if all_ok else "failed")
    return EXIT_OK if all_ok else EXIT_FAILED


# ------------------------------------------------------------------ restore


def register_restore(subparsers, parents: list[argparse.ArgumentParser]) -> None:
    """``restore [--backup NAME]``."""
    p = subparsers.add_parser(
        "restore",
        parents=parents,
        help="pulihkan cadangan bila basis data rusak atau tidak ada",
    )
    p.add_argument("--backup", metavar="NAMA", help="nama berkas cadangan (bawaan: terbaru)")
    p.set_defaults(func=cmd_restore)


def cmd_restore(args: argparse.Namespace) -> int:
    """Restore a backup over a damaged or missing database (a readable one is refused),
    then copy back the unsent records still readable in the damaged file."""
    from hai_desktop.core import backups, restore_finish

    paths = paths_from_args(args)
    found = backups.list_backups(paths.backups)
    chosen = [b for b in found if b.name == args.backup] if args.backup else found[:1]
    if not chosen:
        raise CommandFailed(f"Tidak ada cadangan {args.backup or ''} di {paths.backups}.")
    try:
        aside, result = restore_finish.restore_with_salvage(chosen[0], paths.database)
    except backups.NotDamaged:
        raise CommandFailed(
            f"Basis data di {paths.database} dapat dibaca (tidak rusak); tidak dipulihkan."
        ) from None
    print(f"Cadangan {chosen[0].name} dipulihkan ke {paths.database}.")
    if aside != paths.database:
        print(f"Berkas lama disimpan sebagai {aside.name}.")
    if result.anything:
        print(
            f"{result.salvaged} catatan yang belum terkirim diselamatkan dari berkas yang rusak; "
            f"{result.unreadable + result.left} tidak dapat dibaca."
        )
    return EXIT_OK


# ------------------------------------------------------------------ parser


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (built-in commands and those of the command modules)."""
    from hai_desktop import cli_argparse_id

    cli_argparse_id.install()  # argparse's own words ("usage:", errors) in Indonesian
    from hai_desktop import (
        cli_broadcasts,
        cli_demo,
        cli_kb,
        cli_reports,
        cli_sync,
        cli_tickets,
    )

    parser = argparse.ArgumentParser(
        prog="hai-desktop",
        description="HAI Desk: aplikasi meja layanan CSO HAI-DJPBN. Tanpa perintah: buka jendela.",
    )
    parser.add_argument(
        "--version", action="version", version=f"HAI Desk {__version__}",
        help="tampilkan versi program lalu keluar",
    )  # fmt: skip
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help="folder profil desk (bawaan: folder data pengguna)",
    )
    parents = [_data_dir_parent()]
    subparsers = parser.add_subparsers(dest="command", metavar="PERINTAH")
    # Order = order in --help.
    for register in (
        register_profile,
        register_self_check,
        register_restore,
        cli_kb.register,
        cli_sync.register,
        cli_broadcasts.register,
        cli_tickets.register,
        cli_reports.register,
    ):
        register(subparsers, parents)
    cli_demo.add_options(parser)
    # Start the window, print "PAINT <epoch s>" / "READY <epoch s>", quit: the bundle's
    # smoke test and start-time benchmark (tests/bench/bench_bundle.py) use it.
    parser.add_argument("--exit-when-ready", action="store_true", help=argparse.SUPPRESS)
    return parser


def run_gui_command(args: argparse.Namespace) -> int:
    """No subcommand: the demo (``--demo``) or the GUI for the profile."""
    if getattr(args, "demo", False):
        from hai_desktop.cli_demo import run_demo

        return run_demo(args)
    from hai_desktop.gui.app import run_gui  # Qt only from here on

    if getattr(args, "exit_when_ready", False):
        return run_gui(paths_from_args(args), demo=False, **_exit_when_ready_hooks())
    return run_gui(paths_from_args(args), demo=False)


def _exit_when_ready_hooks() -> dict:
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def painted(window) -> None:
        print("PAINT", time.time(), flush=True)

    def ready(window) -> None:
        def usable() -> None:
            print("READY", time.time(), flush=True)
            QApplication.quit()

        QTimer.singleShot(0, usable)

    return {"on_first_paint": painted, "on_ready": ready}


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``hai-desktop``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        return run_gui_command(args)
    from hai_desktop.core.db.errors import classify, sqlite_code

    try:
        _command_logging(args)
        return int(func(args) or 0)
    except CommandFailed as exc:
        print(exc, file=sys.stderr)
        return exc.code
    except Exception as exc:
        # A full disk, a read-only folder, a locked or damaged file: words, never a
        # traceback, also for an SQLite error core let through unclassified. Anything else
        # (other OSErrors, bugs) propagates.
        paths = paths_from_args(args)
        if isinstance(exc, OSError) and exc.filename:
            where = None  # the file the OS names (an export's --out)
        elif sqlite_code(exc) is not None:
            where = paths.database
        else:
            where = paths.data_dir
        typed = classify(exc, where)
        if typed is None:
            raise
        log.error("command failed on storage: %s", typed.code)
        print(storage_failure_text(typed), file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    raise SystemExit(main())
