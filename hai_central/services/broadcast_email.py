"""The decree's channel: each broadcast e-mailed to the addressed offices' ``email``.

Publishing only inserts ``email_outbox`` rows (in the publish transaction); a worker thread
in every hub process sends due rows over SMTP and retries failures with a growing delay, so
a slow or unreachable mail server never blocks or fails a publish. Several hub workers may
run the sender at once: a row is claimed (``claimed_until``) with a conditional UPDATE
before it is sent, so each e-mail goes out once per successful delivery.
"""

from __future__ import annotations

import hashlib
import logging
import smtplib
import ssl
import threading
import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

import peewee

from hai_central.services.common import iso, parse_time, utcnow
from hai_central.settings import Settings
from hai_central.store import db as store
from hai_central.store.models import Broadcast, EmailOutbox, Office

log = logging.getLogger(__name__)

STATE_QUEUED = "queued"
STATE_SENT = "sent"
STATE_FAILED = "failed"  # gave up after MAX_ATTEMPTS
MAX_ATTEMPTS = 12
RETRY_BASE_S = 30.0
RETRY_CAP_S = 3600.0
CLAIM_S = 300
BATCH = 50

KIND_WORDS = {
    "info": "Informasi",
    "outage": "Status gangguan",
    "data_request": "Permintaan data/laporan",
    "service_change": "Perubahan layanan",
    "other": "Informasi lainnya",
}
OUTAGE_WORDS = {
    "investigating": "sedang diselidiki",
    "identified": "penyebab diketahui",
    "monitoring": "dipantau",
    "resolved": "sudah pulih",
}


def office_email(office: Office) -> str | None:
    value = str((office.extra or {}).get("email") or "").strip()
    return value if "@" in value else None


def enqueue(db: peewee.Database, broadcast_id: str, offices: Iterable[Office]) -> int:
    """Queue one e-mail per addressed office that has an address (inside the publish)."""
    now = iso(utcnow())
    count = 0
    for office in offices:
        address = office_email(office)
        if not address:
            continue
        count += store.insert_new(
            EmailOutbox,
            id=str(uuid.uuid4()),
            broadcast_id=broadcast_id,
            office_code=office.code,
            address=address,
            state=STATE_QUEUED,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
    return count


def retry_delay(attempts: int) -> float:
    return min(RETRY_BASE_S * 2 ** max(0, attempts - 1), RETRY_CAP_S)


def compose(b: Broadcast, to: str, sender: str) -> EmailMessage:
    """The e-mail of one broadcast: plain text, the number and kind in the subject."""
    msg = EmailMessage()
    prefix = "[SEGERA] " if b.urgency == "urgent" else ""
    msg["Subject"] = f"{prefix}[HAI-DJPBN {b.number}] {b.title}"
    msg["From"] = sender
    msg["To"] = to
    msg["Date"] = format_datetime(parse_time(b.published_at))
    # One Message-ID per broadcast and address: a retry after an unclear failure is the same
    # message, which receiving servers and mail clients can deduplicate.
    digest = hashlib.sha256(f"{b.id}:{to}".encode()).hexdigest()[:16]
    msg["Message-ID"] = make_msgid(idstring=f"{b.number}.{digest}", domain="hai-hub")
    msg["X-HAI-Broadcast-Id"] = b.id
    msg["X-HAI-Signature"] = b.signature
    lines = [
        f"{KIND_WORDS.get(b.kind, b.kind)} · {b.number}",
        "",
        b.title,
        "",
        b.body,
        "",
    ]
    if b.kind == "outage" and b.outage_status:
        apps = ", ".join(b.affected_applications or [])
        lines.append(f"Aplikasi: {apps} · Status: {OUTAGE_WORDS.get(b.outage_status, '')}")
    if b.reply_requested and b.reply_due:
        lines.append(f"Mohon dijawab melalui HAI Desk paling lambat {b.reply_due} (UTC).")
    if b.ack_required:
        lines.append("Mohon konfirmasi telah dibaca melalui HAI Desk.")
    if b.valid_until:
        lines.append(f"Berlaku sampai {b.valid_until} (UTC).")
    for att in b.attachments or []:
        lines.append(f"Lampiran (unduh di HAI Desk): {att.get('filename')}")
    contact = b.contact or {}
    lines += [
        "",
        "Penanggung jawab:",
        f"{contact.get('name', '')} · {contact.get('phone', '')} · {contact.get('email', '')}",
        "",
        "Dilarang mengubah isi broadcast ini (KEP-428/PB/2016, Lampiran II.7).",
    ]
    msg.set_content("\n".join(lines))
    return msg


def _claim(now: datetime) -> list[EmailOutbox]:
    """Take up to BATCH due rows for this process (a conditional UPDATE per row)."""
    now_s = iso(now)
    until = iso(now + timedelta(seconds=CLAIM_S))
    taken = []
    with store.transaction():
        due = list(
            EmailOutbox.select()
            .where(
                EmailOutbox.state == STATE_QUEUED,
                EmailOutbox.next_attempt_at <= now_s,
                (EmailOutbox.claimed_until.is_null()) | (EmailOutbox.claimed_until < now_s),
            )
            .order_by(EmailOutbox.next_attempt_at)
            .limit(BATCH)
        )
    for row in due:
        with store.transaction():
            got = (
                EmailOutbox.update(claimed_until=until)
                .where(
                    EmailOutbox.id == row.id,
                    EmailOutbox.state == STATE_QUEUED,
                    (EmailOutbox.claimed_until.is_null()) | (EmailOutbox.claimed_until < now_s),
                )
                .execute()
            )
        if got:
            taken.append(row)
    return taken


def _connect(settings: Settings) -> smtplib.SMTP:
    timeout = settings.smtp_timeout_s
    if settings.smtp_tls == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(
            settings.smtp_host,
            settings.smtp_port,
            timeout=timeout,
            context=ssl.create_default_context(),
        )
    else:
        smtp = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=timeout)
        if settings.smtp_tls == "starttls":
            smtp.starttls(context=ssl.create_default_context())
    if settings.smtp_user:
        smtp.login(settings.smtp_user, settings.smtp_password or "")
    return smtp


def _failed(row: EmailOutbox, error: str, now: datetime) -> None:
    attempts = row.attempts + 1
    state = STATE_FAILED if attempts >= MAX_ATTEMPTS else STATE_QUEUED
    with store.transaction():
        EmailOutbox.update(
            attempts=attempts,
            state=state,
            last_error=error[:500],
            claimed_until=None,
            next_attempt_at=iso(now + timedelta(seconds=retry_delay(attempts))),
        ).where(EmailOutbox.id == row.id).execute()


def deliver_due(settings: Settings, now: datetime | None = None) -> dict[str, int]:
    """Send the due e-mails once; returns counts ``sent`` and ``failed`` (this round)."""
    counts = {"sent": 0, "failed": 0}
    if not settings.smtp_host:
        return counts
    now = now or utcnow()
    rows = _claim(now)
    if not rows:
        return counts
    with store.session():
        ids = list({r.broadcast_id for r in rows})
        by_id = {b.id: b for b in Broadcast.select().where(Broadcast.id.in_(ids))}
    try:
        smtp = _connect(settings)
    except (OSError, smtplib.SMTPException) as exc:
        for row in rows:
            _failed(row, f"connect: {type(exc).__name__}", now)
        counts["failed"] = len(rows)
        log.info(
            "smtp connect failed (%s); %d e-mails wait for a retry", type(exc).__name__, len(rows)
        )
        return counts
    try:
        for row in rows:
            try:
                smtp.send_message(compose(by_id[row.broadcast_id], row.address, settings.smtp_from))
            except (OSError, smtplib.SMTPException) as exc:
                _failed(row, f"send: {type(exc).__name__}: {exc}", now)
                counts["failed"] += 1
                if isinstance(exc, smtplib.SMTPServerDisconnected | OSError):
                    smtp = _connect(settings)
                continue
            with store.transaction():
                EmailOutbox.update(
                    state=STATE_SENT,
                    sent_at=iso(utcnow()),
                    attempts=row.attempts + 1,
                    claimed_until=None,
                    last_error=None,
                ).where(EmailOutbox.id == row.id).execute()
            counts["sent"] += 1
    except (OSError, smtplib.SMTPException):
        pass  # the rows not marked keep their claim and come back after CLAIM_S
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            pass
    return counts


def status(broadcast_id: str) -> list[dict[str, Any]]:
    """The e-mail rows of one broadcast (for the broadcaster; addresses left out)."""
    with store.session():
        rows = EmailOutbox.select().where(EmailOutbox.broadcast_id == broadcast_id)
        return [
            {
                "office_code": r.office_code,
                "state": r.state,
                "attempts": r.attempts,
                "sent_at": r.sent_at,
                "last_error": r.last_error,
            }
            for r in rows.order_by(EmailOutbox.office_code)
        ]


class MailWorker:
    """A daemon thread sending due e-mails every ``interval`` seconds, or at once on wake()."""

    def __init__(self, settings: Settings, interval: float = 15.0) -> None:
        self.settings = settings
        self.interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="hai-mail", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                deliver_due(self.settings)
            except Exception:  # noqa: BLE001 - the worker must outlive any one bad round
                log.exception("mail round failed")
            self._wake.wait(self.interval)


_worker: MailWorker | None = None


def start_worker(settings: Settings) -> MailWorker | None:
    """Start this process's mail worker when SMTP is configured."""
    global _worker
    if not settings.smtp_host:
        return None
    if _worker is not None:
        _worker.stop()
    _worker = MailWorker(settings, settings.smtp_interval_s)
    _worker.start()
    return _worker


def wake() -> None:
    """A broadcast was just queued: send without waiting for the next round."""
    if _worker is not None:
        _worker.wake()
