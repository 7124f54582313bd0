"""Inquiries: validation (the issue's bad input), saving with the outbox, history queries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hai_desktop.core import inquiries, inquiries_form, inquiries_hub, inquiries_view, outbox
from hai_desktop.core.db.models import Inquiry, OutboxRow
from hai_desktop.core.errors import CODES, ValidationError
from hai_desktop.core.inquiries_form import InquiryInput
from hai_desktop.core.inquiries_view import InquiryFilter


def make(**overrides) -> InquiryInput:
    values = dict(
        channel="tatap_muka",
        department="PA",
        visitor_name="Siti Aminah",
        question="Bagaimana cara pencairan dana melalui SP2D?",
        answer="Ajukan SPM ke KPPN sesuai PMK 62 Tahun 2023.",
        outcome="answered",
    )
    values.update(overrides)
    return InquiryInput(**values)


def test_answer_may_be_empty_unless_answered(db):
    """Escalated or out-of-scope entries need no answer; "answered" does."""
    assert inquiries_form.validate(make(answer=None, outcome="escalated")) == {}
    out = make(answer=None, outcome="out_of_scope", out_of_scope_reason="ppid")
    assert inquiries_form.validate(out) == {}


def test_valid_input_has_no_errors(db):
    assert inquiries_form.validate(make()) == {}


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"channel": ""}, "channel", "required"),
        ({"department": "  "}, "department", "required"),
        ({"question": ""}, "question", "required"),
        ({"outcome": ""}, "outcome", "required"),
        ({"visitor_name": ""}, "visitor_name", "required"),
        ({"satker_code": "12345"}, "satker_code", "satker_invalid"),
        ({"satker_code": "1234567"}, "satker_code", "satker_invalid"),
        ({"satker_code": "12a456"}, "satker_code", "satker_invalid"),
        ({"satker_code": "١٢٣٤٥٦"}, "satker_code", "satker_invalid"),
        ({"email": "budi@"}, "email", "email_invalid"),
        ({"email": "budi kemenkeu.go.id"}, "email", "email_invalid"),
        ({"email": "a@b"}, "email", "email_invalid"),
        ({"phone": "abc"}, "phone", "phone_invalid"),
        ({"phone": "123"}, "phone", "phone_invalid"),
        ({"phone": "0812+345678"}, "phone", "phone_invalid"),
        ({"outcome": "out_of_scope"}, "out_of_scope_reason", "reason_required"),
        ({"answer": None}, "answer", "answer_required"),
        ({"answer": "  \n "}, "answer", "answer_required"),
        (
            {"outcome": "out_of_scope", "out_of_scope_reason": "whatever"},
            "out_of_scope_reason",
            "unknown_code",
        ),
        ({"channel": "fax"}, "channel", "unknown_code"),
        ({"department": "XYZ"}, "department", "unknown_code"),
        ({"application": "NOPE"}, "application", "unknown_code"),
        ({"outcome": "maybe"}, "outcome", "unknown_code"),
        ({"answer": "x" * 200_001}, "answer", "too_long"),
        ({"served_started_at": "yesterday"}, "served_started_at", "time_invalid"),
        (
            {
                "served_started_at": "2026-11-26T09:00:00Z",
                "served_ended_at": "2026-11-26T08:00:00Z",
            },
            "served_ended_at",
            "time_order",
        ),
    ],
)
def test_bad_input_gets_message_code(db, overrides, field, code):
    errors = inquiries_form.validate(make(**overrides))
    assert errors.get(field) == code
    assert code in CODES
    with pytest.raises(ValidationError) as info:
        inquiries.save_inquiry(make(**overrides))
    assert info.value.errors[field] == code
    assert Inquiry.select().count() == 0
    assert outbox.depth() == 0


@pytest.mark.parametrize(
    "overrides",
    [
        {"satker_code": "012345"},
        {"phone": "+62 812-3456-7890"},
        {"phone": "(021) 344 9230"},
        {"email": "Siti.Aminah@Example.co.id"},
        {"outcome": "out_of_scope", "out_of_scope_reason": "ppid"},
        {"application": "SPAN"},
    ],
)
def test_good_optional_values(db, overrides):
    assert inquiries_form.validate(make(**overrides)) == {}


def test_save_new_and_edit(db, profile):
    saved = inquiries.save_inquiry(make(satker_code=" 012345 "))
    assert saved.version == 1
    assert saved.office_code == "KPPN-BANDA-ACEH"
    assert saved.sync_status == "pending"
    assert saved.satker_code == "012345"
    [row] = outbox.pending()
    assert (row.record_type, row.record_id) == ("inquiry", saved.id)

    form = inquiries.to_input(inquiries.get_inquiry(saved.id))
    form.answer = "Jawaban yang diperbaiki."
    edited = inquiries.save_inquiry(form)
    assert edited.id == saved.id
    assert edited.version == 2
    assert edited.created_at == saved.created_at
    # Still one outbox row for the record, but a new row id (see core/outbox.py).
    [row2] = outbox.pending()
    assert row2.record_id == saved.id and row2.id != row.id
    assert row2.enqueued_at == row.enqueued_at


def test_long_answer_emoji_and_non_latin(db):
    answer = ("Jawaban panjang 😀 ✓ 日本語 العربية " * 4000)[:99_999] + "."
    saved = inquiries.save_inquiry(make(answer=answer, visitor_name="Ñoño 🙂 李雷"))
    stored = inquiries.get_inquiry(saved.id)
    assert stored.answer == answer
    assert stored.visitor_name == "Ñoño 🙂 李雷"
    assert inquiries_view.count_inquiries(InquiryFilter(text="العربية")) == 1
    assert inquiries_view.count_inquiries(InquiryFilter(text="日本語")) == 1


@pytest.mark.parametrize(
    "text",
    [
        '"AND OR NEAR( *',
        '"',
        "'",
        "AND",
        "NOT",
        "OR OR",
        "NEAR(",
        "*",
        "^pencairan",
        "question:x",
        "😀",
        "(((",
        'a"b"c',
        "\x00",
        'pencairan"',
        "-",
        "+",
        "SP2D-123",
    ],
)
def test_search_operators_never_error(db, text):
    inquiries.save_inquiry(make())
    inquiries_view.count_inquiries(InquiryFilter(text=text))
    inquiries_view.list_inquiries(InquiryFilter(text=text))


def test_full_text_search_question_answer_and_diacritics(db):
    inquiries.save_inquiry(make(question="Revisi DIPA di café", answer="Lihat PMK 62"))
    inquiries.save_inquiry(make(question="Pencairan dana", answer="Melalui SP2D"))
    assert inquiries_view.count_inquiries(InquiryFilter(text="cafe")) == 1
    assert inquiries_view.count_inquiries(InquiryFilter(text="sp2d")) == 1
    assert inquiries_view.count_inquiries(InquiryFilter(text="penc")) == 1  # prefix on last term
    assert inquiries_view.count_inquiries(InquiryFilter(text="revisi pmk")) == 1
    assert inquiries_view.count_inquiries(InquiryFilter(text="revisi sp2d")) == 0
    rows = inquiries_view.list_inquiries(InquiryFilter(text="dana", department="PA"))
    assert [r.question for r in rows] == ["Pencairan dana"]


def test_edit_updates_search_index(db):
    saved = inquiries.save_inquiry(make(question="kata lama"))
    form = inquiries.to_input(saved)
    form.question = "kata baru"
    inquiries.save_inquiry(form)
    assert inquiries_view.count_inquiries(InquiryFilter(text="lama")) == 0
    assert inquiries_view.count_inquiries(InquiryFilter(text="baru")) == 1
    db.execute_sql("INSERT INTO inquiry_fts(inquiry_fts) VALUES ('integrity-check')")


def _insert_many(db, n):
    rows = []
    depts = ["PA", "PKN", "SMI"]
    channels = ["tatap_muka", "telepon"]
    for i in range(n):
        rows.append(
            (
                f"id-{i:05d}",
                f"2026-01-{1 + i % 28:02d}T0{i % 10}:00:00.000Z",
                "2026-01-01",
                channels[i % 2],
                depts[i % 3],
                f"Visitor {i % 17}",
                f"q {i}",
                "answered",
            )
        )
    db.execute_sql("BEGIN")
    for r in rows:
        db.execute_sql(
            "INSERT INTO inquiry (id, created_at, updated_at, channel, department, visitor_name,"
            " question, outcome) VALUES (?,?,?,?,?,?,?,?)",
            r,
        )
    db.execute_sql("COMMIT")


@pytest.mark.parametrize("sort", list(inquiries_view.SORT_COLUMNS))
@pytest.mark.parametrize("descending", [True, False])
def test_keyset_paging_equals_offset_paging(db, sort, descending):
    _insert_many(db, 230)
    f = InquiryFilter(department="PA")
    total = inquiries_view.count_inquiries(f)
    assert total == 77
    by_offset = [
        r.id
        for o in range(0, total, 20)
        for r in inquiries_view.list_inquiries(f, sort, descending, offset=o, limit=20)
    ]
    by_key, after = [], None
    for _ in range(100):
        page = inquiries_view.list_inquiries(f, sort, descending, limit=20, after=after)
        if not page:
            break
        by_key += [r.id for r in page]
        after = page[-1]
    assert len(set(by_offset)) == total
    assert by_key == by_offset


def test_date_filter_is_local_days(db):
    saved = inquiries.save_inquiry(make())
    today = date.today()
    assert inquiries_view.count_inquiries(InquiryFilter(date_from=today, date_to=today)) == 1
    tomorrow = today + timedelta(days=1)
    assert inquiries_view.count_inquiries(InquiryFilter(date_from=tomorrow)) == 0
    assert inquiries_view.count_inquiries(InquiryFilter(date_to=today - timedelta(days=1))) == 0
    assert inquiries_view.list_inquiries(InquiryFilter(date_from=today))[0].id == saved.id


def test_duplicate_input(db):
    saved = inquiries.save_inquiry(make(phone="0812345678", satker_code="123456"))
    dup = inquiries.duplicate_input(saved.id)
    assert dup.id is None
    assert (dup.visitor_name, dup.channel, dup.phone, dup.satker_code) == (
        "Siti Aminah",
        "tatap_muka",
        "0812345678",
        "123456",
    )
    assert dup.question == "" and dup.answer == ""


def test_to_wire_shape(db, profile):
    saved = inquiries.save_inquiry(make(email="a@b.go.id", basis_regulations=["PMK 62/2023"]))
    wire = inquiries_hub.to_wire(inquiries.get_inquiry(saved.id))
    assert wire["visitor"] == {"name": "Siti Aminah", "email": "a@b.go.id"}
    assert wire["basis"] == {"regulations": ["PMK 62/2023"], "kb_entry_ids": []}
    assert wire["version"] == 1 and wire["outcome"] == "answered"
    assert wire["office_code"] == "KPPN-BANDA-ACEH"
    assert wire["created_at"].endswith("Z")


def test_apply_from_hub_keeps_local_pending_edit(db, profile):
    saved = inquiries.save_inquiry(make())
    wire = inquiries_hub.to_wire(inquiries.get_inquiry(saved.id))
    # The hub echoes version 1 while the desk has an unsent edit at version 2.
    form = inquiries.to_input(saved)
    form.answer = "lokal"
    inquiries.save_inquiry(form)
    inquiries_hub.apply_from_hub([{**wire, "rev": 7, "review_status": "pending"}])
    local = inquiries.get_inquiry(saved.id)
    assert (local.answer, local.version, local.hub_rev) == ("lokal", 2, 7)
    assert outbox.depth() == 1
    # A newer version with other content from the hub (another desk's edit) no longer
    # overwrites the unsent edit (issue 7.6): both are kept, the record is in conflict.
    from hai_desktop.core import conflicts

    inquiries_hub.apply_from_hub([{**wire, "version": 5, "answer": "hub", "rev": 9}])
    local = inquiries.get_inquiry(saved.id)
    assert (local.answer, local.version) == ("lokal", 2)
    assert conflicts.is_conflict(local.sync_status, local.sync_error)
    assert conflicts.get_inquiry_conflict(saved.id).hub["answer"] == "hub"
    assert outbox.depth() == 0
    # Taking the hub's then holds exactly what the hub holds.
    assert conflicts.resolve(saved.id, conflicts.HUB) == "hub"
    local = inquiries.get_inquiry(saved.id)
    assert (local.answer, local.version, local.sync_status) == ("hub", 5, "synced")
    # A newer hub version with the same content as the unsent edit simply wins.
    form = inquiries.to_input(local)
    form.answer = "sama"
    inquiries.save_inquiry(form)
    newer = {**inquiries_hub.to_wire(inquiries.get_inquiry(saved.id)), "version": 8, "rev": 11}
    inquiries_hub.apply_from_hub([newer])
    local = inquiries.get_inquiry(saved.id)
    assert (local.answer, local.version, local.sync_status) == ("sama", 8, "synced")
    assert outbox.depth() == 0
    # An unknown inquiry is inserted as origin 'hub' and is searchable.
    new = {**wire, "id": "7d1b7e0e-0000-4000-8000-000000000001", "question": "dari kantor"}
    inquiries_hub.apply_from_hub([new])
    assert inquiries.get_inquiry(new["id"]).origin == "hub"
    assert inquiries_view.count_inquiries(InquiryFilter(text="kantor")) == 1


def test_apply_from_hub_never_rolls_back_a_newer_synced_row(db, profile):
    saved = inquiries.save_inquiry(make())
    wire = inquiries_hub.to_wire(inquiries.get_inquiry(saved.id))
    # Sent and acknowledged (an unsent edit would make the hub's other content a conflict).
    from hai_desktop.core.db.models import Inquiry

    Inquiry.update(sync_status="synced").where(Inquiry.id == saved.id).execute()
    outbox.drop("inquiry", saved.id)
    # The hub's version 3 arrives and is applied (synced), then a stale version 2 item.
    inquiries_hub.apply_from_hub([{**wire, "version": 3, "answer": "v3", "rev": 10}])
    assert inquiries.get_inquiry(saved.id).sync_status == "synced"
    changed = inquiries_hub.apply_from_hub([{**wire, "version": 2, "answer": "v2", "rev": 11}])
    local = inquiries.get_inquiry(saved.id)
    assert changed == 0
    assert (local.answer, local.version, local.sync_status) == ("v3", 3, "synced")


def test_outbox_ack_reject_and_status(db):
    a = inquiries.save_inquiry(make())
    b = inquiries.save_inquiry(make())
    rows = outbox.pending()
    assert outbox.oldest_unsent_at() is not None
    outbox.record_failure([r.id for r in rows], "offline")
    assert {r.attempts for r in outbox.pending()} == {1}
    outbox.mark_rejected(rows[1].id, "kode tidak dikenal")
    assert [r.record_id for r in outbox.pending()] == [a.id]
    assert inquiries.get_inquiry(b.id).sync_status == "rejected"
    # An edit while the old state is on the wire: the stale ack removes nothing.
    inquiries.save_inquiry(inquiries.to_input(inquiries.get_inquiry(a.id)))
    assert outbox.ack([rows[0].id]) == 0
    assert inquiries.get_inquiry(a.id).sync_status == "pending"
    assert outbox.ack([r.id for r in outbox.pending()]) == 1
    assert inquiries.get_inquiry(a.id).sync_status == "synced"
    assert outbox.depth() == 1 and OutboxRow.get().state == "rejected"
    # Fixing the rejected record queues it again.
    inquiries.save_inquiry(inquiries.to_input(inquiries.get_inquiry(b.id)))
    assert [r.record_id for r in outbox.pending()] == [b.id]


def test_seq_follows_created_at(db):
    early = "2025-03-01T10:00:00.000Z"
    assert inquiries.seq_base(early) < inquiries.seq_base("2025-03-01T10:00:00.001Z")
    a = inquiries.next_seq(early)
    db.execute_sql(
        "INSERT INTO inquiry (seq, id, created_at, updated_at, channel, department, outcome)"
        " VALUES (?, 'x', ?, ?, 'telepon', 'PA', 'answered')",
        (a, early, early),
    )
    assert inquiries.next_seq(early) == a + 1


def test_text_search_pages_newest_first(db):
    # Rows pulled from the hub arrive late with old created_at: order is still by time.
    saved = [inquiries.save_inquiry(make(question=f"dana nomor {i}")) for i in range(5)]
    wire = inquiries_hub.to_wire(inquiries.get_inquiry(saved[0].id))
    old = [
        {
            **wire,
            "id": f"00000000-0000-4000-8000-00000000000{i}",
            "question": f"dana lama {i}",
            "created_at": f"2024-01-0{i + 1}T12:00:00Z",
        }
        for i in range(4)
    ]
    inquiries_hub.apply_from_hub(old)
    f = InquiryFilter(text="dana")
    expected = [r.id for r in inquiries_view.list_inquiries(InquiryFilter(), limit=100)]
    assert [r.id for r in inquiries_view.list_inquiries(f, limit=100)] == expected
    got, after = [], None
    for _ in range(10):
        page = inquiries_view.list_inquiries(f, limit=2, after=after)
        if not page:
            break
        got += [r.id for r in page]
        after = page[-1]
    assert got == expected
    asc = [r.id for r in inquiries_view.list_inquiries(f, descending=False, limit=100)]
    assert asc == expected[::-1]
    assert inquiries_view.count_inquiries(f) == 9
    f2 = InquiryFilter(text="dana", date_from=date(2024, 1, 2), date_to=date(2024, 1, 3))
    assert inquiries_view.count_inquiries(f2) == 2
    assert [r.question for r in inquiries_view.list_inquiries(f2)] == ["dana lama 2", "dana lama 1"]
    by_name = inquiries_view.list_inquiries(f, sort="visitor_name", limit=100)
    assert len(by_name) == 9


def test_history_search_finds_the_visitor_by_name_satker_phone_and_email(db):
    """Issue 12: "Hendra" and "427691" found nothing; the visitor's fields are searched."""
    from hai_desktop.core.inquiries import save_inquiry
    from hai_desktop.core.inquiries_form import InquiryInput
    from hai_desktop.core.inquiries_view import InquiryFilter, count_inquiries
    from hai_desktop.core.inquiries_view import list_inquiries as rows_of

    save_inquiry(
        InquiryInput(
            channel="tatap_muka",
            department="PKN",
            visitor_name="Hendra Wijaya",
            satker_code="427691",
            phone="0812-3456 7890",
            email="hendra.w@gmail.com",
            question="Status SP2D belum terbit",
            answer="Cek di OM-SPAN.",
            outcome="answered",
        )
    )
    for text in (
        "Hendra",
        "hendra wij",
        "427691",
        "4276",
        "081234567890",
        "0812 3456",
        "hendra.w@gmail.com",
        "SP2D",
    ):
        f = InquiryFilter(text=text)
        assert count_inquiries(f) == 1, text
        assert [r.visitor_name for r in rows_of(f)] == ["Hendra Wijaya"], text
    assert count_inquiries(InquiryFilter(text="Budi")) == 0


def test_an_inquiry_from_a_desk_with_a_far_future_clock_is_stored_and_sorts_last(db, profile):
    """The hub accepts years up to 9998; a record made at 2300 or 9998 by a desk with a wrong
    clock must not stop this desk's pull (its seq used to leave SQLite's 64-bit integer)."""
    import uuid

    saved = inquiries.save_inquiry(make())
    wire = inquiries_hub.to_wire(inquiries.get_inquiry(saved.id))
    far = []
    for n, when in enumerate(("2300-01-01T00:00:00Z", "9998-12-31T23:59:59Z")):
        item = {**wire, "id": str(uuid.uuid4()), "rev": 10 + n, "created_at": when,
                "updated_at": when}  # fmt: skip
        inquiries_hub.apply_from_hub([item])
        far.append(item["id"])
    rows = inquiries_view.list_inquiries(None, "created_at", True, limit=10)
    assert [r.id for r in rows] == [far[1], far[0], saved.id]  # newest first
    assert inquiries.next_seq("9998-12-31T23:59:59Z") < 2**63
