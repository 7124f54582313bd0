"""``hai-central admin kb`` (import entries) and ``admin review`` (the KB review queue)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from hai_central.cli_common import cli_user, open_hub, print_json


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

    open_hub(args)
    items = read_kb_file(Path(args.file))
    result = kb.import_entries(items)
    print(f"KB import: {result['created']} created, {result['updated']} updated")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    from hai_central.services import inquiries

    open_hub(args)
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
            cli_user("agent"), args.inquiry_id, args.action, fields, args.note
        )
        print_json(result)
    return 0


def register(asub) -> None:
    """Add ``kb import`` and ``review list|accept|reject`` to the ``admin`` subparsers."""
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
