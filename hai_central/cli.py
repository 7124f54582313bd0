"""``hai-central``: run the hub (``serve``) and administer it (``admin …``).

Both read the environment described in :mod:`hai_central.settings`; ``--data-dir`` and
``--database-url`` override ``HAI_DATA_DIR`` and ``HAI_DATABASE_URL``.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from hai_central.errors import ApiError
from hai_contract.codes import BROADCAST_KINDS, OUTAGE_STATUSES


def _print(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2))


def _open(args: argparse.Namespace):
    from hai_central import security
    from hai_central.main import open_store
    from hai_central.settings import Settings

    settings = Settings.from_env()
    security.configure(settings.argon2_fast)
    open_store(settings)
    return settings


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

    _open(args)
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

    _open(args)
    if args.action == "list":
        for u in auth.list_users():
            print(
                f"{u['email']:<40} {u['role']:<12} {u['office']['code']:<24} "
                f"{'active' if u['active'] else 'inactive'}  {u['id']}"
            )
    elif args.action == "add":
        password = _password(args) or getpass.getpass("Password: ")
        _print(auth.create_user(args.email, args.name, password, args.role, args.office))
    elif args.action == "set":
        user = auth.find_user(args.user)
        if user is None:
            print("no such user", file=sys.stderr)
            return 1
        active = None if args.active is None else args.active == "yes"
        _print(
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


def read_kb_file(path: Path) -> list[dict[str, Any]]:
    """KB entries from a JSON list or an XLSX sheet with a header row."""
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).active
        rows = sheet.iter_rows(values_only=True)
        header = [str(h).strip().lower() if h is not None else "" for h in next(rows)]
        items = []
        for row in rows:
            if not any(v not in (None, "") for v in row):
                continue
            item: dict[str, Any] = {}
            for key, value in zip(header, row, strict=False):
                if not key or value in (None, ""):
                    continue
                if key in ("regulations", "tags", "source_inquiry_ids"):
                    value = [
                        p.strip() for p in str(value).replace("\n", ";").split(";") if p.strip()
                    ]
                elif key == "valid_until" and hasattr(value, "isoformat"):
                    value = value.isoformat() + (
                        "Z" if getattr(value, "tzinfo", None) is None else ""
                    )
                else:
                    value = str(value).strip() if not isinstance(value, str) else value.strip()
                item[key] = value
            items.append(item)
        return items
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("items") or data.get("entries") or []
    return list(data)


def cmd_kb(args: argparse.Namespace) -> int:
    from hai_central.services import kb

    _open(args)
    items = read_kb_file(Path(args.file))
    result = kb.import_entries(items)
    print(f"KB import: {result['created']} created, {result['updated']} updated")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from hai_central.services import inquiries

    _open(args)
    if args.action == "list":
        page = inquiries.review_queue(args.status, 0, args.limit)
        for item in page["items"]:
            q = (item.get("question") or "").replace("\n", " ")[:70]
            print(f"{item['id']}  {item['office_code']:<22} {item.get('department', ''):<7} {q}")
        print(f"({len(page['items'])} shown{', more waiting' if page['has_more'] else ''})")
    else:
        fields = (
            {k: v for k, v in (("title", args.title), ("id", args.kb_entry_id)) if v}
            if args.action == "accept"
            else None
        )
        result = inquiries.decide(
            _cli_user("agent"), args.inquiry_id, args.action, fields, args.note
        )
        _print(result)
    return 0


def _cli_user(role: str):
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


def cmd_broadcasts(args: argparse.Namespace) -> int:
    import uuid

    from hai_central.schemas import BroadcastIn
    from hai_central.services import broadcast_email, broadcast_replies, broadcasts

    settings = _open(args)
    if args.action == "list":
        page = broadcasts.changes(_cli_user("broadcaster"), 0, 2000)
        for b in page["items"]:
            status = f" [{b['outage_status']}]" if b.get("outage_status") else ""
            print(
                f"{b['number']}  {b['id']}  {b['published_at']}  {b['kind']:<14} "
                f"{b['urgency']:<7} {b['title']}{status}"
            )
        return 0
    if args.action in ("receipts", "replies"):
        try:
            view = (
                broadcast_replies.receipts
                if args.action == "receipts"
                else broadcast_replies.replies
            )
            _print(view(args.broadcast_id.lower()))
        except ApiError as exc:
            print(f"error: {exc.message}", file=sys.stderr)
            return 1
        return 0
    if args.action == "send-email":
        _print(broadcast_email.deliver_due(settings))
        return 0
    audience = None
    if args.role or args.office_kind or args.office_code:
        audience = {
            "roles": args.role or [],
            "office_kinds": args.office_kind or [],
            "office_codes": args.office_code or [],
        }
    try:
        body = BroadcastIn.model_validate(
            {
                "id": args.id or str(uuid.uuid4()),
                "kind": args.kind,
                "title": args.title,
                "body": args.body,
                "urgency": args.urgency,
                "audience": audience,
                "contact": {
                    "name": args.contact_name,
                    "phone": args.contact_phone,
                    "email": args.contact_email,
                },
                "attachments": [
                    {"sha256": sha, "filename": name}
                    for sha, _, name in (a.partition(":") for a in args.attachment or [])
                ],
                "valid_until": args.valid_until,
                "ack_required": True if args.ack_required else None,
                "affected_applications": args.application or [],
                "outage_status": args.outage_status,
                "updates": args.updates or args.resolves,
                "reply_due": args.reply_due,
            }
        )
        if args.resolves and not args.outage_status:
            body.outage_status = "resolved"
        key = broadcasts.load_signing_key(settings.signing_key_file)
        item, _ = broadcasts.create(
            _cli_user("broadcaster"), key, body, email=bool(settings.smtp_host)
        )
    except ApiError as exc:
        print(f"error: {exc.message} {exc.details or ''}", file=sys.stderr)
        return 1
    except ValueError as exc:  # pydantic's ValidationError
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _print(item)
    return 0


def _ticket_id(ref: str) -> str:
    """A ticket's id from its id or its number (HAI-2026-000123)."""
    from hai_central.errors import not_found
    from hai_central.store import db as store
    from hai_central.store.models import Ticket

    with store.session():
        t = Ticket.get_or_none((Ticket.id == ref.lower()) | (Ticket.number == ref.upper()))
    if t is None:
        raise not_found("ticket")
    return t.id


def cmd_tickets(args: argparse.Namespace) -> int:
    import mimetypes
    import uuid
    from pathlib import Path

    from hai_central.schemas import AttachmentRef, TicketMessageIn, TicketPatch
    from hai_central.services import attachments, tickets

    settings = _open(args)
    agent = _cli_user("agent")
    if args.action == "list":
        page = tickets.changes(agent, 0, 2000, args.office)
        for t in page["items"]:
            if args.status and t["status"] != args.status:
                continue
            print(
                f"{t['number']}  {t['id']}  {t['office_code']:<22} {t['status']:<11} "
                f"L{t['level']}  {t['sla']['resolve_due'] or '-'}  {t['subject']}"
            )
        return 0
    ticket_id = _ticket_id(args.ticket_id)
    if args.action == "show":
        ticket = tickets.get(agent, ticket_id)
    elif args.action == "reply":
        refs = []
        for name in args.attach or []:
            path = Path(name)
            data = path.read_bytes()
            sha = hashlib.sha256(data).hexdigest()
            attachments.put(
                agent,
                settings.attachments_dir,
                sha,
                data,
                path.name,
                mimetypes.guess_type(path.name)[0],
            )
            refs.append(AttachmentRef(sha256=sha, filename=attachments.safe_filename(path.name)))
        ticket, _ = tickets.add_message(
            agent,
            ticket_id,
            TicketMessageIn(id=uuid.uuid4(), body=args.body, attachments=refs, status=args.status),
        )
    else:
        ticket = tickets.patch(
            agent,
            ticket_id,
            TicketPatch(
                status=args.status,
                level=args.level,
                assigned_department=args.department,
                assigned_to=args.assign,
            ),
        )
    _print(ticket)
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    from hai_central.services import calendar

    _open(args)
    if args.action == "list":
        for d in calendar.list_days(args.year):
            print(f"{d['date']}  {d['kind']:<4} {d['source']:<8} {d['name']}")
        return 0
    if args.action == "add":
        _print(calendar.set_day(args.date, args.kind, args.name, None))
        return 0
    if not calendar.remove_day(args.date):
        print(f"error: {args.date} is not an admin's day", file=sys.stderr)
        return 2
    print(f"removed {args.date}")
    return 0


def cmd_desks(args: argparse.Namespace) -> int:
    from hai_central.services import desks

    _open(args)
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

    kbp = asub.add_parser("kb").add_subparsers(dest="action", required=True)
    kimp = kbp.add_parser("import", help="KB entries from JSON (list of KbEntry) or XLSX")
    kimp.add_argument("file")
    kimp.set_defaults(func=cmd_kb)

    review = asub.add_parser("review").add_subparsers(dest="action", required=True)
    rlist = review.add_parser("list")
    rlist.add_argument("--status", default="pending", choices=["pending", "accepted", "rejected"])
    rlist.add_argument("--limit", type=int, default=50)
    rlist.set_defaults(func=cmd_review)
    acc = review.add_parser("accept")
    acc.add_argument("inquiry_id")
    acc.add_argument("--title")
    acc.add_argument("--kb-entry-id", help="update this KB entry instead of creating one")
    acc.add_argument("--note")
    acc.set_defaults(func=cmd_review)
    rej = review.add_parser("reject")
    rej.add_argument("inquiry_id")
    rej.add_argument("--note")
    rej.set_defaults(func=cmd_review)

    bc = asub.add_parser(
        "broadcasts", aliases=["broadcast"], help="publish broadcasts, follow receipts and replies"
    ).add_subparsers(dest="action", required=True)
    bc.add_parser("list").set_defaults(func=cmd_broadcasts)
    pub = bc.add_parser("publish", help="publish a signed broadcast")
    pub.add_argument("--id")
    pub.add_argument(
        "--kind",
        required=True,
        choices=list(BROADCAST_KINDS),
    )
    pub.add_argument("--title", required=True)
    pub.add_argument("--body", required=True)
    pub.add_argument("--urgency", default="normal", choices=["normal", "urgent"])
    pub.add_argument("--contact-name", required=True)
    pub.add_argument("--contact-phone", required=True)
    pub.add_argument("--contact-email", required=True)
    pub.add_argument("--role", action="append", help="audience role (repeatable)")
    pub.add_argument("--office-kind", action="append", help="audience office kind (repeatable)")
    pub.add_argument("--office-code", action="append", help="audience office (repeatable)")
    pub.add_argument("--attachment", action="append", help="SHA256:FILENAME of an uploaded file")
    pub.add_argument("--valid-until")
    pub.add_argument("--ack-required", action="store_true", help="ask for an acknowledgement")
    pub.add_argument("--application", action="append", help="affected application (outage)")
    pub.add_argument("--outage-status", choices=list(OUTAGE_STATUSES))
    pub.add_argument("--updates", help="id of the outage notice this one follows up")
    pub.add_argument("--resolves", help="id of the outage notice this one closes (= resolved)")
    pub.add_argument("--reply-due", help="data request: replies due by (RFC 3339)")
    pub.set_defaults(func=cmd_broadcasts)
    for action, text in (
        ("receipts", "per office: read, acknowledged, neither"),
        ("replies", "per office: replied, late, missing"),
    ):
        view = bc.add_parser(action, help=text)
        view.add_argument("broadcast_id")
        view.set_defaults(func=cmd_broadcasts)
    bc.add_parser("send-email", help="send the due e-mail copies now").set_defaults(
        func=cmd_broadcasts
    )

    statuses = ["new", "in_progress", "waiting", "escalated", "answered", "closed"]
    tk = asub.add_parser("tickets", help="answer and route tickets as HAI-DJPBN").add_subparsers(
        dest="action", required=True
    )
    tl = tk.add_parser("list")
    tl.add_argument("--office")
    tl.add_argument("--status", choices=statuses)
    tl.set_defaults(func=cmd_tickets)
    tsh = tk.add_parser("show", help="one ticket with its conversation (JSON)")
    tsh.add_argument("ticket_id", help="id or number (HAI-2026-000123)")
    tsh.set_defaults(func=cmd_tickets)
    tr = tk.add_parser("reply", help="answer a ticket as HAI-DJPBN")
    tr.add_argument("ticket_id", help="id or number (HAI-2026-000123)")
    tr.add_argument("body")
    tr.add_argument("--attach", action="append", help="a file to attach (repeatable)")
    tr.add_argument("--status", choices=statuses, help="status after the reply (default: answered)")
    tr.set_defaults(func=cmd_tickets)
    ts = tk.add_parser("set", help="change status, level, department or assigned agent")
    ts.add_argument("ticket_id", help="id or number (HAI-2026-000123)")
    ts.add_argument("--status", choices=statuses)
    ts.add_argument("--level", type=int, choices=[1, 2, 3])
    ts.add_argument("--department")
    ts.add_argument("--assign", help="the agent (e-mail) the ticket is assigned to")
    ts.set_defaults(func=cmd_tickets)

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
