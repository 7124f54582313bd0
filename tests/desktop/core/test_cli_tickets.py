"""``hai-desktop tickets`` / ``ticket new|show`` against a real desk profile folder: the same
checks and words as the form, nothing queued on a refusal, the conversation as JSON."""

from __future__ import annotations

import hashlib
import json

from hai_desktop import cli
from hai_desktop.core import kb, outbox, tickets_hub
from hai_desktop.core.db.database import open_database
from hai_desktop.core.db.models import Ticket
from tests.desktop.core.test_kb import entry
from tests.integration.test_tickets_sync import escalated_inquiry

PDF = b"%PDF-1.4\n" + b"x" * 2000


def _run(capsys, paths, *args: str) -> tuple[int, str, str]:
    code = cli.main(["--data-dir", str(paths.data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _inquiry(db) -> str:
    """An escalated inquiry with a visitor (the database closed: the CLI opens it)."""
    inquiry_id = escalated_inquiry()
    db.close()
    return inquiry_id


def _queued(paths) -> tuple[int, int]:
    """(tickets, outbox depth) in the profile."""
    db = open_database(paths.database)
    try:
        return Ticket.select().count(), outbox.depth()
    finally:
        db.close()


def test_ticket_new_from_inquiry_queues_like_the_form(db, paths, profile, capsys, tmp_path):
    known = entry("SP2D tertahan", "Mengapa SP2D tertahan?", "Periksa rekening penerima.")
    kb.apply_kb_changes([known])
    inquiry_id = _inquiry(db)
    before = _queued(paths)[1]
    src = tmp_path / "surat.pdf"
    src.write_bytes(PDF)
    code, out, err = _run(
        capsys, paths, "ticket", "new", "--inquiry", inquiry_id, "--priority", "high",
        "--attach", str(src), "--json",
    )  # fmt: skip
    assert code == cli.EXIT_OK, err
    item = json.loads(out)
    assert item["number"] is None and item["status"] == "new" and item["level"] == 1
    assert item["subject"].startswith("SP2D tertahan") and item["priority"] == "high"
    assert item["requester"]["name"] == "Siti Rahayu" and item["inquiry_id"] == inquiry_id
    sha = hashlib.sha256(PDF).hexdigest()
    assert item["attachments"] == [
        {"sha256": sha, "filename": "surat.pdf", "size": len(PDF), "on_desk": True}
    ]
    # the ticket and its file (the inquiry, already queued, now names its ticket)
    assert _queued(paths) == (1, before + 2)
    assert item["kb_matches"][0] == {"id": known["id"], "title": "SP2D tertahan"}

    code, out, _ = _run(capsys, paths, "tickets")
    assert code == cli.EXIT_OK and "menunggu kirim" in out and item["id"] in out
    code, out, _ = _run(capsys, paths, "ticket", "show", item["id"])
    assert code == cli.EXIT_OK and "surat.pdf" in out and "Pemohon: Siti Rahayu" in out


def test_refusals_print_every_reason_and_queue_nothing(db, paths, profile, capsys, tmp_path):
    inquiry_id = _inquiry(db)
    before = _queued(paths)
    fake = tmp_path / "nota.pdf"
    fake.write_bytes(b"MZ\x90\x00 a program")
    big = tmp_path / "besar.pdf"
    with open(big, "wb") as f:
        f.write(b"%PDF-")
        f.truncate(15 * 1024 * 1024 + 1)
    code, _, err = _run(
        capsys, paths, "ticket", "new", "--inquiry", inquiry_id, "--priority", "segera",
        "--attach", str(fake), "--attach", str(big), "--attach", str(tmp_path / "hilang.pdf"),
    )  # fmt: skip
    assert code == cli.EXIT_USAGE
    assert "Tiket tidak disimpan" in err
    assert "--priority: pilihan tidak dikenal." in err
    assert "Isi berkas nota.pdf bukan PDF" in err
    assert "besar.pdf terlalu besar" in err and "paling besar 15 MB" in err
    assert "hilang.pdf tidak ditemukan lagi" in err
    assert _queued(paths) == before

    code, _, err = _run(capsys, paths, "ticket", "new", "--inquiry", "tidak-ada")
    assert code == cli.EXIT_USAGE and "tidak ada di desk ini" in err
    code, _, err = _run(capsys, paths, "ticket", "new", "--subject", "Tanpa catatan")
    assert code == cli.EXIT_USAGE
    for option in ("--department", "--message", "--requester-name", "--requester-email"):
        assert f"{option}: wajib diisi." in err
    assert _queued(paths) == before


def test_ticket_new_without_inquiry(db, paths, profile, capsys):
    db.close()
    code, out, err = _run(
        capsys, paths, "ticket", "new", "--department", "PA", "--subject", "Akses SAKTI",
        "--message", "Pengguna tidak bisa masuk SAKTI.", "--requester-name", "Budi",
        "--requester-email", "budi@kemenkeu.go.id",
    )  # fmt: skip
    assert code == cli.EXIT_OK, err
    assert "Tiket disimpan, menunggu kirim" in out and "KB sudah memuat" not in out
    code, out, err = _run(
        capsys, paths, "ticket", "new", "--department", "PA", "--subject", "Akses SAKTI",
        "--message", "Pengguna tidak bisa masuk SAKTI.", "--requester-name", "Budi",
        "--requester-email", "budi@kemenkeu.go.id", "--json",
    )  # fmt: skip
    assert code == cli.EXIT_OK, err
    item = json.loads(out)
    assert item["inquiry_id"] is None and item["attachments"] == []
    assert _queued(paths) == (2, 2)


def test_show_json_carries_sla_and_the_conversation(db, paths, profile, capsys):
    sha = "ab" * 32
    db.close()
    reopened = open_database(paths.database)
    with reopened.atomic():
        tickets_hub.apply_from_hub(
            [
                {
                    "id": "7d0c4f0e-7a3c-4d0b-9a53-1f0e0e0e0e01",
                    "number": "HAI-2026-000042",
                    "office_code": "KPPN-BANDA-ACEH",
                    "department": "PA",
                    "subject": "Revisi DIPA",
                    "message": "Bagaimana revisi DIPA?",
                    "priority": "normal",
                    "status": "waiting",
                    "level": 2,
                    "sla": {
                        "response_due": "2026-12-01T03:00:00Z",
                        "resolve_due": "2026-12-04T09:00:00Z",
                        "paused": True,
                        "paused_since": "2026-12-02T02:00:00Z",
                    },
                    "created_at": "2026-12-01T01:00:00Z",
                    "updated_at": "2026-12-02T02:00:00Z",
                    "messages": [
                        {
                            "id": "7d0c4f0e-7a3c-4d0b-9a53-1f0e0e0e0e02",
                            "author_role": "agent",
                            "author_name": "Agen Pusat",
                            "body": "Mohon kirim surat usulan revisi.",
                            "attachments": [
                                {"sha256": sha, "filename": "contoh.pdf", "size": 1234}
                            ],
                            "created_at": "2026-12-02T02:00:00Z",
                        }
                    ],
                }
            ]
        )
    reopened.close()
    for ref in ("HAI-2026-000042", "hai-2026-000042", "7d0c4f0e-7a3c-4d0b-9a53-1f0e0e0e0e01"):
        code, out, _ = _run(capsys, paths, "ticket", "show", ref, "--json")
        assert code == cli.EXIT_OK
        item = json.loads(out)
        assert item["number"] == "HAI-2026-000042"
    assert item["status"] == "waiting" and item["level"] == 2
    assert item["sla"]["paused"] is True and item["sla"]["resolve_due"] == "2026-12-04T09:00:00Z"
    [reply] = item["messages"]
    assert reply["author_role"] == "agent" and reply["body"].startswith("Mohon kirim")
    assert reply["attachments"][0]["sha256"] == sha
    assert reply["attachments"][0]["size"] == 1234

    code, out, _ = _run(capsys, paths, "ticket", "show", "HAI-2026-000042")
    assert "menunggu pengguna" in out and "Waktu SLA dijeda" in out
    assert "Agen HAI-DJPBN (Agen Pusat)" in out and "contoh.pdf" in out
    code, out, _ = _run(capsys, paths, "tickets", "--json")
    [row] = json.loads(out)
    assert row["unread"] == 1 and row["sla"]["paused"] is True
    code, out, _ = _run(capsys, paths, "tickets")
    assert out.startswith("*=") and "HAI-2026-000042" in out
    assert _run(capsys, paths, "ticket", "show", "HAI-2026-999999")[0] == cli.EXIT_FAILED
