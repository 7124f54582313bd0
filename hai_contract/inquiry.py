"""The inquiry (a desk log of a question and the answer given) on the wire (API.md).

``INQUIRY`` is the one field list: the desk's form validation, its wire conversion, the
hub's pydantic model and its OpenAPI document all come from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hai_contract import checks, codes, limits
from hai_contract.emails import EMAIL_PATTERN
from hai_contract.reports import MAX_CLOCK_OFFSET_S
from hai_contract.shapes import (
    CODE,
    INT,
    NUMBER,
    TEXT,
    TEXT_LIST,
    TIME,
    UUID,
    UUID_LIST,
    Field,
    Shape,
    get_path,
)

# What the desk fills in itself (not edited in the form).
DESK_MANAGED = (
    "id",
    "office_code",
    "created_at",
    "updated_at",
    "ticket_id",
    "version",
    "clock_offset_s",
    "outage_broadcast_id",
)


def _rules(wire: Mapping[str, Any]) -> dict[str, str]:
    """The rules joining fields."""
    errors: dict[str, str] = {}
    outcome = wire.get("outcome")
    answer = wire.get("answer")
    if outcome == "answered" and not (isinstance(answer, str) and answer.strip()):
        # "Answered" without the answer given is not a record anyone can learn from.
        errors["answer"] = "answer_required"
    reason = wire.get("out_of_scope_reason")
    if outcome == "out_of_scope" and not reason:
        errors["out_of_scope_reason"] = "reason_required"
    started, ended = wire.get("served_started_at"), wire.get("served_ended_at")
    if started and ended:
        try:
            if checks.parse_time(ended) < checks.parse_time(started):
                errors["served_ended_at"] = "time_order"
        except ValueError:
            pass  # the field check names the bad time
    return errors


INQUIRY = Shape(
    name="inquiry",
    fields=(
        Field("id", UUID, required=True),
        Field(
            "office_code",
            CODE,
            required=True,
            max_length=limits.OFFICE_CODE_MAX,
            pattern=limits.OFFICE_CODE_PATTERN,
        ),
        Field("created_at", TIME, required=True, invalid="time_invalid"),
        Field("updated_at", TIME, required=True, invalid="time_invalid"),
        Field("channel", CODE, required=True, codes=codes.CHANNELS),
        Field("department", CODE, required=True, codes=codes.DEPARTMENTS),
        Field(
            "application",
            CODE,
            max_length=limits.APPLICATION_CODE_MAX,
            data_codes="applications",
        ),
        Field(
            "visitor.name",
            TEXT,
            required=True,
            max_length=limits.PERSON_NAME_MAX,
            flat="visitor_name",
        ),
        Field(
            "visitor.satker_code",
            TEXT,
            max_length=limits.SATKER_DIGITS,
            pattern=limits.SATKER_PATTERN,
            invalid="satker_invalid",
            flat="satker_code",
        ),
        Field("visitor.institution", TEXT, max_length=limits.INSTITUTION_MAX, flat="institution"),
        Field(
            "visitor.phone",
            TEXT,
            max_length=limits.PHONE_MAX,
            pattern=limits.PHONE_PATTERN,
            check="phone",
            invalid="phone_invalid",
            flat="phone",
        ),
        Field(
            "visitor.email",
            TEXT,
            max_length=limits.EMAIL_MAX,
            pattern=EMAIL_PATTERN,
            check="email",
            invalid="email_invalid",
            flat="email",
        ),
        Field("question", TEXT, required=True, max_length=limits.INQUIRY_TEXT_MAX),
        Field("answer", TEXT, max_length=limits.INQUIRY_TEXT_MAX),
        Field(
            "basis.regulations",
            TEXT_LIST,
            max_length=limits.BASIS_ITEMS_MAX,
            item_max_length=limits.BASIS_TEXT_MAX,
        ),
        Field("basis.kb_entry_ids", UUID_LIST, max_length=limits.BASIS_ITEMS_MAX),
        Field("outcome", CODE, required=True, codes=codes.OUTCOMES),
        Field("out_of_scope_reason", CODE, codes=codes.OUT_OF_SCOPE_REASONS),
        Field("ticket_id", UUID),
        Field("served_started_at", TIME, invalid="time_invalid"),
        Field("served_ended_at", TIME, invalid="time_invalid"),
        Field("version", INT, required=True, minimum=0, maximum=limits.VERSION_MAX),
        # The clock rule (hai_contract.reports): hub time − desk time, in seconds.
        Field(
            "clock_offset_s",
            NUMBER,
            minimum=-MAX_CLOCK_OFFSET_S,
            maximum=MAX_CLOCK_OFFSET_S,
            invalid="out_of_range",
        ),
        # The outage notice the question was answered from (the log form's outage offer).
        Field("outage_broadcast_id", UUID),
    ),
    rules=(_rules,),
    schema_rules=(
        {
            "if": {"properties": {"outcome": {"const": "answered"}}, "required": ["outcome"]},
            "then": {"required": ["answer"], "properties": {"answer": {"pattern": r"\S"}}},
        },
        {
            "if": {
                "properties": {"outcome": {"const": "out_of_scope"}},
                "required": ["outcome"],
            },
            "then": {"required": ["out_of_scope_reason"]},
        },
    ),
)

# The paths the desk's log form edits (everything but what the desk fills in itself).
FORM_PATHS = tuple(p for p in INQUIRY.paths() if p not in DESK_MANAGED)


def flat_errors(errors: Mapping[str, str]) -> dict[str, str]:
    """Wire-path errors keyed by the flat (form) names."""
    out = {}
    for path, code in errors.items():
        try:
            out[INQUIRY.field(path).flat_name] = code
        except KeyError:
            out[path] = code
    return out


def item_id(wire: Any) -> str | None:
    value = get_path(wire, "id") if isinstance(wire, Mapping) else None
    return value if isinstance(value, str) else None
