"""The contract package: depends on nothing, and its validator says what API.md says."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
import uuid

import pytest

import hai_contract
from hai_contract import attachments, checks, emails, limits
from hai_contract.inquiry import FORM_PATHS, INQUIRY, flat_errors

FORBIDDEN = ("PySide6", "fastapi", "pydantic", "peewee", "starlette", "hai_desktop", "hai_central")


def test_imports_nothing_but_the_standard_library():
    modules = [m.name for m in pkgutil.walk_packages(hai_contract.__path__, "hai_contract.")]
    modules = [m for m in modules if not m.endswith("build_reference")]
    code = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = json.loads(out.stdout)
    assert not [m for m in loaded if m.split(".")[0] in FORBIDDEN]


def good_item(**changes) -> dict:
    item = {
        "id": str(uuid.uuid4()),
        "office_code": "KPPN-A",
        "created_at": "2026-11-26T08:15:00Z",
        "updated_at": "2026-11-26T08:15:00.123+07:00",
        "channel": "tatap_muka",
        "department": "PA",
        "visitor": {"name": "Budi", "satker_code": "012345", "phone": "+62 812-3456-7890"},
        "question": "Bagaimana?",
        "answer": "Begini.",
        "basis": {"regulations": ["PMK 62/2023"], "kb_entry_ids": [str(uuid.uuid4())]},
        "outcome": "answered",
        "version": 1,
    }
    item.update(changes)
    return item


def test_a_good_item_is_valid():
    assert INQUIRY.validate(good_item()) == {}


@pytest.mark.parametrize(
    ("changes", "path", "code"),
    [
        (
            {"visitor": {"name": "Budi", "satker_code": "1234567"}},
            "visitor.satker_code",
            "too_long",
        ),
        (
            {"visitor": {"name": "Budi", "satker_code": "12345a"}},
            "visitor.satker_code",
            "satker_invalid",
        ),
        ({"answer": None}, "answer", "answer_required"),
        ({"answer": "   "}, "answer", "answer_required"),
        ({"outcome": "out_of_scope"}, "out_of_scope_reason", "reason_required"),
        (
            {"outcome": "out_of_scope", "out_of_scope_reason": "x"},
            "out_of_scope_reason",
            "unknown_code",
        ),
        ({"visitor": {"name": "x" * (limits.PERSON_NAME_MAX + 1)}}, "visitor.name", "too_long"),
        ({"visitor": {"name": "Budi", "phone": "12"}}, "visitor.phone", "phone_invalid"),
        ({"visitor": {"name": "Budi", "email": "budi"}}, "visitor.email", "email_invalid"),
        ({"visitor": "Budi"}, "visitor", "wrong_type"),
        ({"department": "XX"}, "department", "unknown_code"),
        ({"created_at": 1764000000}, "created_at", "wrong_type"),
        ({"created_at": "2026-11-26T08:15:00"}, "created_at", "time_invalid"),
        ({"served_started_at": "9999-12-31T23:59:59-01:00"}, "served_started_at", "time_invalid"),
        ({"created_at": "0001-01-01T00:00:00+05:00"}, "created_at", "time_invalid"),
        ({"question": "a\x00b"}, "question", "contains_nul"),
        ({"version": True}, "version", "wrong_type"),
        ({"version": -1}, "version", "out_of_range"),
        ({"basis": {"regulations": ["x"] * 51}}, "basis.regulations", "too_long"),
        ({"basis": {"kb_entry_ids": ["nope"]}}, "basis.kb_entry_ids", "invalid"),
        (
            {
                "served_started_at": "2026-11-26T09:00:00Z",
                "served_ended_at": "2026-11-26T08:00:00Z",
            },
            "served_ended_at",
            "time_order",
        ),
    ],
)
def test_bad_items_name_the_field(changes, path, code):
    assert INQUIRY.validate(good_item(**changes)).get(path) == code


def test_unknown_application_only_when_the_codes_are_given():
    item = good_item(application="NOPE")
    assert INQUIRY.validate(item) == {}
    assert INQUIRY.validate(item, data_codes={"applications": ["SPAN"]}) == {
        "application": "unknown_code"
    }


def test_flat_and_wire_round_trip():
    item = good_item(application="SPAN")
    flat = INQUIRY.from_wire(item)
    assert flat["visitor_name"] == "Budi" and flat["satker_code"] == "012345"
    assert flat["basis_regulations"] == ["PMK 62/2023"]
    assert INQUIRY.to_wire(flat) == item
    assert flat_errors({"visitor.satker_code": "too_long"}) == {"satker_code": "too_long"}
    assert "id" not in FORM_PATHS and "visitor.name" in FORM_PATHS


def test_unknown_fields_and_size_caps():
    from hai_contract.shapes import within_size

    assert INQUIRY.unknown(good_item(notes="n", visitor={"name": "B", "x": 1})) == {
        "notes": "n",
        "visitor.x": 1,
    }
    deep: object = "leaf"
    for _ in range(300):
        deep = [deep]
    assert within_size(good_item(extra=deep), INQUIRY) == {"extra": "too_deep"}
    big = "x" * (limits.UNKNOWN_FIELDS_BYTES_MAX + 1)
    assert within_size(good_item(notes=big), INQUIRY) == {"notes": "too_large"}
    # Text within its own limit does not count against the item's cap.
    assert within_size(good_item(answer="y" * limits.INQUIRY_TEXT_MAX), INQUIRY) == {}


def test_time_parsing_is_strict_and_in_range():
    assert checks.parse_time("2026-11-26T08:15:00.123456789+07:00").hour == 1
    for bad in ("2026-11-26", "2026-11-26 08:15:00Z", 0, None, "9999-12-31T23:59:59-01:00"):
        with pytest.raises(ValueError):
            checks.parse_time(bad)


def test_email_domain_rule():
    assert emails.domain_allowed("a@djpb.kemenkeu.go.id")
    assert emails.domain_allowed("a@KEMENKEU.GO.ID")
    assert not emails.domain_allowed("a@notkemenkeu.go.id")
    assert not emails.domain_allowed("a@gmail.com")
    import re

    pattern = re.compile(emails.official_pattern())
    assert pattern.match("a@djpb.Kemenkeu.go.id") and not pattern.match("a@gmail.com")


def test_attachment_content_checks():
    assert attachments.content_matches("pdf", b"%PDF-1.4")
    assert not attachments.content_matches("pdf", b"MZ\x90\x00")
    assert not attachments.content_matches("txt", b"a\x00b")
    assert attachments.extension_of("dir/Surat.PDF") == "pdf"
    assert set(attachments.SIGNATURES) | {"txt"} == set(attachments.EXTENSIONS)
