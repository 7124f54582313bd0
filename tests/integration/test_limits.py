"""Desk and hub accept the same inquiries: the limits match, and a 100,000-character answer
saved at the desk reaches the real hub intact (a record the hub refused would stay rejected
at the desk forever)."""

from __future__ import annotations

import uuid

from annotated_types import MaxLen

from hai_central.schemas.inquiries import INQUIRY_TEXT_MAX
from hai_central.wire import InquiryIn
from hai_contract.inquiry import INQUIRY
from hai_desktop.core import inquiries, inquiries_form, outbox
from hai_desktop.core.sync.client import HubClient
from hai_desktop.core.sync.engine import SyncEngine
from tests.integration.hub_harness import make_desk


def _max_len(model: type, field: str) -> int:
    return next(m.max_length for m in model.model_fields[field].metadata if isinstance(m, MaxLen))


def test_hub_text_limits_equal_desk_limits():
    # The hub's model is built from the contract's shape (hai_central/wire.py): one list.
    assert INQUIRY_TEXT_MAX == inquiries_form.MAX_TEXT
    assert _max_len(InquiryIn, "question") == inquiries_form.MAX_TEXT
    assert _max_len(InquiryIn, "answer") == inquiries_form.MAX_TEXT
    visitor = InquiryIn.model_fields["visitor"].annotation
    assert _max_len(visitor, "name") == INQUIRY.field("visitor.name").max_length
    assert _max_len(visitor, "name") >= inquiries_form.MAX_NAME
    assert _max_len(visitor, "institution") >= inquiries_form.MAX_INSTITUTION


def test_100k_answer_reaches_the_hub_intact(hub, tmp_path):
    account = hub.create_office_with_cso()
    paths = make_desk(tmp_path / "desk", hub.url, account)
    # Non-ASCII and line breaks too: the text must survive JSON and UTF-8 both ways.
    unit = "Ajukan revisi DIPA melalui SAKTI — langkah berikut.\n"
    answer = (unit * (100_000 // len(unit) + 1))[:100_000]
    question = ("Bagaimana revisi DIPA? " * 2000).strip()
    saved = inquiries.save_inquiry(
        inquiries_form.InquiryInput(
            channel="tatap_muka",
            department="PA",
            visitor_name="Pengunjung Uji",
            question=question,
            answer=answer,
            outcome="answered",
        )
    )
    report = SyncEngine(paths).run_once(force=True)
    assert report.ok and not report.rejected, report
    assert outbox.depth() == 0
    assert inquiries.get_inquiry(saved.id).sync_status == "synced"

    with HubClient(hub.url, timeout=30) as client:
        client.token(account.email, account.password, str(uuid.uuid4()), "uji-pemeriksa")
        items = client.inquiries_changes(0)["items"]
    [item] = [i for i in items if i["id"] == saved.id]
    assert len(item["answer"]) == 100_000 and item["answer"] == answer
    assert item["question"] == question
