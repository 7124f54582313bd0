"""The words for the ticket codes of core (statuses, priorities, levels, author roles, SLA
states, message codes) and the ticket number shown before the hub gave one.

Every text is a literal in ``QCoreApplication.translate("TicketTexts", …)`` so lupdate finds
it; core never sees these words.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from hai_desktop.core import tickets
from hai_desktop.core.timeutil import parse_utc
from hai_desktop.gui import error_texts
from hai_desktop.gui.broadcast_texts import local_time

__all__ = ["local_time"]


def status_text(code: str | None) -> str:
    words = {
        "new": QCoreApplication.translate("TicketTexts", "Baru"),
        "in_progress": QCoreApplication.translate("TicketTexts", "Diproses"),
        "waiting": QCoreApplication.translate("TicketTexts", "Menunggu pengguna"),
        "escalated": QCoreApplication.translate("TicketTexts", "Dieskalasi"),
        "answered": QCoreApplication.translate("TicketTexts", "Dijawab"),
        "closed": QCoreApplication.translate("TicketTexts", "Ditutup"),
    }
    return words.get(code or "", code or "")


def status_items() -> list[tuple[str, str]]:
    codes = ("new", "in_progress", "waiting", "escalated", "answered", "closed")
    return [(c, status_text(c)) for c in codes]


def state_items() -> list[tuple[str, str]]:
    """The open/closed filter: (code, words)."""
    return [
        ("open", QCoreApplication.translate("TicketTexts", "Masih terbuka")),
        ("closed", QCoreApplication.translate("TicketTexts", "Sudah ditutup")),
    ]


def priority_text(code: str | None) -> str:
    words = {
        "low": QCoreApplication.translate("TicketTexts", "Rendah"),
        "normal": QCoreApplication.translate("TicketTexts", "Biasa"),
        "high": QCoreApplication.translate("TicketTexts", "Tinggi"),
        "urgent": QCoreApplication.translate("TicketTexts", "Mendesak"),
    }
    return words.get(code or "", code or "")


def priority_items() -> list[tuple[str, str]]:
    return [(c, priority_text(c)) for c in tickets.PRIORITIES]


def level_text(level: Any) -> str:
    return QCoreApplication.translate("TicketTexts", "Level %1").replace("%1", str(level or 1))


def role_text(role: str | None) -> str:
    if role == "cso":
        return QCoreApplication.translate("TicketTexts", "Kantor ini (CSO)")
    if role == "agent":
        return QCoreApplication.translate("TicketTexts", "Agen HAI-DJPBN")
    return QCoreApplication.translate("TicketTexts", "HAI-DJPBN")


def number_text(row: dict[str, Any]) -> str:
    """The hub's number, or *menunggu kirim* until the hub gave one."""
    if row.get("number"):
        return str(row["number"])
    if row.get("sync_status") == "rejected":
        return QCoreApplication.translate("TicketTexts", "ditolak hub")
    return QCoreApplication.translate("TicketTexts", "menunggu kirim")


def short_time(iso: str | None) -> str:
    """A UTC ISO time as a local ``dd/mm hh:mm`` (the SLA column: the year is evident)."""
    if not iso:
        return ""
    try:
        return parse_utc(iso).astimezone().strftime("%d/%m %H:%M")
    except (ValueError, TypeError):
        return str(iso)


def sla_text(state: str | None, due: str | None) -> str:
    """The SLA column: the due, and what it means now."""
    when = short_time(due)
    if state == "paused":
        return QCoreApplication.translate("TicketTexts", "‖ jeda")
    if state == "overdue":
        return QCoreApplication.translate("TicketTexts", "⚠ lewat %1").replace("%1", when)
    if state == "near":
        return QCoreApplication.translate("TicketTexts", "segera %1").replace("%1", when)
    if state == "met":
        return QCoreApplication.translate("TicketTexts", "✓ terpenuhi")
    if state == "missed":
        return QCoreApplication.translate("TicketTexts", "terlewati")
    if state == "ok" and when:
        return when
    return ""


def sla_tooltip(state: str | None, due: str | None) -> str:
    when = local_time(due)
    words = {
        "overdue": QCoreApplication.translate(
            "TicketTexts", "Batas waktu layanan (SLA) %1 sudah terlewati."
        ),
        "near": QCoreApplication.translate(
            "TicketTexts", "Batas waktu layanan (SLA) %1 segera tiba."
        ),
        "paused": QCoreApplication.translate(
            "TicketTexts",
            "Tiket menunggu jawaban pengguna: jam SLA berhenti sampai pengguna menanggapi.",
        ),
        "ok": QCoreApplication.translate("TicketTexts", "Batas waktu layanan (SLA): %1."),
        "met": QCoreApplication.translate(
            "TicketTexts", "Dijawab dalam batas waktu layanan (SLA)."
        ),
        "missed": QCoreApplication.translate(
            "TicketTexts", "Dijawab melewati batas waktu layanan (SLA)."
        ),
    }
    if state == "ok" and not when:
        return ""
    return words.get(state or "", "").replace("%1", when)


def satisfaction_text(satisfied: bool | None) -> str:
    if satisfied is True:
        return QCoreApplication.translate("TicketTexts", "puas")
    if satisfied is False:
        return QCoreApplication.translate("TicketTexts", "tidak puas")
    return QCoreApplication.translate("TicketTexts", "tidak dinilai")


def message_text(code: str) -> str:
    """A validation code of core.tickets or core/errors in words."""
    words = {
        "too_many_attachments": QCoreApplication.translate(
            "TicketTexts", "Paling banyak %1 lampiran per tiket."
        ).replace("%1", str(tickets.MAX_ATTACHMENTS)),
        "ticket_closed": QCoreApplication.translate(
            "TicketTexts", "Tiket sudah ditutup. Teruskan pertanyaan baru bila perlu."
        ),
        "no_inquiry": QCoreApplication.translate(
            "TicketTexts", "Tiket ini tidak berasal dari catatan layanan."
        ),
        "no_answer_yet": QCoreApplication.translate(
            "TicketTexts", "Belum ada jawaban dari HAI-DJPBN."
        ),
    }
    return words.get(code) or error_texts.text(code)


def file_size_text(size: int | None) -> str:
    if not size:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def upload_text(state: str | None, offset: int, size: int | None) -> str:
    """Where this desk's upload of a file stands ("" when it is not this desk's file)."""
    if state == "sent":
        return QCoreApplication.translate("TicketTexts", "terkirim")
    if state != "pending":
        return ""
    if offset and size:
        percent = min(99, int(offset * 100 / size))
        return QCoreApplication.translate("TicketTexts", "mengunggah %1 %").replace(
            "%1", str(percent)
        )
    return QCoreApplication.translate("TicketTexts", "menunggu kirim")
