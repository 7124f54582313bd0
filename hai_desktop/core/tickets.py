"""Tickets forwarded to HAI-DJPBN (decree V.d): made offline, followed up, closed. No Qt.

A ticket is saved with its attachments and their outbox items in one transaction; the
attachments' bytes are copied into the content-addressed store just before (a file removed
or changed afterwards does not matter). The ticket's outbox item depends on its attachments'
items, so the sync sends the files first. Until the hub answers, the ticket has no number
(*menunggu kirim*). Hub-side state (number, status, level, SLA, the centre's replies) arrives
through the tickets feed (:mod:`hai_desktop.core.tickets_hub`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from hai_desktop.core import attachments, inquiries, inquiries_form, outbox, reference
from hai_desktop.core.attachments import ChosenFile
from hai_desktop.core.db.models import Inquiry, Ticket, TicketMessage, database_proxy
from hai_desktop.core.errors import NotFoundError, ValidationError
from hai_desktop.core.timeutil import utc_now

RECORD_TICKET = "ticket"
RECORD_MESSAGE = "ticket_message"
RECORD_CLOSE = "ticket_close"
RECORD_ATTACHMENT = "attachment"
PRIORITIES = ("low", "normal", "high", "urgent")
OPEN_STATUSES = ("new", "in_progress", "waiting", "escalated", "answered")
SUBJECT_MAX = 500
MESSAGE_MAX = 50000
NOTE_MAX = 2000
MAX_ATTACHMENTS = 10
# Message codes of this module beyond core/errors.py's (Indonesian; the GUI translates).
MESSAGES: dict[str, str] = {
    "too_many_attachments": f"Paling banyak {MAX_ATTACHMENTS} lampiran per tiket.",
    "ticket_closed": "Tiket sudah ditutup. Teruskan pertanyaan baru bila perlu.",
    "no_inquiry": "Tiket ini tidak berasal dari catatan layanan.",
    "no_answer_yet": "Belum ada jawaban dari HAI-DJPBN.",
}
# The basis an answer copied from a ticket records (decree V.b: an answer rests on a basis).
TICKET_BASIS = "Jawaban HAI-DJPBN, tiket {number}"


@dataclass
class TicketInput:
    """What the ticket form edits."""

    inquiry_id: str | None = None
    department: str = ""
    subject: str = ""
    message: str = ""
    priority: str = "normal"
    requester_name: str = ""
    requester_email: str = ""
    requester_phone: str = ""
    requester_satker: str = ""
    attachment_paths: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TicketInput:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in (data or {}).items() if k in known})


def message(code: str) -> str:
    """The Indonesian text of a message code (this module's, else core/errors.py's)."""
    from hai_desktop.core.errors import message as core_message

    return MESSAGES.get(code) or core_message(code)


def prefill_from_inquiry(inquiry_id: str) -> TicketInput:
    """A ticket form filled from an inquiry: department, subject from the question, the
    question in detail, the visitor as requester. Raises NotFoundError."""
    inquiry = inquiries.get_inquiry(inquiry_id)
    if inquiry is None:
        raise NotFoundError(inquiry_id)
    question = (inquiry.question or "").strip()
    first_line = question.splitlines()[0] if question else ""
    subject = first_line if len(first_line) <= 120 else first_line[:117].rstrip() + "…"
    return TicketInput(
        inquiry_id=inquiry.id,
        department=inquiry.department or "",
        subject=subject,
        message=question,
        priority="normal",
        requester_name=inquiry.visitor_name or "",
        requester_email=inquiry.email or "",
        requester_phone=inquiry.phone or "",
        requester_satker=inquiry.satker_code or "",
    )


def validate(data: TicketInput) -> dict[str, str]:
    """Field -> message code (core/errors.py) for what cannot be sent."""
    errors: dict[str, str] = {}
    if not data.department.strip():
        errors["department"] = "required"
    elif reference.is_seeded() and data.department not in reference.codes("departments"):
        errors["department"] = "unknown_code"
    for name, limit in (("subject", SUBJECT_MAX), ("message", MESSAGE_MAX)):
        value = getattr(data, name).strip()
        if not value:
            errors[name] = "required"
        elif len(value) > limit:
            errors[name] = "too_long"
    if data.priority not in PRIORITIES:
        errors["priority"] = "unknown_code"
    if not data.requester_name.strip():
        errors["requester_name"] = "required"
    email = data.requester_email.strip()
    if not email:
        errors["requester_email"] = "required"
    elif not inquiries_form.valid_email(email):
        errors["requester_email"] = "email_invalid"
    phone = data.requester_phone.strip()
    if phone and not inquiries_form.valid_phone(phone):
        errors["requester_phone"] = "phone_invalid"
    satker = data.requester_satker.strip()
    if satker and not inquiries_form.SATKER_RE.fullmatch(satker):
        errors["requester_satker"] = "satker_invalid"
    if data.inquiry_id and inquiries.get_inquiry(data.inquiry_id) is None:
        errors["inquiry_id"] = "not_found"
    if len(data.attachment_paths) > MAX_ATTACHMENTS:
        errors["attachments"] = "too_many_attachments"
    return errors


def check_files(paths: Sequence[str]) -> list[ChosenFile]:
    """Check every chosen file; the first refused one raises ``AttachmentRefused``."""
    return [attachments.check_file(p) for p in paths]


def _office_code() -> str:
    from hai_desktop.core.profile_store import get_profile

    profile = get_profile()
    return profile.office_code if profile else ""


def _stage(files: Sequence[ChosenFile]) -> list[dict[str, str]]:
    """Copy the files into the store (before the transaction): raises AttachmentRefused."""
    refs = []
    seen = set()
    for chosen in files:
        attachments.store(chosen)
        if chosen.sha256 not in seen:
            seen.add(chosen.sha256)
            refs.append({"sha256": chosen.sha256, "filename": chosen.filename})
    return refs


def _queue_files(files: Sequence[ChosenFile]) -> list[tuple[str, str]]:
    """Rows and outbox items of the files (inside the transaction); what to depend on."""
    needs = []
    for chosen in {c.sha256: c for c in files}.values():
        upload = attachments.needs_upload(chosen.sha256)
        attachments.record(chosen)
        if upload:
            outbox.enqueue(RECORD_ATTACHMENT, chosen.sha256)
            needs.append((RECORD_ATTACHMENT, chosen.sha256))
    return needs


def create_ticket(data: TicketInput, files: Sequence[ChosenFile] | None = None) -> Ticket:
    """Validate and queue a ticket with its attachments, all in one transaction.

    ``files``: the checked files (default: :attr:`TicketInput.attachment_paths` checked
    now). Raises ``ValidationError`` or ``AttachmentRefused``; nothing is queued then.
    """
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    files = list(files) if files is not None else check_files(data.attachment_paths)
    refs = _stage(files)
    now = utc_now()
    ticket_id = str(uuid.uuid4())
    values = {
        "id": ticket_id,
        "number": None,
        "inquiry_id": data.inquiry_id or None,
        "office_code": _office_code(),
        "department": data.department.strip(),
        "subject": data.subject.strip(),
        "message": data.message.strip(),
        "priority": data.priority,
        "requester": {
            "name": data.requester_name.strip(),
            "email": data.requester_email.strip(),
            "phone": data.requester_phone.strip() or None,
            "satker_code": data.requester_satker.strip() or None,
        },
        "attachments": refs,
        "status": "new",
        "level": 1,
        "created_at": now,
        "updated_at": now,
        "sync_status": "pending",
        "origin": "desk",
    }
    with database_proxy.obj.atomic():
        needs = _queue_files(files)
        Ticket.insert(**values).execute()
        outbox.enqueue(RECORD_TICKET, ticket_id, depends_on=needs)
        if data.inquiry_id:
            _link_inquiry(data.inquiry_id, ticket_id)
    return Ticket.get_by_id(ticket_id)


def _link_inquiry(inquiry_id: str, ticket_id: str) -> None:
    """The inquiry names its ticket (a new version of it travels to the hub)."""
    Inquiry.update(
        ticket_id=ticket_id,
        version=Inquiry.version + 1,
        updated_at=utc_now(),
        sync_status="pending",
    ).where(Inquiry.id == inquiry_id).execute()
    outbox.enqueue("inquiry", inquiry_id)


def add_message(ticket_id: str, body: str, files: Sequence[ChosenFile] = ()) -> TicketMessage:
    """A follow-up from this desk (with attachments), queued after the ticket itself."""
    ticket = get_ticket(ticket_id)
    if ticket is None:
        raise NotFoundError(ticket_id)
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": "required"})
    if len(body) > MESSAGE_MAX:
        raise ValidationError({"body": "too_long"})
    if ticket.status == "closed":
        raise ValidationError({"body": "ticket_closed"})
    refs = _stage(files)
    message_id = str(uuid.uuid4())
    now = utc_now()
    with database_proxy.obj.atomic():
        needs = _queue_files(files) + [(RECORD_TICKET, ticket_id)]
        TicketMessage.insert(
            id=message_id,
            ticket_id=ticket_id,
            author_role="cso",
            author_name=None,
            body=body,
            attachments=refs,
            created_at=now,
            sync_status="pending",
            origin="desk",
        ).execute()
        Ticket.update(updated_at=now).where(Ticket.id == ticket_id).execute()
        outbox.enqueue(RECORD_MESSAGE, message_id, depends_on=needs)
    return TicketMessage.get_by_id(message_id)


def close_ticket(ticket_id: str, satisfied: bool | None, note: str = "") -> Ticket:
    """The answer reached the visitor: close with their satisfaction (puas / tidak puas)."""
    ticket = get_ticket(ticket_id)
    if ticket is None:
        raise NotFoundError(ticket_id)
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ValidationError({"close_note": "too_long"})
    now = utc_now()
    pending_messages = [
        (RECORD_MESSAGE, m.id)
        for m in TicketMessage.select(TicketMessage.id).where(
            (TicketMessage.ticket_id == ticket_id) & (TicketMessage.origin == "desk")
        )
    ]
    with database_proxy.obj.atomic():
        Ticket.update(
            status="closed",
            closed_at=ticket.closed_at or now,
            satisfied=satisfied,
            close_note=note or None,
            updated_at=now,
        ).where(Ticket.id == ticket_id).execute()
        # After the ticket and every follow-up: a follow-up sent after the close is refused.
        outbox.enqueue(
            RECORD_CLOSE, ticket_id, depends_on=[(RECORD_TICKET, ticket_id)] + pending_messages
        )
    return Ticket.get_by_id(ticket_id)


def get_ticket(ref: str) -> Ticket | None:
    """A ticket by id or by number (``HAI-2026-000123``)."""
    ref = (ref or "").strip()
    return Ticket.get_or_none((Ticket.id == ref.lower()) | (Ticket.number == ref.upper()))


def messages(ticket_id: str) -> list[TicketMessage]:
    """The conversation, oldest first (the ticket's own text is not among them)."""
    return list(
        TicketMessage.select()
        .where(TicketMessage.ticket_id == ticket_id)
        .order_by(TicketMessage.created_at, TicketMessage.id)
    )


def mark_read(ticket_id: str) -> None:
    """The CSO saw the replies."""
    Ticket.update(unread=0).where(Ticket.id == ticket_id).execute()


def unread_total() -> int:
    row = database_proxy.obj.execute_sql("SELECT COALESCE(SUM(unread), 0) FROM ticket").fetchone()
    return int(row[0] or 0)


def latest_answer(ticket_id: str) -> TicketMessage | None:
    """The centre's latest reply."""
    return (
        TicketMessage.select()
        .where((TicketMessage.ticket_id == ticket_id) & (TicketMessage.origin == "hub"))
        .where(TicketMessage.author_role != "cso")
        .order_by(TicketMessage.created_at.desc(), TicketMessage.id.desc())
        .first()
    )


def copy_answer_to_inquiry(ticket_id: str) -> Inquiry:
    """Decree V.d.6: the centre's answer becomes the originating inquiry's answer (outcome
    answered, basis: the ticket), which sends it for review into the KB."""
    ticket = get_ticket(ticket_id)
    if ticket is None:
        raise NotFoundError(ticket_id)
    if not ticket.inquiry_id:
        raise ValidationError({"inquiry_id": "no_inquiry"})
    answer = latest_answer(ticket.id)
    if answer is None:
        raise ValidationError({"answer": "no_answer_yet"})
    inquiry = inquiries.get_inquiry(ticket.inquiry_id)
    if inquiry is None:
        raise NotFoundError(ticket.inquiry_id)
    data = inquiries.to_input(inquiry)
    data.answer = answer.body
    data.outcome = "answered"
    data.out_of_scope_reason = ""
    basis = TICKET_BASIS.format(number=ticket.number or ticket.id)
    if basis not in data.basis_regulations:
        data.basis_regulations = [*data.basis_regulations, basis]
    saved = inquiries.save_inquiry(data)
    if saved.ticket_id != ticket.id:
        with database_proxy.obj.atomic():
            Inquiry.update(ticket_id=ticket.id).where(Inquiry.id == saved.id).execute()
    return inquiries.get_inquiry(saved.id)
