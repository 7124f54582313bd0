"""The bundled reference data (package data of the contract) keeps the API.md shape, says
the contract's codes, and is what its build script makes."""

from __future__ import annotations

import importlib.util
import json

import pytest

from hai_contract import attachments, codes, emails, limits
from hai_contract.reference import load_reference, reference_path


@pytest.fixture(scope="module")
def reference() -> dict:
    return load_reference()


def test_reference_has_api_keys(reference):
    for key in (
        "departments",
        "channels",
        "applications",
        "offices",
        "priorities",
        "sla",
        "broadcast_kinds",
        "attachment_rules",
        "email_domains",
        "desk_version",
        "version",
        "out_of_scope_reasons",
        "outcomes",
    ):
        assert key in reference, key


@pytest.mark.parametrize(
    "kind",
    [
        "departments",
        "channels",
        "applications",
        "offices",
        "priorities",
        "broadcast_kinds",
        "out_of_scope_reasons",
        "outcomes",
    ],
)
def test_reference_lists_have_unique_codes_and_names(reference, kind):
    items = reference[kind]
    assert items
    codes = [item["code"] for item in items]
    assert len(codes) == len(set(codes)), f"duplicate code in {kind}"
    for item in items:
        assert isinstance(item["code"], str) and item["code"]
        assert isinstance(item["name"], str) and item["name"].strip()


def test_reference_lists_say_the_contracts_codes_in_order(reference):
    for kind in (
        "departments",
        "channels",
        "out_of_scope_reasons",
        "outcomes",
        "priorities",
        "broadcast_kinds",
    ):
        assert tuple(i["code"] for i in reference[kind]) == codes.ALL[kind]


def test_offices_hierarchy(reference):
    offices = {o["code"]: o for o in reference["offices"]}
    assert offices["PUSAT"]["kind"] == "PUSAT" and offices["PUSAT"]["parent_code"] is None
    kanwil = [o for o in offices.values() if o["kind"] == "KANWIL"]
    kppn = [o for o in offices.values() if o["kind"] == "KPPN"]
    assert len(kanwil) == 34
    assert 150 <= len(kppn) <= 200
    assert {o["kind"] for o in offices.values()} == {"PUSAT", "KANWIL", "KPPN"}
    for office in kanwil:
        assert office["parent_code"] == "PUSAT"
        assert office["name"].startswith("Kanwil DJPb Provinsi ")
    for office in kppn:
        assert offices[office["parent_code"]]["kind"] == "KANWIL", office["code"]
        assert office["name"].startswith("KPPN ")
    names = [o["name"] for o in offices.values()]
    assert len(names) == len(set(names))
    # The hub stores office codes in a 32-character column.
    assert all(len(code) <= 32 and code == code.upper() for code in offices)


def test_sla_covers_every_department_and_priority(reference):
    pairs = {(s["department"], s["priority"]) for s in reference["sla"]}
    assert pairs == {(d, p) for d in codes.DEPARTMENTS for p in codes.PRIORITIES}
    for row in reference["sla"]:
        assert 0 < row["response_minutes"] <= row["resolve_minutes"]


def test_rules_are_the_contracts(reference):
    assert reference["attachment_rules"] == attachments.as_reference()
    assert reference["attachment_rules"]["max_bytes"] == 15 * 1024 * 1024
    assert reference["email_domains"] == list(emails.OFFICIAL_DOMAINS)
    assert reference["limits"] == limits.as_reference()


def test_reference_says_what_is_sample(reference):
    # Honesty about the data's origin is part of the file (see hai_contract/reference/README.md).
    assert "sample" in reference["_source"]["offices"].lower()
    assert "sample" in reference["_source"]["sla"].lower()


def test_reference_is_plain_utf8_json():
    raw = reference_path().read_bytes()
    json.loads(raw.decode("utf-8"))


def test_reference_matches_generator_output():
    path = reference_path().with_name("build_reference.py")
    spec = importlib.util.spec_from_file_location("build_reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = json.loads(reference_path().read_text("utf-8"))
    assert module.build() == committed
