"""The demo knowledge base (``kb_entries.json``): the hand-written ``kb_source_*.txt`` files
and the structured families (``kb_families``), with ids and dates added."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import kb_families
from demo_ids import demo_id, end_of_day_wib, rfc3339

HERE = Path(__file__).resolve().parent
KB_DATE_FROM = datetime(2025, 1, 6, tzinfo=UTC)
KB_DATE_TO = datetime(2026, 11, 20, tzinfo=UTC)


def _split(value: str, sep: str) -> list[str]:
    return [part.strip() for part in value.split(sep) if part.strip()]


def parse_source(path: Path) -> list[dict]:
    """Parse a ``kb_source_*.txt`` file (format described at the top of each file)."""
    defaults: dict[str, str] = {}
    entries: list[dict] = []
    block: dict[str, str] = {}
    last_key = ""

    def flush() -> None:
        nonlocal block
        if not block:
            return
        merged = {**defaults, **block}
        missing = [k for k in ("T", "Q", "A", "D") if not merged.get(k)]
        if missing:
            raise ValueError(f"{path.name}: block {block.get('T')!r} lacks {missing}")
        entries.append(
            {
                "title": merged["T"],
                "question": merged["Q"],
                "answer": merged["A"],
                "department": merged["D"],
                "application": merged.get("P") or None,
                "regulations": _split(merged.get("R", ""), "|"),
                "tags": _split(merged.get("G", ""), ","),
                "valid_until_day": merged.get("V") or None,
            }
        )
        block = {}

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if line.startswith("#"):
            continue
        if not line:
            flush()
            continue
        if line.startswith("=== "):
            flush()
            defaults = {}
            for part in line[4:].split(";"):
                key, _, value = part.strip().partition("=")
                defaults[key.strip()] = value.strip()
            continue
        if len(line) > 2 and line[1] == ":" and line[0] in "TQARGDPV":
            # Inline overrides such as "V=2025-12-31; D=SP" after the answer.
            last_key = line[0]
            block[last_key] = line[2:].strip()
            continue
        if "=" in line and line.split("=", 1)[0].strip() in {"R", "G", "D", "P", "V"}:
            for part in line.split(";"):
                key, _, value = part.strip().partition("=")
                block[key.strip()] = value.strip()
            continue
        if not last_key:
            raise ValueError(f"{path.name}: stray line {line!r}")
        block[last_key] += " " + line.strip()
    flush()
    return entries


# --- knowledge base --------------------------------------------------------------------------


def _spread(seed: str, start: datetime, end: datetime) -> datetime:
    """A deterministic moment between start and end, during office hours in WIB."""
    digest = int(hashlib.sha256(seed.encode("utf-8")).hexdigest(), 16)
    days = (end - start).days
    day = start + timedelta(days=digest % days)
    # 01:00-09:00 UTC is 08:00-16:00 WIB.
    return day.replace(hour=1 + (digest >> 16) % 8, minute=(digest >> 8) % 60, second=0)


def build_kb(reference: dict) -> list[dict]:
    raw: list[dict] = []
    for source in sorted(HERE.glob("kb_source_*.txt")):
        raw.extend(parse_source(source))
    raw.extend(kb_families.all_families())

    departments = {d["code"] for d in reference["departments"]}
    applications = {a["code"] for a in reference["applications"]}
    seen: set[str] = set()
    entries = []
    for item in raw:
        title = item["title"]
        if title.lower() in seen:
            raise ValueError(f"duplicate KB title {title!r}")
        seen.add(title.lower())
        if item["department"] not in departments:
            raise ValueError(f"{title!r}: unknown department {item['department']!r}")
        if item["application"] is not None and item["application"] not in applications:
            raise ValueError(f"{title!r}: unknown application {item['application']!r}")
        valid_day = item.get("valid_until_day")
        end = KB_DATE_TO
        if valid_day:
            end = min(end, datetime.strptime(valid_day, "%Y-%m-%d").replace(tzinfo=UTC))
            end -= timedelta(days=20)
        updated = _spread(title, KB_DATE_FROM, end)
        tags = []
        for tag in item["tags"]:
            if tag.lower() not in tags:
                tags.append(tag.lower())
        entries.append(
            {
                "id": demo_id("kb", title),
                "title": title,
                "question": item["question"],
                "answer": item["answer"],
                "department": item["department"],
                "application": item["application"],
                "regulations": item["regulations"],
                "tags": tags,
                "source_inquiry_ids": [],
                "valid_until": end_of_day_wib(valid_day) if valid_day else None,
                "updated_at": rfc3339(updated),
                "deleted": False,
            }
        )
    return entries
