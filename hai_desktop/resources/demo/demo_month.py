"""A full month for the demo's Laporan screen (issue 11): every working day of November 2026
(the month before the demo's "now", early December 2026) and, for the month-on-month change,
October 2026, at a KPPN desk's pace. Written by make_demo_data.py to ``month_inquiries.json``
(one Inquiry object per line); the demo loads it after ``inquiries.json``.

Deterministic (a fixed seed, UUIDv5 ids), fictional visitors (``@example.com``), questions
and answers taken from the hand-written demo entries (with their KB links). No escalations
here: an escalated inquiry needs its ticket, and the demo has the one it shows.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

MONTHS = ((2026, 10, 9), (2026, 11, 12))  # (year, month, mean visitors per working day)
HOURS = [8, 8, 9, 9, 9, 10, 10, 10, 10, 11, 11, 13, 13, 14, 14, 15, 15, 16]
HOLIDAYS = {date(2026, 10, 1)}  # a day the office is shut, so the trend shows a dip
FIRST = ["Ani", "Bambang", "Citra", "Dimas", "Eka", "Fajar", "Gita", "Hadi", "Intan", "Yusuf"]
LAST = ["Contoh", "Sampel", "Peraga", "Rekaan", "Fiktif", "Ilustrasi"]
CHANNELS = ["tatap_muka"] * 6 + ["telepon"] * 3 + ["whatsapp"] * 2 + ["email"]


def build(
    sources: list[tuple],
    visitors: list[tuple],
    kb_id: Callable[[str], str],
    demo_id: Callable[[str, str], str],
    rfc3339: Callable[[datetime], str],
    office: str,
) -> list[dict]:
    """The month's inquiries (Inquiry objects, API.md), oldest first."""
    rng = random.Random(202611)
    usable = [s for s in sources if s[9] != "escalated"]
    items: list[dict] = []
    for year, month, per_day in MONTHS:
        day = date(year, month, 1)
        while day.month == month:
            if day.weekday() < 5 and day not in HOLIDAYS:
                count = max(2, int(rng.gauss(per_day, per_day / 4)))
                if day.weekday() == 0:
                    count += per_day // 3  # Mondays are busier
                for _ in range(count):
                    items.append(_item(rng, day, usable, visitors, kb_id, demo_id, rfc3339,
                                       office, len(items)))  # fmt: skip
            day += timedelta(days=1)
    items.sort(key=lambda i: i["created_at"])
    return items


def _item(rng, day, usable, visitors, kb_id, demo_id, rfc3339, office, n) -> dict:
    src = rng.choice(usable)
    _d, _t, _m, who, _ch, dept, app, question, answer, outcome, reason, kb_titles, regs = src
    hour = rng.choice(HOURS)
    started = datetime(day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=UTC)
    started -= timedelta(hours=7)  # WIB
    ended = started + timedelta(minutes=max(2, int(rng.gauss(12, 5))))
    if rng.random() < 0.6:
        name, satker, institution, phone = visitors[rng.randrange(len(visitors))]
    else:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        satker, institution, phone = f"999{rng.randrange(100, 999)}", "Satker Contoh", None
    visitor = {"name": name, "satker_code": satker, "institution": institution,
               "email": name.lower().replace(" ", ".") + "@example.com"}  # fmt: skip
    if phone:
        visitor["phone"] = phone
    return {
        "id": demo_id("inquiry", f"{office}:month:{day.isoformat()}:{n}"),
        "office_code": office,
        "created_at": rfc3339(ended),
        "updated_at": rfc3339(ended),
        "channel": rng.choice(CHANNELS),
        "department": dept,
        "application": app,
        "visitor": visitor,
        "question": question,
        "answer": answer,
        "basis": {"regulations": regs, "kb_entry_ids": [kb_id(t) for t in kb_titles]},
        "outcome": outcome,
        "out_of_scope_reason": reason,
        "ticket_id": None,
        "served_started_at": rfc3339(started),
        "served_ended_at": rfc3339(ended),
        "version": 1,
    }


def write(path, items: list[dict]) -> None:
    """One JSON object per line inside a list: small diffs, a readable file."""
    import json

    lines = ",\n".join(json.dumps(i, ensure_ascii=False, separators=(",", ":")) for i in items)
    path.write_text("[\n" + lines + "\n]\n", encoding="utf-8")
