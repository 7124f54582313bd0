"""``hai-desktop tickets`` / ``ticket new|show`` (registered by ``hai_desktop.cli``).

For IT staff and scripts, offline like the desk itself:

- ``tickets [--status S] [--json]``: the office's tickets;
- ``ticket new --inquiry ID [--subject …] [--message …] [--priority …] [--attach FILE]…``:
  queues a ticket exactly as the form does (prefilled from the inquiry, the same
  ``validate``/``check_file`` checks, the same Indonesian messages). Without ``--inquiry``,
  ``--department``, ``--subject``, ``--message`` and the requester are given as options.
  A refusal prints every reason and exits 2; nothing is queued then. The KB entries that
  match the subject are named (the centre's answer may already exist), as the form shows
  them. ``hai-desktop sync`` (or the open desk) sends it;
- ``ticket show NUMBER|ID [--json]``: the ticket and its conversation.

Never imports Qt.
"""

from __future__ import annotations

import argparse
import json
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

log = logging.getLogger(__name__)

STATUS_TEXTS = {
    "new": "baru",
    "in_progress": "diproses",
    "waiting": "menunggu pengguna",
    "escalated": "dieskalasi",
    "answered": "dijawab",
    "closed": "ditutup",
}
ROLE_TEXTS = {"cso": "CSO", "agent": "Agen HAI-DJPBN", "admin": "Admin HAI-DJPBN"}
PRIORITY_TEXTS = {"low": "rendah", "normal": "normal", "high": "tinggi", "urgent": "mendesak"}
# Form field -> the option that sets it (a refusal names what to change).
FIELD_OPTIONS = {
    "inquiry_id": "--inquiry",
    "department": "--department",
    "subject": "--subject",
    "message": "--message",
    "priority": "--priority",
    "requester_name": "--requester-name",
    "requester_email": "--requester-email",
    "requester_phone": "--requester-phone",
    "requester_satker": "--requester-satker",
    "attachments": "--attach",
}
OVERRIDES = ("department", "subject", "message", "priority") + tuple(
    f for f in FIELD_OPTIONS if f.startswith("requester_")
)
WAITING_NUMBER = "menunggu kirim"
KB_MATCHES = 3


def register(subparsers, parents: list[argparse.ArgumentParser]) -> None:
    """Add ``tickets`` and ``ticket new|show`` to the CLI's subparsers."""
    listing = subparsers.add_parser(
        "tickets", parents=parents, help="tiket ke HAI-DJPBN dari kantor ini"
    )
    listing.add_argument("--status", choices=sorted(STATUS_TEXTS), help="hanya status ini")
    listing.add_argument("--limit", type=int, default=500)
    listing.add_argument("--json", action="store_true", help="keluaran JSON")
    listing.set_defaults(func=cmd_list)

    one = subparsers.add_parser("ticket", parents=parents, help="satu tiket ke HAI-DJPBN")
    sub = one.add_subparsers(dest="ticket_command", required=True)
    new = sub.add_parser(
        "new", parents=parents, help="teruskan ke HAI-DJPBN (antre, dikirim saat sinkron)"
    )
    new.add_argument("--inquiry", metavar="ID", help="catatan layanan yang diteruskan")
    new.add_argument("--department", metavar="KODE", help="bidang (bawaan: dari catatan)")
    new.add_argument("--subject", metavar="TEKS", help="subjek (bawaan: dari pertanyaan)")
    new.add_argument("--message", metavar="TEKS", help="uraian (bawaan: pertanyaan lengkap)")
    new.add_argument(
        "--priority", metavar="PRIORITAS", help="low, normal, high atau urgent (bawaan: normal)"
    )
    new.add_argument("--requester-name", metavar="NAMA", help="nama pemohon")
    new.add_argument("--requester-email", metavar="EMAIL", help="e-mail pemohon")
    new.add_argument("--requester-phone", metavar="TELEPON", help="telepon pemohon")
    new.add_argument("--requester-satker", metavar="KODE", help="kode satker pemohon")
    new.add_argument(
        "--attach", metavar="BERKAS", action="append", default=[], help="lampiran (berulang)"
    )
    new.add_argument("--json", action="store_true", help="keluaran JSON")
    new.set_defaults(func=cmd_new)
    show = sub.add_parser("show", parents=parents, help="tampilkan tiket dan percakapannya")
    show.add_argument("ref", metavar="NOMOR|ID")
    show.add_argument("--json", action="store_true", help="keluaran JSON")
    show.set_defaults(func=cmd_show)


# ------------------------------------------------------------------ list / show


def _dump(value) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _due_mark(item: dict) -> str:
    """``!`` overdue, ``=`` the SLA clock paused (waiting for the user), else blank."""
    from datetime import UTC, datetime

    from hai_desktop.core.timeutil import parse_utc

    sla = item["sla"]
    if item["status"] == "closed":
        return " "
    if sla.get("paused"):
        return "="
    due = sla.get("resolve_due")
    return "!" if due and parse_utc(due) < datetime.now(UTC) else " "


def _line(item: dict) -> str:
    marks = ("*" if item["unread"] else " ") + _due_mark(item)
    number = item["number"] or WAITING_NUMBER
    status = STATUS_TEXTS.get(item["status"], item["status"])
    return (
        f"{marks} {number:<16} {status:<17} L{item['level']} {item['department']:<6} "
        f"{item['subject']}  [{item['id']}]"
    )


def cmd_list(args: argparse.Namespace) -> int:
    from hai_desktop.core import tickets_json

    with profile_db(paths_from_args(args), must_exist=True, check="auto"):
        rows = tickets_json.list_tickets(args.status, limit=args.limit)
        items = [tickets_json.ticket_summary(t) for t in rows]
    if args.json:
        _dump(items)
    else:
        for item in items:
            print(_line(item))
        if not items:
            print("Belum ada tiket.")
    return EXIT_OK


def _attachment_lines(refs: list[dict]) -> list[str]:
    lines = []
    for ref in refs:
        size = f"{ref['size']} bita" if ref["size"] else "ukuran belum diketahui"
        lines.append(f"  Lampiran: {ref['filename']} ({size}, sha256 {ref['sha256']})")
    return lines


def _detail_lines(item: dict) -> list[str]:
    sla = item["sla"]
    status = STATUS_TEXTS.get(item["status"], item["status"])
    lines = [
        f"Tiket {item['number'] or WAITING_NUMBER}  [{item['id']}]",
        f"Status: {status}, level {item['level']}, "
        f"prioritas {PRIORITY_TEXTS.get(item['priority'], item['priority'])}",
        f"Bidang: {item['department']}",
        f"Subjek: {item['subject']}",
    ]
    requester = item["requester"]
    if requester.get("name"):
        contact = ", ".join(v for v in (requester.get("email"), requester.get("phone")) if v)
        lines.append(f"Pemohon: {requester['name']}" + (f" ({contact})" if contact else ""))
    if sla.get("response_due") or sla.get("resolve_due"):
        lines.append(
            f"Batas respons: {sla.get('response_due') or '-'}, "
            f"batas selesai: {sla.get('resolve_due') or '-'}"
        )
    if sla.get("paused"):
        lines.append("Waktu SLA dijeda: menunggu pengguna.")
    if item["sync_status"] == "rejected":
        lines.append(f"Ditolak HAI Hub: {item['sync_error'] or '-'}")
    lines += ["", f"--- CSO, {item['created_at']}", item["message"]]
    lines += _attachment_lines(item["attachments"])
    for m in item["messages"]:
        who = ROLE_TEXTS.get(m["author_role"], m["author_role"])
        if m["author_name"]:
            who = f"{who} ({m['author_name']})"
        lines += ["", f"--- {who}, {m['created_at']}", m["body"]]
        lines += _attachment_lines(m["attachments"])
    if item["status"] == "closed":
        verdict = {True: "puas", False: "tidak puas"}.get(item["satisfied"], "tidak dinilai")
        lines += ["", f"Ditutup {item['closed_at'] or ''}: pemohon {verdict}."]
        if item["close_note"]:
            lines.append(f"Catatan: {item['close_note']}")
    return lines


def cmd_show(args: argparse.Namespace) -> int:
    from hai_desktop.core import tickets, tickets_json

    with profile_db(paths_from_args(args), must_exist=True, check="auto"):
        ticket = tickets.get_ticket(args.ref)
        if ticket is None:
            print(f"Tiket {args.ref} tidak ada di desk ini.", file=sys.stderr)
            return EXIT_FAILED
        item = tickets_json.ticket_detail(ticket)
    if args.json:
        _dump(item)
    else:
        print("\n".join(_detail_lines(item)))
    return EXIT_OK


# ------------------------------------------------------------------ new


def field_text(code: str) -> str:
    """The words of a form field's message code (the CLI's table, then the core's)."""
    from hai_desktop.cli_texts import VALIDATION_TEXTS
    from hai_desktop.core import tickets

    return VALIDATION_TEXTS.get(code) or tickets.message(code)


def kb_matches(subject: str, department: str, limit: int = KB_MATCHES) -> list[dict]:
    """The KB entries the form shows beside the subject (the answer may already exist)."""
    from hai_desktop.core import kb_search

    hits = kb_search.search(subject, prefer_department=department or None, limit=limit)
    return [{"id": h.id, "title": h.title} for h in hits]


def field_lines(errors: dict[str, str]) -> list[str]:
    """``--option: words`` for each refused field."""
    return [f"{FIELD_OPTIONS.get(f, f)}: {field_text(code)}" for f, code in errors.items()]


def _form_input(args: argparse.Namespace):
    """The form as it would open (prefilled from the inquiry), with the options applied."""
    from hai_desktop.core import tickets

    data = tickets.prefill_from_inquiry(args.inquiry) if args.inquiry else tickets.TicketInput()
    for name in OVERRIDES:
        value = getattr(args, name)
        if value is not None:
            setattr(data, name, value)
    data.attachment_paths = list(args.attach)
    return data


def _refuse(lines: list[str]) -> int:
    print("Tiket tidak disimpan:", file=sys.stderr)
    for line in lines:
        print(f"  {line}", file=sys.stderr)
    return EXIT_USAGE


def cmd_new(args: argparse.Namespace) -> int:
    from hai_desktop.core import attachments, tickets, tickets_json
    from hai_desktop.core.errors import NotFoundError, ValidationError
    from hai_desktop.core.profile_store import get_profile

    paths = paths_from_args(args)
    setup_cli_logging(paths)
    with profile_db(paths, must_exist=True):
        if get_profile() is None:
            print("Profil belum diisi (hai-desktop profile set ...).", file=sys.stderr)
            return EXIT_FAILED
        try:
            data = _form_input(args)
        except NotFoundError:
            return _refuse([f"--inquiry: catatan layanan {args.inquiry} tidak ada di desk ini."])
        problems = field_lines(tickets.validate(data))
        # Every file is checked as the form checks it when chosen: all reasons at once.
        files = []
        for path in data.attachment_paths:
            try:
                files.append(attachments.check_file(path))
            except attachments.AttachmentRefused as refused:
                problems.append(refused.message())
        if problems:
            return _refuse(problems)
        try:
            ticket = tickets.create_ticket(data, files)
        except ValidationError as exc:
            return _refuse(field_lines(exc.errors))
        except attachments.AttachmentRefused as refused:  # vanished or changed since checked
            return _refuse([refused.message()])
        log.info("ticket queued from the command line (%d attachments)", len(files))
        item = tickets_json.ticket_detail(ticket)
        item["kb_matches"] = kb_matches(data.subject, data.department)
    if args.json:
        _dump(item)
        return EXIT_OK
    if item["kb_matches"]:
        print("Catatan: KB sudah memuat entri yang mungkin menjawabnya:")
        for hit in item["kb_matches"]:
            print(f"  - {hit['title']}  [{hit['id']}]  (hai-desktop kb search)")
    print(f"Tiket disimpan, {WAITING_NUMBER} ke HAI-DJPBN: {item['id']}")
    for ref in item["attachments"]:
        print(f"  Lampiran: {ref['filename']} ({ref['size']} bita)")
    print("Jalankan `hai-desktop sync` (atau buka HAI Desk) untuk mengirimnya.")
    return EXIT_OK
