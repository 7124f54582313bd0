"""The bundled resources: how they are found, and that the data files keep the API.md shapes."""

from __future__ import annotations

import json
import re
import sys
import uuid
from datetime import datetime
from pathlib import Path

import pytest

from hai_desktop.core import resources

REPO_ROOT = Path(__file__).resolve().parents[3]

DEPARTMENTS = {"PA", "PKN", "SMI", "PPKBLU", "APK", "SP", "SITP"}
CHANNELS = {"tatap_muka", "telepon", "email", "whatsapp", "surat"}
REASONS = {"interpretation", "unregulated", "official_authority", "ppid"}
OUTCOMES = {"answered", "escalated", "out_of_scope"}
PRIORITIES = {"low", "normal", "high", "urgent"}
BROADCAST_KINDS = {"info", "outage", "data_request", "service_change", "other"}
RFC3339_UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


@pytest.fixture(autouse=True)
def _fresh_cache(monkeypatch):
    monkeypatch.delenv(resources.ENV_VAR, raising=False)
    resources.clear_cache()
    yield
    resources.clear_cache()


def _fake_resources(root: Path) -> Path:
    (root / "reference").mkdir(parents=True)
    (root / "reference" / "reference.json").write_text('{"version": 99}', encoding="utf-8")
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


def test_source_checkout_finds_repo_resources():
    assert resources.resources_root() == REPO_ROOT / "resources"
    assert resources.resource_path("reference", "reference.json").is_file()


def test_env_var_wins(tmp_path, monkeypatch):
    root = _fake_resources(tmp_path / "res")
    monkeypatch.setenv(resources.ENV_VAR, str(root))
    assert resources.resources_root() == root
    assert resources.load_json("reference", "reference.json") == {"version": 99}


def test_pyinstaller_bundle(tmp_path, monkeypatch):
    _fake_resources(tmp_path / "bundle" / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    assert resources.resources_root() == tmp_path / "bundle" / "resources"


def test_folder_without_marker_is_ignored(tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv(resources.ENV_VAR, str(tmp_path / "empty"))
    # Falls through to the next candidate (the source checkout).
    assert resources.resources_root() == REPO_ROOT / "resources"


def test_installed_share_dir(tmp_path, monkeypatch):
    share = _fake_resources(tmp_path / "prefix" / "share" / "hai-desk" / "resources")
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "prefix"))
    monkeypatch.setattr(
        resources, "__file__", str(tmp_path / "site" / "hai_desktop" / "core" / "resources.py")
    )
    assert resources.resources_root() == share


def test_not_found_names_places(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "prefix", str(tmp_path / "nowhere"))
    monkeypatch.setattr(
        resources, "__file__", str(tmp_path / "site" / "hai_desktop" / "core" / "resources.py")
    )
    with pytest.raises(FileNotFoundError, match="resources folder not found"):
        resources.resources_root()


@pytest.mark.parametrize("parts", [("..", "pyproject.toml"), ("/etc", "passwd")])
def test_escaping_paths_refused(parts):
    with pytest.raises(ValueError):
        resources.resource_path(*parts)


# --- reference.json ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> dict:
    resources.clear_cache()
    return resources.load_json("reference", "reference.json")


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


def test_reference_fixed_code_sets(reference):
    def codes(kind):
        return {i["code"] for i in reference[kind]}

    assert codes("departments") == DEPARTMENTS
    assert codes("channels") == CHANNELS
    assert codes("out_of_scope_reasons") == REASONS
    assert codes("outcomes") == OUTCOMES
    assert codes("priorities") == PRIORITIES
    assert codes("broadcast_kinds") == BROADCAST_KINDS


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


def test_sla_covers_every_department_and_priority(reference):
    pairs = {(s["department"], s["priority"]) for s in reference["sla"]}
    assert pairs == {(d, p) for d in DEPARTMENTS for p in PRIORITIES}
    for row in reference["sla"]:
        assert 0 < row["response_minutes"] <= row["resolve_minutes"]


def test_attachment_rules_and_domains(reference):
    rules = reference["attachment_rules"]
    assert rules["max_bytes"] == 15 * 1024 * 1024
    assert set(rules["allowed_extensions"]) == {
        "doc", "docx", "gif", "jpeg", "jpg", "pdf", "png",
        "ppt", "pptx", "rar", "txt", "xls", "xlsx", "zip",
    }  # fmt: skip
    assert "kemenkeu.go.id" in reference["email_domains"]


def test_reference_says_what_is_sample(reference):
    # Honesty about the data's origin is part of the file (see resources/reference/README.md).
    assert "sample" in reference["_source"]["offices"].lower()
    assert "sample" in reference["_source"]["sla"].lower()


def test_reference_is_plain_utf8_json():
    raw = (REPO_ROOT / "resources" / "reference" / "reference.json").read_bytes()
    json.loads(raw.decode("utf-8"))
