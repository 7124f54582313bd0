"""Build the demo data files (run by hand; the committed JSON files are what the apps load).

    .venv/bin/python hai_desktop/resources/demo/make_demo_data.py

Writes ``kb_entries.json`` (KbEntry objects, API.md), ``inquiries.json`` (Inquiry objects for
the demo office) and ``demo.json`` (demo office, accounts, broadcasts, a ticket). Everything is
deterministic: ids are UUIDv5 of fixed names, dates are fixed, so rebuilding gives the same
bytes. All text is written for the demo and is not official guidance.

The builders are sibling modules: ``demo_ids`` (ids, dates, the office code), ``demo_kb``,
``demo_inquiries`` (with ``demo_month``), ``demo_office`` (``demo.json``), ``kb_families``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(HERE.parents[2]))  # the checkout, for hai_desktop when not installed

import demo_inquiries  # noqa: E402  (sibling modules, found through the path set above)
import demo_kb  # noqa: E402
import demo_month  # noqa: E402
import demo_office  # noqa: E402

from hai_contract.reference import reference_path  # noqa: E402  (installed with the desk)

REFERENCE = reference_path()


def write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    reference = json.loads(REFERENCE.read_text(encoding="utf-8"))
    kb = demo_kb.build_kb(reference)
    inquiries, escalated = demo_inquiries.build_inquiries(kb)
    demo = demo_office.build_demo(reference, escalated)
    write_json(HERE / "kb_entries.json", kb)
    write_json(HERE / "inquiries.json", inquiries)
    write_json(HERE / "demo.json", demo)
    month = demo_inquiries.build_month(kb)
    demo_month.write(HERE / "month_inquiries.json", month)
    by_dept: dict[str, int] = {}
    for entry in kb:
        by_dept[entry["department"]] = by_dept.get(entry["department"], 0) + 1
    print(f"kb_entries.json: {len(kb)} entries {by_dept}")
    print(f"inquiries.json: {len(inquiries)} inquiries; demo.json written")
    print(f"month_inquiries.json: {len(month)} inquiries (October and November 2026)")


if __name__ == "__main__":
    main()
