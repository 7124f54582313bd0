"""``hai-central admin tickets``: answer and route tickets as HAI-DJPBN."""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

from hai_central.cli_common import cli_user, open_hub, print_json


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

    from hai_central.schemas.attachments import AttachmentRef
    from hai_central.schemas.tickets import TicketMessageIn, TicketPatch
    from hai_central.services import attachments, tickets

    settings = open_hub(args)
    agent = cli_user("agent")
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
    print_json(ticket)
    return 0


def register(asub) -> None:
    """Add ``tickets list|show|reply|set`` to the ``admin`` subparsers."""
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
