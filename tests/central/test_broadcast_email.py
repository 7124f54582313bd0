"""The e-mail channel against a real SMTP server on loopback (aiosmtpd): queued at publish,
retried while the server is down, sent once, never blocking the publish."""

from __future__ import annotations

import socket
import time
import uuid
from datetime import timedelta
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller

from hai_central.services import broadcast_email
from hai_central.services.common import utcnow
from tests.central.conftest import _make_hub
from tests.central.test_broadcasts import info, publish


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def mail_hub(tmp_path):
    port = free_port()
    hub = _make_hub(
        tmp_path,
        None,
        "sqlite",
        smtp_host="127.0.0.1",
        smtp_port=port,
        smtp_from="hai-djpbn@kemenkeu.go.id",
        smtp_timeout_s=5.0,
        smtp_interval_s=0.2,
    )
    for code, email in (("KPPN-A", "kppn.a@kemenkeu.go.id"), ("KPPN-B", "kppn.b@kemenkeu.go.id")):
        r = hub.client.post(
            "/api/v1/admin/offices",
            headers=hub.admin,
            json={"code": code, "name": f"KPPN {code}", "kind": "KPPN", "email": email},
        )
        assert r.status_code == 201, r.text
    hub.office("KPPN-NOMAIL")
    yield hub, port
    worker = hub.app.state.hub.extra.get("mail_worker")
    if worker is not None:
        worker.stop()
    hub.client.close()


def subject(raw: bytes) -> str:
    return str(make_header(decode_header(message_from_bytes(raw)["Subject"])))


def wait_for(predicate, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def test_publish_with_smtp_down_then_retried_and_sent_once(mail_hub):
    hub, port = mail_hub
    hub.app.state.hub.extra["mail_worker"].stop()  # rounds driven by the test below
    caster = hub.user("broadcaster")
    item = info(urgency="urgent", audience={"office_kinds": ["KPPN"]}, title="Gangguan jaringan")
    out = publish(hub, caster, item)  # nothing listens on the port: the publish still succeeds
    assert broadcast_email.deliver_due(hub.settings) == {"sent": 0, "failed": 2}
    rows = hub.client.get(f"/api/v1/broadcasts/{out['id']}/email", headers=caster).json()["items"]
    assert [(r["office_code"], r["state"], r["attempts"]) for r in rows] == [
        ("KPPN-A", "queued", 1),
        ("KPPN-B", "queued", 1),
    ]
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        # Not due yet (retry delay): nothing is sent before the backoff ends.
        assert broadcast_email.deliver_due(hub.settings) == {"sent": 0, "failed": 0}
        later = utcnow() + timedelta(seconds=broadcast_email.retry_delay(1) + 1)
        assert broadcast_email.deliver_due(hub.settings, now=later) == {"sent": 2, "failed": 0}
        assert broadcast_email.deliver_due(hub.settings, now=later) == {"sent": 0, "failed": 0}
    finally:
        server.stop()
    assert sorted(rcpt[0] for rcpt, _ in inbox.messages) == [
        "kppn.a@kemenkeu.go.id",
        "kppn.b@kemenkeu.go.id",
    ]
    raw = inbox.messages[0][1]
    assert subject(raw).startswith(f"[SEGERA] [HAI-DJPBN {out['number']}]")
    text = message_from_bytes(raw).get_payload(decode=True).decode("utf-8")
    assert item["body"] in text and item["contact"]["phone"] in text
    signature = str(make_header(decode_header(message_from_bytes(raw)["X-HAI-Signature"])))
    assert "".join(signature.split()) == out["signature"]
    rows = hub.client.get(f"/api/v1/broadcasts/{out['id']}/email", headers=caster).json()["items"]
    assert {r["state"] for r in rows} == {"sent"}


def test_worker_sends_after_publish(mail_hub):
    hub, port = mail_hub
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        caster = hub.user("broadcaster")
        out = publish(hub, caster, info(audience={"office_codes": ["KPPN-A"]}))
        assert wait_for(lambda: len(inbox.messages) == 1)
    finally:
        server.stop()
    assert inbox.messages[0][0] == ["kppn.a@kemenkeu.go.id"]
    assert out["number"] in subject(inbox.messages[0][1])


def test_no_smtp_no_queue(sqlite_hub):
    hub = sqlite_hub
    caster = hub.user("broadcaster")
    out = publish(hub, caster, info(id=str(uuid.uuid4())))
    got = hub.client.get(f"/api/v1/broadcasts/{out['id']}/email", headers=caster).json()
    assert got["items"] == []
