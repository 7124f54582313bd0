"""Helpers of the ticket GUI tests: an inquiry, a queued ticket, the hub's answer to it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hai_desktop.core import inquiries, inquiries_form, tickets, tickets_hub
from hai_desktop.core.db.models import database_proxy
from hai_desktop.core.timeutil import format_utc

PDF = b"%PDF-1.4\n" + b"x" * 2000


def make_inquiry(**over) -> str:
    values: dict[str, Any] = dict(
        channel="tatap_muka",
        department="PA",
        visitor_name="Siti Rahayu",
        email="siti@kemenkeu.go.id",
        phone="0812-3456-7890",
        satker_code="123456",
        question="SP2D tertahan sejak minggu lalu\nMohon dicek statusnya di SPAN.",
        outcome="escalated",
    )
    values.update(over)
    return inquiries.save_inquiry(inquiries_form.InquiryInput(**values)).id


def make_ticket(tmp_path=None, inquiry_id: str | None = None, subject: str = "SP2D tertahan"):
    files = []
    if tmp_path is not None:
        pdf = tmp_path / "surat.pdf"
        pdf.write_bytes(PDF)
        files = tickets.check_files([str(pdf)])
    data = tickets.TicketInput(
        inquiry_id=inquiry_id,
        department="PA",
        subject=subject,
        message="Uraian lengkap masalahnya.",
        requester_name="Siti Rahayu",
        requester_email="siti@kemenkeu.go.id",
    )
    return tickets.create_ticket(data, files)


def iso(delta: timedelta) -> str:
    return format_utc(datetime.now(UTC) + delta)


def hub_answer(ticket_id: str, number: str, status: str = "answered", **over) -> dict:
    """The hub's feed item: numbered, an agent's reply with a file, the SLA."""
    item = {
        "id": ticket_id,
        "number": number,
        "status": status,
        "level": 2,
        "rev": 2,
        "sla": {
            "response_due": iso(timedelta(hours=-3)),
            "resolve_due": iso(timedelta(days=2)),
            "paused": status == "waiting",
            "response_met": True,
            "resolve_met": None,
        },
        "messages": [
            {
                "id": f"{ticket_id}-reply",
                "author_role": "agent",
                "author_name": "Bayu",
                "body": "Jawaban pusat: SP2D sudah terbit.",
                "created_at": iso(timedelta(minutes=-5)),
                "attachments": [{"sha256": "ab" * 32, "filename": "petunjuk.pdf"}],
            }
        ],
    }
    item.update(over)
    return item


def apply(items: list[dict]) -> None:
    with database_proxy.obj.atomic():
        tickets_hub.apply_from_hub(items)


def outbox_types() -> list[str]:
    rows = database_proxy.obj.execute_sql("SELECT record_type FROM outbox").fetchall()
    return [row[0] for row in rows]
