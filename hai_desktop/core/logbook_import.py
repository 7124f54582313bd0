"""Importing an existing Excel logbook into the desk (issue 11), like new entries: each row
becomes an inquiry queued in the outbox for the hub.

- **Stable ids**: a row's id is a UUIDv5 of the office and the row's content (date, name,
  question, answer; plus its occurrence when the same content repeats in the file), so
  re-importing the same file, even re-sorted, creates nothing new ("already there").
- **Nothing half-imported**: every row is read and checked first; the good rows are then
  written in ONE transaction (and a repeat is harmless by the stable ids).
- **Rows that cannot be read** are returned with their row number in the file and a code
  (``date_missing``, ``date_invalid``, ``date_future``, ``department_unknown``, …, or an
  inquiry validation code per field); never dropped silently.
- Dates: real Excel dates, Excel serial numbers, ``dd/mm/yyyy`` (``-`` or ``.``) text with an
  optional time, ``yyyy-mm-dd``, ``26 November 2026``; the time from a separate column when
  there is one; local time of the office, stored in UTC. Without a time: 00.00 local.

An imported record is counted at the date the logbook gives (clock offset 0: a date typed
by a person is not the desk clock's); it is this desk's record (``origin = 'desk'``: the
table's CHECK allows desk and hub only), told apart by nothing else.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from hai_contract import reports as rules
from hai_desktop.core import inquiries, inquiries_form, reference
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.exports.numbers import MONTHS
from hai_desktop.core.logbook_read import Sheet, fold, read_sheet
from hai_desktop.core.timeutil import format_utc, utc_now

NAMESPACE = uuid.UUID("0f6a3c52-7f0e-4b7e-9d6c-11a9e2b4c0de")
EXCEL_EPOCH = datetime(1899, 12, 30)
SERIAL_RANGE = (20000, 80000)  # 1954 … 2119: a number outside is not a date
_DATE_RE = re.compile(
    r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$"
)
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_LONG_RE = re.compile(r"^(?:[a-z]+,? )?(\d{1,2}) ([a-z]+) (\d{4})$")
_TIME_RE = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$")
_MONTHS = {m.casefold(): i for i, m in enumerate(MONTHS, start=1)} | {
    m.casefold()[:3]: i for i, m in enumerate(MONTHS, start=1)
} | {"agu": 8, "agt": 8, "okt": 10, "des": 12, "peb": 2, "nop": 11}  # fmt: skip

OUTCOME_WORDS = {
    "answered": ("terjawab", "dijawab", "selesai", "tuntas", "answered", "ya"),
    "escalated": ("eskalasi", "dieskalasi", "diteruskan", "dirujuk", "tiket", "escalated",
                  "belum selesai", "proses"),
    "out_of_scope": ("di luar lingkup", "diluar lingkup", "luar lingkup", "out of scope"),
}  # fmt: skip


@dataclass(frozen=True)
class RowProblem:
    """A row that cannot be imported: its row number in the file, a code, the field."""

    row: int
    code: str
    field: str = ""
    value: str = ""


@dataclass
class ImportPlan:
    """What an import would do (``dry_run``) or did."""

    sheet: str
    mapping: dict[str, str]  # field → header
    new: list[dict[str, Any]] = field(default_factory=list)
    already: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    imported: int = 0

    @property
    def rows(self) -> int:
        return len(self.new) + self.already + len(self.problems)


@dataclass
class Options:
    """Defaults for columns the sheet does not have (codes)."""

    channel: str = "tatap_muka"
    department: str = ""
    outcome: str = ""
    out_of_scope_reason: str = ""


# ---------------------------------------------------------------- values


def parse_date(value: Any) -> datetime | date | None:
    """A cell as a datetime (a time given) or a date; None when unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if SERIAL_RANGE[0] <= value <= SERIAL_RANGE[1]:
            moment = EXCEL_EPOCH + timedelta(days=float(value))
            return moment.replace(microsecond=0) if value % 1 else moment.date()
        return None
    text = " ".join(str(value).split()).casefold()
    try:
        if m := _DATE_RE.match(text):
            d, mo, y, hh, mm, ss = m.groups()
            if hh is None:
                return date(int(y), int(mo), int(d))
            return datetime(int(y), int(mo), int(d), int(hh), int(mm), int(ss or 0))
        if m := _ISO_RE.match(text):
            y, mo, d, hh, mm, ss = m.groups()
            if hh is None:
                return date(int(y), int(mo), int(d))
            return datetime(int(y), int(mo), int(d), int(hh), int(mm), int(ss or 0))
        if (m := _LONG_RE.match(text)) and m.group(2) in _MONTHS:
            return date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
        if re.fullmatch(r"\d+(\.\d+)?", text):
            return parse_date(float(text))
    except ValueError:
        return None
    return None


def parse_clock(value: Any) -> time | None:
    """A time cell (``08:15``, ``08.15``, a time, a day fraction) or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.time()
    if isinstance(value, time):
        return value
    if isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value < 1:
        seconds = round(float(value) * 86400)
        return time(seconds // 3600, seconds % 3600 // 60, seconds % 60)
    m = _TIME_RE.match(str(value).strip())
    if m and int(m.group(1)) < 24 and int(m.group(2)) < 60:
        return time(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
    return None


def _lookup(kind: str, text: str) -> str | None:
    """A reference code from a code, a name or a name's start (case-insensitive)."""
    folded = fold(text)
    if not folded:
        return None
    items = reference.items(kind)
    for item in items:
        if folded in (fold(item["code"]), fold(item.get("name")), fold(item.get("name_en"))):
            return item["code"]
    for item in items:
        name = fold(item.get("name"))
        if name and (folded in name or name in folded):
            return item["code"]
    return None


def _outcome(text: str) -> str | None:
    folded = " ".join(str(text or "").casefold().replace("-", " ").split())
    for code, words in OUTCOME_WORDS.items():
        if folded in words or any(len(w) > 4 and w in folded for w in words):
            return code
    return None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


# ---------------------------------------------------------------- rows → records


def _cell(row: list[Any], mapping: dict[str, int], name: str) -> Any:
    i = mapping.get(name)
    return row[i] if i is not None and i < len(row) else None


def _moment(row: list[Any], mapping: dict[str, int], tz) -> datetime | RowProblem | None:
    raw = _cell(row, mapping, "date")
    if raw is None or _text(raw) == "":
        return RowProblem(0, "date_missing", "date")
    parsed = parse_date(raw)
    if parsed is None:
        return RowProblem(0, "date_invalid", "date", _text(raw)[:40])
    clock = parse_clock(_cell(row, mapping, "time")) if "time" in mapping else None
    if isinstance(parsed, datetime):
        local = parsed if clock is None else datetime.combine(parsed.date(), clock)
    else:
        local = datetime.combine(parsed, clock or time(0, 0))
    return local.replace(tzinfo=tz).astimezone(UTC)


def _record(
    row: list[Any], mapping: dict[str, int], opts: Options, tz, now: datetime
) -> tuple[datetime, inquiries_form.InquiryInput] | RowProblem:
    moment = _moment(row, mapping, tz)
    if isinstance(moment, RowProblem):
        return moment
    if moment > now + timedelta(days=1):
        return RowProblem(0, "date_future", "date", format_utc(moment)[:10])
    data = inquiries_form.InquiryInput()
    for name in ("visitor_name", "institution", "phone", "email", "question", "answer"):
        setattr(data, name, _text(_cell(row, mapping, name)))
    satker = _text(_cell(row, mapping, "satker_code"))
    data.satker_code = satker.zfill(6) if satker.isdigit() and len(satker) < 6 else satker
    for name, kind, default in (
        ("department", "departments", opts.department),
        ("channel", "channels", opts.channel),
        ("application", "applications", ""),
    ):
        text = _text(_cell(row, mapping, name))
        code = _lookup(kind, text) if text else default
        if text and code is None:
            if name == "application":
                code = ""  # an application not in the list: kept out, not a reason to refuse
            else:
                return RowProblem(0, f"{name}_unknown", name, text[:60])
        setattr(data, name, code or "")
    text = _text(_cell(row, mapping, "outcome"))
    outcome = _outcome(text) if text else None
    if outcome is None:
        outcome = opts.outcome or ("answered" if data.answer else "escalated")
    data.outcome = outcome
    if outcome == "out_of_scope":
        data.out_of_scope_reason = opts.out_of_scope_reason or "unregulated"
    errors = inquiries_form.validate(data)
    if errors:
        name, code = sorted(errors.items())[0]
        return RowProblem(0, code, name, _text(getattr(data, name, ""))[:60])
    return moment, data


def stable_id(office_code: str, moment: datetime, data: inquiries_form.InquiryInput, k: int) -> str:
    """The row's id from its content (and ``k``, its occurrence among equal rows)."""
    key = "\x1f".join(
        (office_code, format_utc(moment), " ".join(data.visitor_name.casefold().split()),
         " ".join(data.question.split()), " ".join(data.answer.split()), str(k))
    )  # fmt: skip
    return str(uuid.uuid5(NAMESPACE, key))


def plan(
    path: Path | str,
    office_code: str,
    opts: Options | None = None,
    mapping: dict[str, int] | None = None,
    now: datetime | None = None,
) -> ImportPlan:
    """Read and check every row (nothing written): the new records, how many are already
    there, the problems. Raises ``LogbookError`` for a file that cannot be read at all."""
    sheet = read_sheet(path)
    return plan_sheet(sheet, office_code, opts, mapping, now)


def plan_sheet(
    sheet: Sheet,
    office_code: str,
    opts: Options | None = None,
    mapping: dict[str, int] | None = None,
    now: datetime | None = None,
) -> ImportPlan:
    """:func:`plan` for a sheet already read (the import dialog's preview)."""
    opts = opts or Options()
    cols = mapping if mapping is not None else sheet.mapping
    tz = rules.zone(_office_zone(office_code))
    now = now or datetime.now(UTC)
    out = ImportPlan(sheet.name, {f: sheet.headers[i] for f, i in cols.items()})
    seen: Counter = Counter()
    candidates: list[dict[str, Any]] = []
    for number, row in sheet.data_rows():
        result = _record(row, cols, opts, tz, now)
        if isinstance(result, RowProblem):
            out.problems.append(RowProblem(number, result.code, result.field, result.value))
            continue
        moment, data = result
        base = stable_id(office_code, moment, data, 0)
        k = seen[base]
        seen[base] += 1
        rid = base if k == 0 else stable_id(office_code, moment, data, k)
        candidates.append({"id": rid, "row": number, "moment": moment, "data": data})
    existing = _existing_ids([c["id"] for c in candidates])
    for c in candidates:
        if c["id"] in existing:
            out.already += 1
        else:
            out.new.append(c)
    return out


def _office_zone(office_code: str) -> str:
    from hai_desktop.core.reports import office_zone

    return office_zone(office_code)


def _existing_ids(ids: list[str]) -> set[str]:
    db = database_proxy.obj
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = f"SELECT id FROM inquiry WHERE id IN ({', '.join('?' * len(chunk))})"
        found.update(r[0] for r in db.execute_sql(sql, chunk))
    return found


_INSERT = (
    "INSERT INTO inquiry (seq, id, office_code, created_at, updated_at, channel, department,"
    " application, visitor_name, satker_code, institution, phone, email, question, answer,"
    " basis_regulations, basis_kb_entry_ids, outcome, out_of_scope_reason, version,"
    " sync_status, origin, clock_offset_s, counted_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', '[]', ?, ?, 1, 'pending',"
    " 'desk', 0.0, ?)"
)


def apply(p: ImportPlan, office_code: str) -> int:
    """Write the plan's new records with their outbox rows in ONE transaction; returns how
    many were written (a record that appeared meanwhile is skipped by its id).

    Rows go in with one ``executemany`` each for the inquiries and their outbox rows (the
    same columns ``save_inquiry`` and ``outbox.enqueue`` write for a new record): 10,000
    rows in well under the issue's 5 s."""
    db = database_proxy.obj
    now = utc_now()
    with db.atomic():
        present = _existing_ids([c["id"] for c in p.new])
        used: dict[int, int] = {}
        rows, queue = [], []
        for c in p.new:
            if c["id"] in present:
                p.already += 1
                continue
            d = inquiries_form.normalize(c["data"])
            created = format_utc(c["moment"])
            base = inquiries.seq_base(created)
            seq = used[base] + 1 if base in used else inquiries.next_seq(created)
            used[base] = seq
            rows.append((
                seq, c["id"], office_code, created, now, d.channel, d.department,
                d.application or None, d.visitor_name, d.satker_code or None,
                d.institution or None, d.phone or None, d.email or None, d.question,
                d.answer or None, d.outcome, d.out_of_scope_reason or None,
                rules.counted_at(created, 0.0),
            ))  # fmt: skip
            queue.append(("inquiry", c["id"], now))
        # A full disk or a read-only file is DiskFull/StorageReadOnly (DeskDatabase's typed
        # errors); atomic() rolls everything back.
        db.executemany(_INSERT, rows)
        db.executemany(
            "INSERT INTO outbox (record_type, record_id, enqueued_at) VALUES (?, ?, ?)", queue
        )
    p.imported = len(rows)
    return len(rows)


def import_logbook(
    path: Path | str,
    office_code: str,
    opts: Options | None = None,
    dry_run: bool = False,
    mapping: dict[str, int] | None = None,
) -> ImportPlan:
    """Plan and (unless ``dry_run``) apply the import of ``path``."""
    p = plan(path, office_code, opts, mapping)
    if not dry_run:
        apply(p, office_code)
    return p
