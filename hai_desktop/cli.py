"""The ``hai-desktop`` command line.

- no subcommand: open the GUI (imported lazily: CLI commands never load Qt);
- ``profile set --name … --email … --office CODE`` / ``profile show``: the CSO profile,
  headless (IT staff preparing many PCs);
- ``self-check``: create/open the profile's database, migrate, quick_check, load the
  reference data; prints each check; exit 0 only if all is well.

Every command takes ``--data-dir DIR`` (default: the platformdirs user data dir).

Adding commands: a module listed in ``COMMAND_MODULES`` provides
``register(subparsers, parents)`` (``parents`` = the common option parsers, to pass to
``add_parser(..., parents=parents)``) and may provide ``add_global_options(parser)`` for
top-level flags. A listed module that is missing is skipped, so main stays usable while
it is being written. Built-in commands are registered the same way (``BUILTIN_COMMANDS``).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Callable

from hai_desktop import __version__
from hai_desktop.core.paths import ProfilePaths

log = logging.getLogger(__name__)

# Modules adding subcommands (see the module docstring). Order = order in --help.
COMMAND_MODULES = ["hai_desktop.cli_kb", "hai_desktop.cli_sync"]

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


def _setup_logging(paths: ProfilePaths) -> None:
    from hai_desktop.core.logging_setup import setup_logging

    try:
        setup_logging(paths.logs)
    except OSError:
        pass  # a read-only profile still gets its command run; self-check reports it


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


def _open(paths: ProfilePaths):
    from hai_desktop.core import reference
    from hai_desktop.core.db.database import open_database

    paths.ensure()
    db = open_database(paths.database)
    reference.seed_reference_if_empty()
    return db


def cmd_profile_set(args: argparse.Namespace) -> int:
    """Set the CSO profile; prints the Indonesian message of each invalid field."""
    from hai_desktop.core.db.database import DatabaseError
    from hai_desktop.core.errors import ValidationError
    from hai_desktop.core.profile_store import set_profile

    paths = paths_from_args(args)
    _setup_logging(paths)
    try:
        db = _open(paths)
    except DatabaseError as exc:
        print(f"Basis data tidak dapat dibuka: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        profile = set_profile(args.name, args.email, args.office)
    except ValidationError as exc:
        for field, text in exc.messages().items():
            print(f"{field}: {text}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        db.close()
    log.info("profile set from the command line (office %s)", profile.office_code)
    print(f"Profil disimpan: {profile.name} <{profile.email}>, kantor {profile.office_code}")
    print(f"Perangkat: {profile.device_id}")
    return EXIT_OK


def cmd_profile_show(args: argparse.Namespace) -> int:
    """Print the CSO profile (exit 1 if none is set)."""
    from hai_desktop.core import reference
    from hai_desktop.core.db.database import DatabaseError
    from hai_desktop.core.profile_store import get_profile

    paths = paths_from_args(args)
    try:
        db = _open(paths)
    except DatabaseError as exc:
        print(f"Basis data tidak dapat dibuka: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
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
    finally:
        db.close()


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
    _setup_logging(paths)
    results = run_self_check(paths)
    for name, ok, detail in results:
        print(f"[{'OK' if ok else 'GAGAL'}] {name}: {detail}")
    all_ok = bool(results) and all(ok for _, ok, _ in results)
    print("Semua pemeriksaan lulus." if all_ok else "Ada pemeriksaan yang gagal.")
    log.info("self-check %s", "passed" if all_ok else "failed")
    return EXIT_OK if all_ok else EXIT_FAILED


# ------------------------------------------------------------------ parser

BUILTIN_COMMANDS: list[Callable[..., None]] = [register_profile, register_self_check]


def _command_modules():
    for name in COMMAND_MODULES:
        try:
            yield importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the module exists but something it needs is missing
                raise


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (built-in and registered commands)."""
    parser = argparse.ArgumentParser(
        prog="hai-desktop",
        description="HAI Desk: aplikasi meja layanan CSO HAI-DJPBN. Tanpa perintah: buka jendela.",
    )
    parser.add_argument("--version", action="version", version=f"HAI Desk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=None,
        help="folder profil desk (bawaan: folder data pengguna)",
    )
    parents = [_data_dir_parent()]
    subparsers = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for register in BUILTIN_COMMANDS:
        register(subparsers, parents)
    for module in _command_modules():
        module.register(subparsers, parents)
        add_global = getattr(module, "add_global_options", None) or getattr(
            module, "add_demo_options", None
        )
        if add_global is not None:
            add_global(parser)
    return parser


def run_gui_command(args: argparse.Namespace) -> int:
    """No subcommand: the demo (if asked and available) or the GUI for the profile."""
    if getattr(args, "demo", False):
        for module in _command_modules():
            run_demo = getattr(module, "run_demo", None)
            if run_demo is not None:
                return run_demo(args)
        print("Mode demo tidak tersedia dalam versi ini.", file=sys.stderr)
        return EXIT_USAGE
    from hai_desktop.gui.app import run_gui  # Qt only from here on

    return run_gui(paths_from_args(args), demo=False)


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``hai-desktop``."""
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        return run_gui_command(args)
    return int(func(args) or 0)


if __name__ == "__main__":
    raise SystemExit(main())
