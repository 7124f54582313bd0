"""The bundled resources: how they are found, and that the data files keep the API.md shapes."""

from __future__ import annotations

import json
import re
import sys
import uuid
from datetime import datetime
from pathlib import Path

import pytest

from hai_contract import codes
from hai_contract.reference import load_reference
from hai_desktop.core import resources

REPO_ROOT = Path(__file__).resolve().parents[3]

DEPARTMENTS = set(codes.DEPARTMENTS)
CHANNELS = set(codes.CHANNELS)
REASONS = set(codes.OUT_OF_SCOPE_REASONS)
OUTCOMES = set(codes.OUTCOMES)
PRIORITIES = set(codes.PRIORITIES)
BROADCAST_KINDS = set(codes.BROADCAST_KINDS)
RFC3339_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch):
    monkeypatch.delenv(resources.ENV_VAR, raising=False)
    resources.clear_cache()
    yield
    resources.clear_cache()


def _fake_resources(root: Path) -> Path:
    (root / "styles").mkdir(parents=True)
    (root / "styles" / "desk.qss").write_text("/* fake */", encoding="utf-8")
    (root / "demo").mkdir()
    (root / "demo" / "demo.json").write_text('{"version": 99}', encoding="utf-8")
    return root


def _is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except (ValueError, TypeError, AttributeError):
        return False


def _is_rfc3339(value: str) -> bool:
    if not RFC3339_UTC.match(value):
        return False
    datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ")
    return True


# --- locating the folder -------------------------------------------------------------------


def test_resources_are_package_data():
    # Inside the package, so a wheel, an editable install and a PyInstaller bundle carry them.
    assert resources.resources_root() == REPO_ROOT / "hai_desktop" / "resources"
    for parts in (
        ("styles", "desk.qss"),
        ("translations", "hai_desktop_en.qm"),
        ("demo", "demo.json"),
    ):
        assert resources.resource_path(*parts).is_file(), parts


def test_env_var_wins(tmp_path, monkeypatch):
    root = _fake_resources(tmp_path / "res")
    monkeypatch.setenv(resources.ENV_VAR, str(root))
    assert resources.resources_root() == root
    assert resources.load_json("demo", "demo.json") == {"version": 99}


def test_found_relative_to_the_package_not_the_executable(tmp_path, monkeypatch):
    # A PyInstaller 6 bundle puts the package below _internal/: the module's own location
    # is what counts, whatever sys._MEIPASS or the working directory say.
    bundle = tmp_path / "dist" / "hai-desktop" / "_internal"
    _fake_resources(bundle / "hai_desktop" / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "elsewhere"), raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(
        resources, "__file__", str(bundle / "hai_desktop" / "core" / "resources.pyc")
    )
    assert resources.resources_root() == bundle / "hai_desktop" / "resources"


def test_folder_without_marker_is_ignored(tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv(resources.ENV_VAR, str(tmp_path / "empty"))
    # Falls through to the next candidate (the package's own folder).
    assert resources.resources_root() == REPO_ROOT / "hai_desktop" / "resources"


def test_not_found_names_places(tmp_path, monkeypatch):
    monkeypatch.setattr(
        resources, "__file__", str(tmp_path / "site" / "hai_desktop" / "core" / "resources.py")
    )
    with pytest.raises(FileNotFoundError, match="resources folder not found"):
        resources.resources_root()


@pytest.mark.parametrize("parts", [("..", "pyproject.toml"), ("/etc", "passwd")])
def test_escaping_paths_refused(parts):
    with pytest.raises(ValueError):
        resources.resource_path(*parts)


@pytest.fixture(scope="module")
def reference() -> dict:
    return load_reference()


# --- demo data ---------------------------------------------------------------------------------

KB_KEYS = {
    "id", "title", "question", "answer", "department", "application", "regulations", "tags",
    "source_inquiry_ids", "valid_until", "updated_at", "deleted",
}  # fmt: skip


@pytest.fixture(scope="module")
def kb() -> list[dict]:
    resources.clear_cache()
    return resources.load_json("demo", "kb_entries.json")


@pytest.fixture(scope="module")
def inquiries() -> list[dict]:
    resources.clear_cache()
    return resources.load_json("demo", "inquiries.json")


@pytest.fixture(scope="module")
def demo() -> dict:
    resources.clear_cache()
    return resources.load_json("demo", "demo.json")


def test_kb_size_and_fields(kb, reference):
    assert 300 <= len(kb) <= 400
    departments = {d["code"] for d in reference["departments"]}
    applications = {a["code"] for a in reference["applications"]}
    for entry in kb:
        assert KB_KEYS <= entry.keys(), entry.get("title")
        assert _is_uuid(entry["id"])
        for key in ("title", "question", "answer"):
            assert isinstance(entry[key], str) and len(entry[key].strip()) >= 10, key
        assert entry["department"] in departments
        assert entry["application"] is None or entry["application"] in applications
        assert all(isinstance(r, str) and r for r in entry["regulations"])
        assert all(isinstance(t, str) and t == t.lower() for t in entry["tags"])
        assert entry["source_inquiry_ids"] == []
        assert _is_rfc3339(entry["updated_at"])
        assert entry["valid_until"] is None or _is_rfc3339(entry["valid_until"])
        assert entry["deleted"] is False


def test_kb_ids_and_titles_unique(kb):
    assert len({e["id"] for e in kb}) == len(kb)
    assert len({e["title"].lower() for e in kb}) == len(kb)


def test_kb_covers_every_department(kb, reference):
    assert {e["department"] for e in kb} == {d["code"] for d in reference["departments"]}


def test_kb_has_some_outdated_entries(kb):
    expired = [e for e in kb if e["valid_until"] and e["valid_until"] < "2026-01-01"]
    assert 1 <= len(expired) <= 20


def test_inquiries_shape(inquiries, kb, reference, demo):
    assert 15 <= len(inquiries) <= 30
    kb_ids = {e["id"] for e in kb}
    office = demo["office"]["code"]
    apps = {a["code"] for a in reference["applications"]}
    departments = {d["code"] for d in reference["departments"]}
    for item in inquiries:
        assert _is_uuid(item["id"])
        assert item["office_code"] == office
        assert item["channel"] in CHANNELS
        assert item["department"] in departments
        assert item["application"] is None or item["application"] in apps
        assert item["outcome"] in OUTCOMES
        if item["outcome"] == "out_of_scope":
            assert item["out_of_scope_reason"] in REASONS
        else:
            assert item["out_of_scope_reason"] is None
        visitor = item["visitor"]
        assert visitor["name"]
        assert re.fullmatch(r"\d{6}", visitor["satker_code"])
        assert visitor["email"].endswith("@example.com")  # fictional people only
        assert set(item["basis"]) == {"regulations", "kb_entry_ids"}
        assert set(item["basis"]["kb_entry_ids"]) <= kb_ids
        for key in ("created_at", "updated_at", "served_started_at", "served_ended_at"):
            assert _is_rfc3339(item[key])
        assert item["served_started_at"] <= item["served_ended_at"]
        assert isinstance(item["version"], int) and item["version"] >= 1
    assert len({i["id"] for i in inquiries}) == len(inquiries)
    outcomes = {i["outcome"] for i in inquiries}
    assert outcomes == OUTCOMES


def test_demo_accounts_and_office(demo, reference):
    offices = {o["code"]: o for o in reference["offices"]}
    assert demo["office"]["code"] in offices
    assert demo["office"]["kind"] == "KPPN"
    domains = set(reference["email_domains"])
    assert demo["bootstrap_admin"]["email"].split("@")[1] in domains
    for role in ("cso", "agent", "broadcaster", "supervisor"):
        account = demo[role]
        assert account["role"] == role
        assert account["office_code"] in offices
        assert account["email"].split("@")[1] in domains
        assert len(account["password"]) >= 10
    assert demo["cso"]["office_code"] == demo["office"]["code"]


def test_demo_broadcasts(demo):
    broadcasts = demo["broadcasts"]
    assert len(broadcasts) == 4
    assert {b["kind"] for b in broadcasts} == {"outage", "info", "service_change", "data_request"}
    assert any(b["kind"] == "outage" and b["urgency"] == "urgent" for b in broadcasts)
    for b in broadcasts:
        assert _is_uuid(b["id"])
        assert b["kind"] in BROADCAST_KINDS
        assert b["urgency"] in {"normal", "urgent"}
        assert b["title"] and b["body"]
        contact = b[
            "contact"
        ]  # decree II.5.d: a broadcast without a responsible contact is invalid
        assert contact["name"] and contact["phone"] and "@" in contact["email"]
        assert set(b["audience"]) == {"roles", "office_kinds", "office_codes"}
        assert b["attachments"] == []


def test_demo_ticket_links_escalated_inquiry(demo, inquiries):
    """The first demo ticket was forwarded from an escalated inquiry; the others (one the
    agent asked a document for: *waiting*) stand alone. Every one is well formed."""
    escalated = [i for i in inquiries if i["outcome"] == "escalated"]
    first = demo["tickets"][0]["ticket"]
    assert any(i["ticket_id"] == first["id"] and i["id"] == first["inquiry_id"] for i in escalated)
    assert len(demo["tickets"]) >= 2
    for entry in demo["tickets"]:
        ticket = entry["ticket"]
        assert _is_uuid(ticket["id"])
        assert ticket["priority"] in PRIORITIES
        assert ticket["department"] in DEPARTMENTS
        assert ticket["office_code"] == demo["office"]["code"]
        assert ticket["subject"] and ticket["message"] and ticket["requester"]["email"]
        assert _is_rfc3339(ticket["created_at"])
        for message in entry["agent_messages"]:
            assert _is_uuid(message["id"]) and message["body"]


def test_demo_files_match_generator_output():
    """The committed JSON is what the generator makes (nobody hand-edited one side only)."""
    import importlib.util

    demo_dir = REPO_ROOT / "hai_desktop" / "resources" / "demo"
    spec = importlib.util.spec_from_file_location("make_demo_data", demo_dir / "make_demo_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    reference = load_reference()
    kb = module.demo_kb.build_kb(reference)
    inquiries, escalated = module.demo_inquiries.build_inquiries(kb)
    assert kb == json.loads((demo_dir / "kb_entries.json").read_text("utf-8"))
    assert inquiries == json.loads((demo_dir / "inquiries.json").read_text("utf-8"))
    demo = module.demo_office.build_demo(reference, escalated)
    assert demo == json.loads((demo_dir / "demo.json").read_text("utf-8"))
