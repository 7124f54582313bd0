"""``hai-central``: run the hub (``serve``) and administer it (``admin …``).

Both read the environment described in :mod:`hai_central.settings`; ``--data-dir`` and
``--database-url`` override ``HAI_DATA_DIR`` and ``HAI_DATABASE_URL``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
from pathlib import Path

from hai_central import cli_admin_broadcasts, cli_admin_kb, cli_admin_tickets
from hai_central.cli_common import open_hub, print_json
from hai_central.errors import ApiError


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from hai_central.main import create_app
    from hai_central.settings import Settings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if args.workers > 1:
        # Each worker builds its app from the environment (migrations are lock-protected).
        uvicorn.run(
            "hai_central.main:app_from_env",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            access_log=False,
            log_level=args.log_level,
        )
    else:
        uvicorn.run(
            create_app(Settings.from_env()),
            host=args.host,
            port=args.port,
            access_log=False,
            log_level=args.log_level,
        )
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from hai_central.settings import Settings
    from hai_central.store import db as store
    from hai_central.store.migrate import latest_version, migrate, schema_version

    settings = Settings.from_env()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = store.make_database(settings.effective_database_url)
    applied = migrate(db, args.target)
    with db.connection_context():
        version = schema_version(db)
    print(f"schema version {version} (latest {latest_version()}); applied: {applied or 'none'}")
    return 0


def cmd_offices(args: argparse.Namespace) -> int:
    from hai_central.services import reference

    open_hub(args)
    if args.action == "list":
        for o in reference.offices():
            print(f"{o['code']:<28} {o['kind']:<7} {o.get('parent_code') or '-':<24} {o['name']}")
    elif args.action == "add":
        created = reference.upsert_office(
            {
                "code": args.code,
                "name": args.name,
                "kind": args.kind,
                "parent_code": args.parent,
                **({"email": args.email} if args.email else {}),
            },
            overwrite=False,
        )
        print("created" if created else "exists")
    elif args.action == "import":
        data = json.loads(Path(args.file).read_text(encoding="utf-8"))
        items = data.get("offices", []) if isinstance(data, dict) else data
        print(f"imported {reference.import_offices(items)} offices")
    return 0


def _password(args: argparse.Namespace) -> str | None:
    if getattr(args, "password_env", None):
        return os.environ[args.password_env]
    if getattr(args, "password", None):
        return args.password
    return None


def cmd_users(args: argparse.Namespace) -> int:
    from hai_central.services import auth

    open_hub(args)
    if args.action == "list":
        for u in auth.list_users():
            print(
                f"{u['email']:<40} {u['role']:<12} {u['office']['code']:<24} "
                f"{'active' if u['active'] else 'inactive'}  {u['id']}"
            )
    elif args.action == "add":
        password = _password(args) or getpass.getpass("Password: ")
        print_json(auth.create_user(args.email, args.name, password, args.role, args.office))
    elif args.action == "set":
        user = auth.find_user(args.user)
        if user is None:
            print("no such user", file=sys.stderr)
            return 1
        active = None if args.active is None else args.active == "yes"
        print_json(
            auth.update_user(
                user.id,
                role=args.role,
                office_code=args.office,
                active=active,
                name=args.name,
                password=_password(args),
            )
        )
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    from hai_central.services import calendar

    open_hub(args)
    if args.action == "list":
        for d in calendar.list_days(args.year):
            print(f"{d['date']}  {d['kind']:<4} {d['source']:<8} {d['name']}")
        return 0
    if args.action == "add":
        print_json(calendar.set_day(args.date, args.kind, args.name, None))
        return 0
    if not calendar.remove_day(args.date):
        print(f"error: {args.date} is not an admin's day", file=sys.stderr)
        return 2
    print(f"removed {args.date}")
    return 0


def cmd_desks(args: argparse.Namespace) -> int:
    from hai_central.services import desks

    open_hub(args)
    for d in desks.list_desks(args.office):
        print(
            f"{d['device_id']:<38} {d['office_code'] or '-':<22} {d['last_seen']}  "
            f"v{d['app_version'] or '?'}  outbox={d['outbox_depth']}"
        )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hai-central", description="HAI Hub")
    parser.add_argument("--data-dir", help="overrides HAI_DATA_DIR")
    parser.add_argument("--database-url", help="overrides HAI_DATABASE_URL")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the hub (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--log-level", default="info")
    serve.set_defaults(func=cmd_serve)

    admin = sub.add_parser("admin", help="administer offices, users, KB, review, desks")
    asub = admin.add_subparsers(dest="area", required=True)

    m = asub.add_parser("migrate", help="bring the database schema up to date")
    m.add_argument("--target", type=int)
    m.set_defaults(func=cmd_migrate)

    offices = asub.add_parser("offices").add_subparsers(dest="action", required=True)
    offices.add_parser("list").set_defaults(func=cmd_offices)
    add = offices.add_parser("add")
    add.add_argument("code")
    add.add_argument("name")
    add.add_argument("kind", choices=["KPPN", "KANWIL", "PUSAT"])
    add.add_argument("--parent")
    add.add_argument("--email", help="the office's address for broadcast e-mails")
    add.set_defaults(func=cmd_offices)
    imp = offices.add_parser("import", help="offices from a JSON list (or the reference file)")
    imp.add_argument("file")
    imp.set_defaults(func=cmd_offices)

    users = asub.add_parser("users").add_subparsers(dest="action", required=True)
    users.add_parser("list").set_defaults(func=cmd_users)
    uadd = users.add_parser("add")
    uadd.add_argument("email")
    uadd.add_argument("name")
    uadd.add_argument("role", choices=["cso", "agent", "broadcaster", "supervisor", "admin"])
    uadd.add_argument("office")
    uadd.add_argument("--password", help="(visible in the process list; prefer --password-env)")
    uadd.add_argument("--password-env", help="name of an environment variable holding it")
    uadd.set_defaults(func=cmd_users)
    uset = users.add_parser("set")
    uset.add_argument("user", help="e-mail or id")
    uset.add_argument("--role", choices=["cso", "agent", "broadcaster", "supervisor", "admin"])
    uset.add_argument("--office")
    uset.add_argument("--name")
    uset.add_argument("--active", choices=["yes", "no"])
    uset.add_argument("--password")
    uset.add_argument("--password-env")
    uset.set_defaults(func=cmd_users)

    for register in (
        cli_admin_kb.register,
        cli_admin_broadcasts.register,
        cli_admin_tickets.register,
    ):
        register(asub)

    cal = asub.add_parser(
        "calendar", help="days off for SLA working time (cuti bersama, holidays)"
    ).add_subparsers(dest="action", required=True)
    cl = cal.add_parser("list", help="the year's national and added days")
    cl.add_argument("--year", type=int, required=True)
    cl.set_defaults(func=cmd_calendar)
    ca = cal.add_parser("add", help="mark a day off (or, with --kind work, a working day)")
    ca.add_argument("date", help="YYYY-MM-DD")
    ca.add_argument("--name", required=True)
    ca.add_argument("--kind", choices=["off", "work"], default="off")
    ca.set_defaults(func=cmd_calendar)
    cr = cal.add_parser("remove", help="take back an added day")
    cr.add_argument("date", help="YYYY-MM-DD")
    cr.set_defaults(func=cmd_calendar)

    desks = asub.add_parser("desks").add_subparsers(dest="action", required=True)
    dl = desks.add_parser("list")
    dl.add_argument("--office")
    dl.set_defaults(func=cmd_desks)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``hai-central`` console script."""
    args = build_parser().parse_args(argv)
    if args.data_dir:
        os.environ["HAI_DATA_DIR"] = args.data_dir
    if args.database_url:
        os.environ["HAI_DATABASE_URL"] = args.database_url
    try:
        return int(args.func(args) or 0)
    except ApiError as exc:
        print(f"error: {exc.message} {exc.details or ''}".strip(), file=sys.stderr)
        return 2
    except (ValueError, FileNotFoundError) as exc:  # pydantic's ValidationError is a ValueError
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
