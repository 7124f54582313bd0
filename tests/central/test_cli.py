"""``hai-central admin …`` on a SQLite data dir."""

from __future__ import annotations

import json
import uuid

import pytest

from hai_central.cli import main
from hai_central.store import db as store
from hai_contract.reference import reference_path
from tests.central.conftest import inquiry


@pytest.fixture
def cli_env(tmp_path, monkeypatch):
    monkeypatch.setenv("HAI_DATA_DIR", str(tmp_path / "hub"))
    monkeypatch.delenv("HAI_DATABASE_URL", raising=False)
    monkeypatch.setenv("HAI_ENV", "test")
    monkeypatch.setenv("HAI_ARGON2_FAST", "1")
    yield tmp_path
    store.current_db().close_all()


def run(capsys, *args) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_admin_cli_end_to_end(cli_env, capsys):
    from hai_central.store.migrate import latest_version

    assert f"schema version {latest_version()}" in run(capsys, "admin", "migrate")
    out = run(capsys, "admin", "offices", "import", str(reference_path()))
    assert "imported" in out
    assert "KPPN-BANDA-ACEH" in run(capsys, "admin", "offices", "list")
    run(capsys, "admin", "offices", "add", "KPPN-DEMO", "KPPN Demo", "KPPN", "--parent", "PUSAT")
    run(
        capsys,
        "admin",
        "users",
        "add",
        "cso@kemenkeu.go.id",
        "Budi",
        "cso",
        "KPPN-DEMO",
        "--password",
        "password-1",
    )
    run(capsys, "admin", "users", "set", "cso@kemenkeu.go.id", "--role", "agent", "--active", "no")
    listed = run(capsys, "admin", "users", "list")
    assert "cso@kemenkeu.go.id" in listed and "agent" in listed and "inactive" in listed
    assert (
        main(
            [
                "admin",
                "users",
                "add",
                "x@gmail.com",
                "X",
                "cso",
                "KPPN-DEMO",
                "--password",
                "password-1",
            ]
        )
        == 2
    )

    entries = [
        {
            "id": str(uuid.uuid4()),
            "title": "Revisi DIPA",
            "question": "Bagaimana?",
            "answer": "Lewat SAKTI.",
            "department": "PA",
            "regulations": ["PMK 62/2023"],
            "tags": [],
        }
    ]
    path = cli_env / "kb.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    assert "1 created" in run(capsys, "admin", "kb", "import", str(path))
    assert "1 updated" in run(capsys, "admin", "kb", "import", str(path))

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["title", "question", "answer", "department", "regulations", "tags"])
    ws.append(
        ["SP2D", "Kapan SP2D terbit?", "Paling lambat 1 hari kerja.", "PKN", "PMK 1; PMK 2", "sp2d"]
    )
    wb.save(cli_env / "kb.xlsx")
    assert "1 created" in run(capsys, "admin", "kb", "import", str(cli_env / "kb.xlsx"))

    # Review from the command line: a desk answer pushed through the service.
    from hai_central.services import inquiries
    from hai_central.services.common import CurrentUser

    cso = CurrentUser(
        id="c",
        email="c",
        name="c",
        role="cso",
        office_code="KPPN-DEMO",
        office_name="",
        office_kind="KPPN",
        token_hash="",
    )
    item, other = inquiry("KPPN-DEMO"), inquiry("KPPN-DEMO")
    assert [r["status"] for r in inquiries.push(cso, [item, other])] == ["created", "created"]
    assert item["id"] in run(capsys, "admin", "review", "list")
    accepted = json.loads(
        run(capsys, "admin", "review", "accept", item["id"], "--title", "Revisi DIPA lewat SAKTI")
    )
    assert accepted["kb_entry"]["source_inquiry_ids"] == [item["id"]]
    rejected = json.loads(run(capsys, "admin", "review", "reject", other["id"], "--note", "kurang"))
    assert rejected["inquiry"]["review_status"] == "rejected"
    run(capsys, "admin", "desks", "list")

    published = json.loads(
        run(
            capsys,
            "admin",
            "broadcasts",
            "publish",
            "--kind",
            "outage",
            "--title",
            "Gangguan SPAN",
            "--body",
            "SPAN tidak dapat diakses.",
            "--urgency",
            "urgent",
            "--contact-name",
            "Kasi",
            "--contact-phone",
            "021-1",
            "--contact-email",
            "kasi@kemenkeu.go.id",
            "--office-kind",
            "KPPN",
            "--application",
            "SPAN",
        )
    )
    assert published["number"].startswith("BC-") and published["signature"]
    assert published["ack_required"] and published["outage_status"] == "investigating"
    assert "Gangguan SPAN" in run(capsys, "admin", "broadcasts", "list")
    resolved = json.loads(
        run(
            capsys,
            "admin",
            "broadcast",
            "publish",
            "--kind",
            "outage",
            "--title",
            "SPAN pulih",
            "--body",
            "SPAN sudah dapat diakses kembali.",
            "--contact-name",
            "Kasi",
            "--contact-phone",
            "021-1",
            "--contact-email",
            "kasi@kemenkeu.go.id",
            "--updates",
            published["id"],
            "--outage-status",
            "resolved",
        )
    )
    assert resolved["updates"] == published["id"] and resolved["audience"]["office_kinds"] == [
        "KPPN"
    ]
    receipts = json.loads(run(capsys, "admin", "broadcast", "receipts", published["id"]))
    assert receipts["ack_required"] is True

    from hai_central.schemas.tickets import TicketIn
    from hai_central.services import tickets

    t, _ = tickets.create(
        cso,
        TicketIn.model_validate(
            {
                "id": str(uuid.uuid4()),
                "office_code": "KPPN-DEMO",
                "department": "PA",
                "subject": "SP2D",
                "message": "Tolong",
                "requester": {"name": "Budi", "email": "budi@kemenkeu.go.id"},
                "created_at": "2026-11-26T08:00:00Z",
            }
        ),
    )
    assert t["number"] in run(capsys, "admin", "tickets", "list")
    replied = json.loads(run(capsys, "admin", "tickets", "reply", t["id"], "Sudah diproses."))
    assert replied["status"] == "answered" and replied["messages"][0]["body"] == "Sudah diproses."
    assert json.loads(run(capsys, "admin", "tickets", "set", t["id"], "--level", "2"))["level"] == 2
