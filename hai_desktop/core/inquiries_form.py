"""The inquiry log form: what it edits (``InquiryInput``) and its rules (``validate``).

``normalize`` trims and cleans what was typed; ``validate`` answers field -> message code for
every problem, empty when the input can be saved (``inquiries.save_inquiry``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from hai_contract import checks as contract_checks
from hai_desktop.core import reference
from hai_desktop.core.timeutil import format_utc, parse_utc

OUTCOMES = ("answered", "escalated", "out_of_scope")
OUT_OF_SCOPE_REASONS = ("interpretation", "unregulated", "official_authority", "ppid")

MAX_NAME = 200
MAX_INSTITUTION = 300
MAX_TEXT = 200_000  # question and answer; a 100,000-character answer must just work
MAX_BASIS_ITEMS = 50
MAX_BASIS_CHARS = 500

SATKER_RE = re.compile(r"[0-9]{6}")
# The local part neither starts nor ends with a dot and has no two dots in a row
# ("rudi..hartono@gmail.com" is a typo); the domain has non-empty dotted labels.
EMAIL_RE = re.compile(r"(?!\.)(?!.*\.\.)[^@\s]+(?<!\.)@[^@\s.]+(\.[^@\s.]+)+")


@dataclass
class InquiryInput:
    """What the log form edits. ``id`` None = a new inquiry."""

    id: str | None = None
    channel: str = ""
    department: str = ""
    application: str = ""
    visitor_name: str = ""
    satker_code: str = ""
    institution: str = ""
    phone: str = ""
    email: str = ""
    question: str = ""
    answer: str = ""
    basis_regulations: list[str] = field(default_factory=list)
    basis_kb_entry_ids: list[str] = field(default_factory=list)
    outcome: str = ""
    out_of_scope_reason: str = ""
    served_started_at: str | None = None
    served_ended_at: str | None = None
    # The outage notice this question was answered from (the log form's outage offer).
    outage_broadcast_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-able dict (for drafts)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InquiryInput:
        """Build from a dict, ignoring unknown keys (a draft from an older version)."""
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def _clean_text(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    # NUL and other C0 controls (but tab/newline) come from bad pastes; drop them.
    return "".join(ch for ch in text if ch >= " " or ch in "\n\t").strip()


def _clean_time(value: Any) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return format_utc(value)
    return str(value).strip()


def normalize(data: InquiryInput) -> InquiryInput:
    """The input with whitespace trimmed, control characters dropped, lists cleaned."""
    out = InquiryInput(id=data.id or None)
    for name in (
        "channel",
        "department",
        "application",
        "visitor_name",
        "satker_code",
        "institution",
        "phone",
        "email",
        "question",
        "answer",
        "outcome",
        "out_of_scope_reason",
    ):
        setattr(out, name, _clean_text(getattr(data, name)))
    out.email = out.email.lower() if out.email else ""
    out.basis_regulations = [t for t in (_clean_text(x) for x in data.basis_regulations or []) if t]
    out.basis_kb_entry_ids = [
        t for t in (_clean_text(x) for x in data.basis_kb_entry_ids or []) if t
    ]
    out.served_started_at = _clean_time(data.served_started_at)
    out.served_ended_at = _clean_time(data.served_ended_at)
    out.outage_broadcast_id = _clean_text(data.outage_broadcast_id) or None
    if out.outcome != "out_of_scope":
        out.out_of_scope_reason = ""
    return out


def valid_email(text: str) -> bool:
    """A plausible e-mail address (one @, a dotted domain, no spaces)."""
    return len(text) <= 254 and EMAIL_RE.fullmatch(text) is not None


def valid_phone(text: str) -> bool:
    """A plausible phone number: digits with optional +, spaces, dashes, dots, brackets
    (the contract's check, its length limit included: the hub refuses the same)."""
    return contract_checks.valid_phone(text)


def _time_problem(text: str) -> tuple[datetime | None, str | None]:
    """The moment of a form time and its problem: the desk reads more forms (no offset is
    UTC) but what it stores and sends must be a time the contract takes (years 0002-9998)."""
    try:
        moment = parse_utc(text)
        contract_checks.parse_time(format_utc(moment))
    except ValueError:
        return None, "time_invalid"
    return moment, None


def validate(data: InquiryInput) -> dict[str, str]:
    """Field -> message code for every problem of ``data`` (empty when it can be saved)."""
    d = normalize(data)
    errors: dict[str, str] = {}
    for name in ("channel", "department", "outcome", "visitor_name", "question"):
        if not getattr(d, name):
            errors[name] = "required"
    if d.channel and d.channel not in reference.codes("channels"):
        errors["channel"] = "unknown_code"
    if d.department and d.department not in reference.codes("departments"):
        errors["department"] = "unknown_code"
    if d.application and d.application not in reference.codes("applications"):
        errors["application"] = "unknown_code"
    if d.outcome and d.outcome not in OUTCOMES:
        errors["outcome"] = "unknown_code"
    if d.outcome == "answered" and not d.answer:
        # "Answered" without the answer given is not a record anyone can learn from.
        errors["answer"] = "answer_required"
    if d.outcome == "out_of_scope":
        if not d.out_of_scope_reason:
            errors["out_of_scope_reason"] = "reason_required"
        elif d.out_of_scope_reason not in OUT_OF_SCOPE_REASONS:
            errors["out_of_scope_reason"] = "unknown_code"
    if len(d.visitor_name) > MAX_NAME:
        errors["visitor_name"] = "too_long"
    if len(d.institution) > MAX_INSTITUTION:
        errors["institution"] = "too_long"
    for name in ("question", "answer"):
        if len(getattr(d, name)) > MAX_TEXT:
            errors[name] = "too_long"
    if d.satker_code and SATKER_RE.fullmatch(d.satker_code) is None:
        errors["satker_code"] = "satker_invalid"
    if d.phone and not valid_phone(d.phone):
        errors["phone"] = "phone_invalid"
    if d.email and not valid_email(d.email):
        errors["email"] = "email_invalid"
    if len(d.basis_regulations) > MAX_BASIS_ITEMS or any(
        len(x) > MAX_BASIS_CHARS for x in d.basis_regulations
    ):
        errors["basis_regulations"] = "too_long"
    if len(d.basis_kb_entry_ids) > MAX_BASIS_ITEMS:
        errors["basis_kb_entry_ids"] = "too_long"
    elif not all(contract_checks.valid_uuid(x) for x in d.basis_kb_entry_ids):
        errors["basis_kb_entry_ids"] = "invalid"  # a KB entry named by a damaged draft
    if d.outage_broadcast_id and not contract_checks.valid_uuid(d.outage_broadcast_id):
        errors["outage_broadcast_id"] = "invalid"
    times = {}
    for name in ("served_started_at", "served_ended_at"):
        value = getattr(d, name)
        if value:
            moment, problem = _time_problem(value)
            if problem:
                errors[name] = problem
            else:
                times[name] = moment
    if len(times) == 2 and times["served_ended_at"] < times["served_started_at"]:
        errors["served_ended_at"] = "time_order"
    return errors
