"""Late commits never make a feed skip a row (PostgreSQL, concurrent writers).

Writers push inquiries from several threads; each write transaction sleeps after taking its
change number, before committing, so commits arrive late and interleaved. Meanwhile a reader
pulls the feed in a loop from its cursor like a desk does. When the writers are done and the
reader has caught up, the reader must have every row: with a plain sequence it would not
(rev 11 committed before rev 10 moves the cursor past 10 for good).
"""

from __future__ import annotations

import random
import threading
import time

import pytest

from hai_central.services import inquiries as inquiry_service
from hai_central.store import db as store
from tests.central.conftest import inquiry

WRITERS = 6
BATCHES_PER_WRITER = 5
ITEMS_PER_BATCH = 4


@pytest.fixture
def slow_commits(monkeypatch):
    """Every change number taken is followed by a short random pause (a late commit)."""
    original = store.next_rev

    def delayed(db=None):
        rev = original(db)
        time.sleep(random.uniform(0.0, 0.02))
        return rev

    original_block = store.next_revs

    def delayed_block(count, db=None):
        first = original_block(count, db)
        time.sleep(random.uniform(0.0, 0.02))
        return first

    monkeypatch.setattr(store, "next_rev", delayed)
    monkeypatch.setattr(store, "next_revs", delayed_block)


def test_feed_never_skips_late_commits(hub, slow_commits):
    if hub.backend != "postgres":
        pytest.skip("the late-commit race needs concurrent writers: PostgreSQL only")
    from hai_central.services.common import CurrentUser

    user = CurrentUser(
        id="u",
        email="e",
        name="n",
        role="cso",
        office_code="PUSAT",
        office_name="PUSAT",
        office_kind="PUSAT",
        token_hash="",
    )
    reader = CurrentUser(
        id="a",
        email="e",
        name="n",
        role="agent",
        office_code="PUSAT",
        office_name="PUSAT",
        office_kind="PUSAT",
        token_hash="",
    )
    written: set[str] = set()
    lock = threading.Lock()
    errors: list[BaseException] = []

    def writer():
        try:
            for _ in range(BATCHES_PER_WRITER):
                items = [inquiry("PUSAT") for _ in range(ITEMS_PER_BATCH)]
                results = inquiry_service.push(user, items)
                assert {r["status"] for r in results} == {"created"}
                with lock:
                    written.update(i["id"] for i in items)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    seen: list[str] = []
    cursor = 0
    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    for t in threads:
        t.start()
    pulls = 0
    while any(t.is_alive() for t in threads) or pulls == 0:
        page = inquiry_service.changes(reader, cursor, 7, None)
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        pulls += 1
        time.sleep(0.002)
    for t in threads:
        t.join()
    while True:  # catch up after the last commit
        page = inquiry_service.changes(reader, cursor, 500, None)
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    assert not errors, errors
    assert len(written) == WRITERS * BATCHES_PER_WRITER * ITEMS_PER_BATCH
    assert pulls > 10  # the reader really ran alongside the writers
    assert len(seen) == len(set(seen))  # nothing twice
    assert set(seen) == written  # nothing skipped
