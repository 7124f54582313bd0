"""Two threads saving at once (the GUI's db worker and the sync thread) never fail."""

from __future__ import annotations

import threading

from hai_desktop.core import inquiries, inquiries_hub, inquiries_view, outbox
from hai_desktop.core.inquiries_form import InquiryInput


def test_concurrent_writers_do_not_fail(db):
    errors: list[BaseException] = []

    def saver(n: int) -> None:
        try:
            for i in range(n):
                inquiries.save_inquiry(
                    InquiryInput(
                        channel="telepon",
                        department="PA",
                        visitor_name="Ani",
                        question=f"q {i}",
                        answer="Dijawab.",
                        outcome="answered",
                    )
                )
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            db.close()  # peewee keeps one connection per thread

    def acker(rounds: int) -> None:
        try:
            for _ in range(rounds):
                outbox.ack([r.id for r in outbox.pending(20)])
                inquiries_hub.apply_from_hub([])
        except BaseException as exc:
            errors.append(exc)
        finally:
            db.close()

    threads = [threading.Thread(target=saver, args=(40,)) for _ in range(2)]
    threads.append(threading.Thread(target=acker, args=(40,)))
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert inquiries_view.count_inquiries() == 80
