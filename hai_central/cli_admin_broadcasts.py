"""``hai-central admin broadcasts``: publish broadcasts, follow receipts and replies."""

from __future__ import annotations

import argparse
import sys

from hai_central.cli_common import cli_user, open_hub, print_json
from hai_central.errors import ApiError
from hai_contract.codes import BROADCAST_KINDS, OUTAGE_STATUSES


def cmd_broadcasts(args: argparse.Namespace) -> int:
    import uuid

    from hai_central.schemas.broadcasts import BroadcastIn
    from hai_central.services import broadcast_email, broadcast_replies, broadcasts

    settings = open_hub(args)
    if args.action == "list":
        page = broadcasts.changes(cli_user("broadcaster"), 0, 2000)
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
            print_json(view(args.broadcast_id.lower()))
        except ApiError as exc:
            print(f"error: {exc.message}", file=sys.stderr)
            return 1
        return 0
    if args.action == "send-email":
        print_json(broadcast_email.deliver_due(settings))
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
            cli_user("broadcaster"), key, body, email=bool(settings.smtp_host)
        )
    except ApiError as exc:
        print(f"error: {exc.message} {exc.details or ''}", file=sys.stderr)
        return 1
    except ValueError as exc:  # pydantic's ValidationError
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print_json(item)
    return 0


def register(asub) -> None:
    """Add ``broadcasts list|publish|receipts|replies|send-email`` to ``admin``."""
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
