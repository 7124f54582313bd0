"""``hai-desktop login`` / ``logout`` / ``sync`` (registered by ``hai_desktop.cli``).

Headless sign-in and sync for IT staff and scripts. The password comes from a prompt (or
the first line of stdin when it is not a terminal) and is never stored; the token goes to
the OS keyring or a private file (``core.credentials``). ``sync`` exits non-zero when
something could not be sent, with the reason printed.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys

from hai_desktop.cli import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    paths_from_args,
    profile_db,
    setup_cli_logging,
)
from hai_desktop.cli_texts import summary_lines, sync_text, validation_lines

log = logging.getLogger(__name__)


def register(subparsers, parents: list[argparse.ArgumentParser]) -> None:
    """Add ``login``, ``logout`` and ``sync`` to the CLI's subparsers (``parents``: the
    CLI's common option parsers, ``--data-dir``)."""

    login = subparsers.add_parser("login", parents=parents, help="masuk ke HAI Hub")
    login.add_argument("--hub", required=True, metavar="URL", help="alamat HAI Hub")
    login.add_argument("--email", required=True, help="e-mail kedinasan")
    login.add_argument("--ca-bundle", metavar="FILE", help="berkas CA (PEM) untuk hub ini")
    login.add_argument("--proxy", metavar="URL", help="proxy (bawaan: proxy sistem)")
    login.set_defaults(func=cmd_login)

    logout = subparsers.add_parser("logout", parents=parents, help="keluar dari HAI Hub")
    logout.set_defaults(func=cmd_logout)

    sync = subparsers.add_parser(
        "sync", parents=parents, help="kirim antrean ke HAI Hub dan ambil pembaruan"
    )
    sync.set_defaults(func=cmd_sync)


def _read_password() -> str:
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass("Kata sandi: ")
    return (sys.stdin.readline() if sys.stdin else "").rstrip("\r\n")


def cmd_login(args: argparse.Namespace) -> int:
    """Sign in; store the hub URL in the settings and the token in the keyring/file."""
    from hai_desktop.core import profile_store
    from hai_desktop.core import settings as settings_mod
    from hai_desktop.core.errors import ValidationError
    from hai_desktop.core.sync import account
    from hai_desktop.core.sync.protocol import HubError

    paths = paths_from_args(args)
    setup_cli_logging(paths)
    password = _read_password()
    if not password:
        print("Kata sandi kosong.", file=sys.stderr)
        return EXIT_USAGE
    with profile_db(paths):
        if args.ca_bundle or args.proxy:
            current = settings_mod.Settings.load(paths.settings)
            if args.ca_bundle:
                current.ca_bundle = args.ca_bundle
            if args.proxy:
                current.proxy = args.proxy
            current.save(paths.settings)
        try:
            user = account.sign_in(paths, args.hub, args.email, password)
        except HubError as err:
            print(f"Gagal masuk: {_login_message(err)}", file=sys.stderr)
            return EXIT_FAILED
        finally:
            password = ""  # noqa: F841  (drop the reference as early as possible)
        office = user.get("office") or {}
        print(f"Masuk sebagai {user.get('name') or args.email} ({user.get('role')}).")
        if office:
            print(f"Kantor: {office.get('name') or office.get('code')}")
        if profile_store.get_profile() is None and office.get("code"):
            # A fresh PC: the hub knows who this is, so the profile need not be typed again.
            try:
                profile_store.set_profile(
                    user.get("name") or args.email,
                    user.get("email") or args.email,
                    office["code"],
                )
                print("Profil desk dibuat dari akun HAI Hub.")
            except ValidationError as exc:
                print("Profil belum dibuat:", *validation_lines(exc.errors), file=sys.stderr)
        return EXIT_OK


def _login_message(err) -> str:
    from hai_desktop.core.sync.protocol import ErrorKind

    if err.kind is ErrorKind.AUTH:
        return "e-mail atau kata sandi salah (atau e-mail bukan e-mail kedinasan)."
    return sync_text(*err.message_code())


def cmd_logout(args: argparse.Namespace) -> int:
    """Revoke the token at the hub (when reachable) and forget it here."""
    from hai_desktop.core import credentials
    from hai_desktop.core.sync import account
    from hai_desktop.core.sync.protocol import HubError

    paths = paths_from_args(args)
    setup_cli_logging(paths)
    try:
        client = account.default_client_factory(paths)()
    except HubError:
        client = None
    account.sign_out(paths, client)
    if client is not None:
        client.close()
    credentials.clear_token(paths)
    print("Sudah keluar dari HAI Hub. Data di komputer ini tetap ada.")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    """One sync pass; exit 1 when anything could not be sent (the reason printed)."""
    from hai_desktop.core.sync import engine

    paths = paths_from_args(args)
    if paths.database.exists():
        setup_cli_logging(paths)  # not before: logging would create the profile folder
    with profile_db(paths, must_exist=True):
        report = engine.SyncEngine(paths).run_once(force=True)
        for line in summary_lines(report):
            print(line)
        failed = report.skipped or report.error is not None or bool(report.rejected)
        if report.error is not None:
            print(f"Alasan: {sync_text(*report.error.message_code())}", file=sys.stderr)
        elif report.skipped:
            print(f"Alasan: {sync_text(report.status.code, report.status.params)}", file=sys.stderr)
        elif report.rejected:
            print(
                f"Alasan: {len(report.rejected)} catatan ditolak HAI Hub (lihat di atas).",
                file=sys.stderr,
            )
        return EXIT_FAILED if failed else EXIT_OK
