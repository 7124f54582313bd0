"""``hai-desktop broadcasts`` / ``broadcast show|ack`` (registered by ``hai_desktop.cli``).

The desk's stored broadcasts for IT staff and scripts, offline. ``verified`` is checked now
against the pinned hub key (a row altered after arrival says false). ``show`` does not
record a read receipt (a script looking is not a CSO reading); ``ack`` does queue the
receipt for the hub, as the urgent dialog does. Never imports Qt.
"""

from __future__ import annotations

import argparse
import json

from hai_desktop.cli import EXIT_FAILED, EXIT_OK, paths_from_args, profile_db


def register(subparsers, parents: list[argparse.ArgumentParser]) -> None:
    """Add ``broadcasts`` and ``broadcast show|ack`` to the CLI's subparsers."""
    listing = subparsers.add_parser(
        "broadcasts", parents=parents, help="siaran dari pusat yang tersimpan di desk ini"
    )
    listing.add_argument("--unread", action="store_true", help="hanya yang belum dibaca")
    listing.add_argument("--limit", type=int, default=200)
    listing.add_argument("--json", action="store_true", help="keluaran JSON")
    listing.set_defaults(func=cmd_list)

    one = subparsers.add_parser("broadcast", parents=parents, help="satu siaran")
    sub = one.add_subparsers(dest="broadcast_command", required=True)
    show = sub.add_parser("show", parents=parents, help="tampilkan satu siaran")
    show.add_argument("id")
    show.add_argument("--json", action="store_true", help="keluaran JSON")
    show.set_defaults(func=cmd_show)
    ack = sub.add_parser("ack", parents=parents, help="konfirmasi siaran (tanda terima)")
    ack.add_argument("id")
    ack.set_defaults(func=cmd_ack)
    key = sub.add_parser(
        "key", parents=parents, help="kunci tanda tangan hub: yang disimpan dan yang baru"
    )
    key.add_argument(
        "--accept",
        metavar="SIDIK_JARI",
        help="terima kunci baru hub; sidik jarinya harus sama dengan yang diumumkan pusat",
    )
    key.set_defaults(func=cmd_key)


def _line(item: dict) -> str:
    marks = "".join(
        (
            "*" if not item["read_at"] else " ",
            "!" if item["urgency"] == "urgent" else " ",
            "?" if not item["verified"] else " ",
        )
    )
    return f"{marks} {item['number'] or '-':<14} {item['kind']:<15} {item['title']}  [{item['id']}]"


def cmd_list(args: argparse.Namespace) -> int:
    from hai_desktop.core import broadcasts

    with profile_db(paths_from_args(args), must_exist=True, check="auto"):
        f = broadcasts.InboxFilter(status=broadcasts.STATUS_UNREAD if args.unread else None)
        items = [broadcasts.to_json(row) for row in broadcasts.list_inbox(f, limit=args.limit)]
    if args.json:
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        for item in items:
            print(_line(item))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from hai_desktop.core import broadcasts

    with profile_db(paths_from_args(args), must_exist=True, check="auto"):
        row = broadcasts.get(args.id.lower())
        if row is None:
            print(f"Siaran {args.id} tidak ada di desk ini.")
            return EXIT_FAILED
        item = broadcasts.to_json(row)
        item["body"] = row["body"]
        item["files"] = [
            {"filename": f["filename"], "sha256": f["sha256"], "state": f["state"]}
            for f in row["files"]
        ]
    if args.json:
        print(json.dumps(item, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(_line(item))
    if not item["verified"]:
        print("TIDAK DAPAT DIVERIFIKASI")
    print(item["body"])
    return EXIT_OK


def cmd_ack(args: argparse.Namespace) -> int:
    from hai_desktop.core import broadcasts

    with profile_db(paths_from_args(args), must_exist=True):
        row = broadcasts.get(args.id.lower())
        if row is None or row.get("problem"):
            print(f"Siaran {args.id} tidak ada di desk ini atau tidak dapat diverifikasi.")
            return EXIT_FAILED
        done = broadcasts.acknowledge(row["id"])
    print("Dikonfirmasi." if done else "Sudah dikonfirmasi sebelumnya.")
    return EXIT_OK


def cmd_key(args: argparse.Namespace) -> int:
    """Show the pinned and the newly presented hub key; ``--accept`` pins the new one when
    the fingerprint IT got from the centre matches (a key is never re-pinned silently)."""
    from hai_desktop.core import broadcasts
    from hai_desktop.core import broadcasts_verify as verify

    with profile_db(paths_from_args(args), must_exist=True):
        pinned, change = verify.pinned_key(), verify.key_change()
        if pinned:
            print(
                f"Kunci tersimpan: {verify.fingerprint(pinned['public_key'])}"
                f"  (hub {pinned['hub_url']}, sejak {pinned['pinned_at']})"
            )
        else:
            print("Belum ada kunci tersimpan (masuk ke hub dulu).")
        if change:
            print(
                f"Kunci baru dari hub: {verify.fingerprint(change['public_key'])}"
                f"  (terlihat {change['seen_at']})"
            )
        if args.accept is None:
            return EXIT_OK
        if not change:
            print("Hub tidak menawarkan kunci baru; tidak ada yang diganti.")
            return EXIT_FAILED
        admitted = broadcasts.accept_hub_key(args.accept)
        if admitted is None:
            print("Sidik jari tidak cocok dengan kunci baru hub; kunci tidak diganti.")
            return EXIT_FAILED
    print(f"Kunci baru diterima; {admitted} siaran yang tertahan kini terverifikasi.")
    return EXIT_OK
