"""An idle desk syncs in one request against the real hub, and still pulls what is new."""

from __future__ import annotations

import uuid

from hai_desktop.core import inquiries, inquiries_form
from hai_desktop.core.sync.engine import SyncEngine
from tests.integration.hub_harness import API, make_desk
from tests.integration.test_tickets_sync import agent_session


def test_idle_pass_is_one_request_and_news_still_arrive(hub, tmp_path):
    account = hub.create_office_with_cso()
    paths = make_desk(tmp_path / "desk", hub.url, account)
    engine = SyncEngine(paths)
    first = engine.run_once(force=True)
    assert first.ok and first.requests > 1  # the first pass fetches the reference and feeds

    idle = engine.run_once(force=True)
    assert idle.ok and idle.requests == 1, idle.requests  # the heartbeat alone
    assert not any(idle.pulled.values())

    # A KB entry published at the centre arrives at the next pass, and only its feed is asked.
    agent = agent_session(hub)
    entry = {"id": str(uuid.uuid4()), "title": "Jam layanan", "question": "Kapan buka?",
             "answer": "Senin-Jumat 08.00-16.00.", "department": "PA"}  # fmt: skip
    assert agent.post(hub.url + API + "/kb", json=entry, timeout=30).status_code == 201
    news = engine.run_once(force=True)
    assert news.ok and news.pulled.get("kb") == 1 and news.requests == 2

    # A pass that pushes pulls every feed afterwards (its own records changed them).
    inquiries.save_inquiry(
        inquiries_form.InquiryInput(
            channel="tatap_muka",
            department="PA",
            visitor_name="Budi",
            question="Cara revisi DIPA?",
            answer="Lewat SAKTI.",
            outcome="answered",
        )  # fmt: skip
    )
    pushed = engine.run_once(force=True)
    assert pushed.ok and pushed.pushed == 1 and pushed.pulled.get("inquiries") == 1
    assert engine.run_once(force=True).requests == 1  # and idle again
