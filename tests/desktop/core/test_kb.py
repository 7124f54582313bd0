"""The local knowledge base: storing feed pages, stemmed search, outdated mark, feedback."""

from __future__ import annotations

import uuid
from datetime import date

import pytest

from hai_desktop.core import kb, kb_feedback, kb_search, stemming
from hai_desktop.core.db.database import open_database


@pytest.fixture()
def db(tmp_path):
    database = open_database(tmp_path / "desk.sqlite3")
    yield database
    database.close()


def entry(title: str, question: str, answer: str, rev: int = 1, **extra) -> dict:
    item = {
        "id": str(uuid.uuid4()),
        "rev": rev,
        "title": title,
        "question": question,
        "answer": answer,
        "department": "PKN",
        "application": "SAKTI",
        "regulations": ["PMK 62 Tahun 2023 pasal 5"],
        "tags": ["sp2d"],
        "source_inquiry_ids": [],
        "valid_until": None,
        "updated_at": "2026-11-01T08:00:00Z",
        "deleted": False,
    }
    item.update(extra)
    return item


@pytest.fixture()
def sample(db):
    items = [
        entry(
            "Pencairan dana melalui SP2D",
            "Bagaimana proses pencairan dana untuk belanja satker?",
            "Dana dicairkan oleh KPPN setelah SPM diuji dan SP2D diterbitkan.",
        ),
        entry(
            "Revisi DIPA di SAKTI",
            "Bagaimana mengajukan revisi DIPA?",
            "Revisi diajukan melalui modul penganggaran aplikasi SAKTI.",
            department="PA",
        ),
        entry(
            "Tunjangan kinerja pegawai",
            "Kapan tunjangan kinerja dibayarkan?",
            "Tunjangan kinerja dibayarkan setiap bulan setelah SPM diajukan.",
            application="GPP",
        ),
    ]
    kb.apply_kb_changes(items)
    return items


def test_stemming_makes_pencairan_dicairkan_cair_meet():
    assert stemming.stem_word("pencairan") == "cair"
    assert stemming.stem_word("dicairkan") == "cair"
    assert stemming.stem_word("cair") == "cair"
    # Codes and numbers stay as they are.
    assert stemming.stem_text("SP2D 2023") == "sp2d 2023"


@pytest.mark.parametrize("text", ["pencairan", "dicairkan", "cair", "mencairkan ", "Pencairan"])
def test_search_finds_every_form_of_a_word(sample, text):
    hits = kb_search.search(text)
    assert hits and hits[0].title == "Pencairan dana melalui SP2D"


def test_search_as_you_type_matches_a_partial_last_word(sample):
    assert kb_search.search("tunjan")[0].title == "Tunjangan kinerja pegawai"
    assert kb_search.search("revisi DI")[0].title == "Revisi DIPA di SAKTI"
    # A half-typed derived word: "pencai" → the root "cai…" after the prefix.
    assert kb_search.search("pencai")[0].title == "Pencairan dana melalui SP2D"


def test_title_is_weighted_up(db):
    in_title = entry("Retur SP2D", "Apa yang dilakukan?", "Lihat ketentuan.")
    in_answer = entry("Hal lain", "Apa yang dilakukan?", "Kadang terjadi retur pada transfer.")
    kb.apply_kb_changes([in_answer, in_title])
    assert [h.id for h in kb_search.search("retur")] == [in_title["id"], in_answer["id"]]


@pytest.mark.parametrize(
    "text",
    [
        '"AND OR NEAR( *',
        "NOT",
        "a OR b",
        'x"y',
        "col:val",
        "^start",
        "(((",
        "*",
        "-",
        "NEAR(a b, 3)",
        "'",
        "",
        "   ",
        "🙂",
        "dana AND",
    ],
)
def test_operator_strings_and_quotes_never_error(sample, text):
    assert isinstance(kb_search.search(text), list)


def test_long_question_falls_back_to_any_word(sample):
    hits = kb_search.search("Bapak, bagaimana cara mencairkan dana belanja barang tahun ini?")
    assert hits[0].title == "Pencairan dana melalui SP2D"


def test_filters_by_department_and_application(sample):
    assert {h.title for h in kb_search.search("spm", department="PKN")} == {
        "Pencairan dana melalui SP2D",
        "Tunjangan kinerja pegawai",
    }
    assert [h.title for h in kb_search.search("spm", application="GPP")] == [
        "Tunjangan kinerja pegawai"
    ]
    assert kb_search.search("revisi", department="PKN") == []
    assert [h.title for h in kb_search.browse(department="PA")] == ["Revisi DIPA di SAKTI"]


def test_apply_upserts_and_ignores_older_revisions(db, sample):
    first = dict(sample[0], rev=5, title="Pencairan dana (diperbarui)", answer="Jawaban baru.")
    assert kb.apply_kb_changes([first]) == 1
    stored = kb.get_entry(first["id"])
    assert stored.title == "Pencairan dana (diperbarui)" and stored.rev == 5
    # The index follows the new text: the old answer's words no longer find it by answer.
    assert [h.id for h in kb_search.search("jawaban baru")] == [first["id"]]
    assert first["id"] not in {h.id for h in kb_search.search("diterbitkan")}
    # Replaying an older revision changes nothing.
    stale = dict(sample[0], rev=2, title="Lama")
    assert kb.apply_kb_changes([stale]) == 0
    assert kb.get_entry(first["id"]).title == "Pencairan dana (diperbarui)"
    assert kb.count_entries() == 3


def test_apply_tombstone_removes_from_search_but_keeps_the_row(db, sample):
    tomb = dict(sample[1], rev=9, deleted=True)
    kb.apply_kb_changes([tomb])
    assert kb_search.search("revisi") == []
    assert kb.get_entry(tomb["id"]).deleted is True
    assert kb.count_entries() == 2
    assert all(h.id != tomb["id"] for h in kb_search.browse())
    # A page that carries the same id twice keeps the newest state.
    again = dict(sample[1], rev=10, deleted=False, title="Revisi DIPA kembali")
    kb.apply_kb_changes([dict(again, rev=8, title="x"), again])
    assert kb_search.search("revisi")[0].title == "Revisi DIPA kembali"


def test_apply_joins_the_callers_transaction(db, sample):
    new = entry("Rekening pengeluaran", "Buka rekening?", "Ajukan ke KPPN.")
    with pytest.raises(RuntimeError), db.atomic():
        kb.apply_kb_changes([new])
        raise RuntimeError("cursor update failed")
    assert kb.get_entry(new["id"]) is None
    assert kb_search.search("rekening") == []


def test_is_possibly_outdated_past_valid_until(sample):
    item = entry("Lama", "q", "a", valid_until="2025-12-31")
    assert kb.is_possibly_outdated(item, date(2026, 1, 1))
    assert not kb.is_possibly_outdated(item, date(2025, 12, 31))
    assert not kb.is_possibly_outdated(entry("Tanpa batas", "q", "a"), date(2030, 1, 1))
    kb.apply_kb_changes([dict(item, valid_until="2025-12-31T00:00:00Z")])
    assert kb.is_possibly_outdated(kb.get_entry(item["id"]), date(2026, 6, 1))
    assert kb.is_possibly_outdated(kb_search.search("lama")[0], date(2026, 6, 1))


def test_feedback_writes_row_and_outbox_atomically(db, sample):
    from hai_desktop.core import outbox

    entry_id = sample[0]["id"]
    feedback_id = kb_feedback.record_feedback(
        entry_id, helpful=False, note="  Tidak sesuai PMK baru "
    )
    rows = outbox.pending(record_type=kb_feedback.FEEDBACK_RECORD_TYPE)
    assert [r.record_id for r in rows] == [feedback_id]
    stored = kb_feedback.get_feedback(feedback_id)
    assert stored.kb_entry_id == entry_id and stored.helpful is False
    assert kb_feedback.wire_feedback(stored) == {
        "id": feedback_id,
        "helpful": False,
        "note": "Tidak sesuai PMK baru",
    }
    assert kb_feedback.wire_feedback(feedback_id)["id"] == feedback_id
    assert kb_feedback.feedback_path(stored) == f"/api/v1/kb/{entry_id}/feedback"


def test_feedback_is_not_stored_when_the_outbox_write_fails(db, sample, monkeypatch):
    from hai_desktop.core import outbox

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(outbox, "enqueue", broken)
    with pytest.raises(RuntimeError):
        kb_feedback.record_feedback(sample[0]["id"], helpful=True)
    assert kb_feedback.feedback_for(sample[0]["id"]) == []


def test_facet_values(sample):
    assert kb.facet_values() == {"departments": ["PA", "PKN"], "applications": ["GPP", "SAKTI"]}


def test_bare_tombstone_keeps_the_text_for_logged_inquiries(db, sample):
    kb.apply_kb_changes([{"id": sample[2]["id"], "rev": 7, "deleted": True}])
    stored = kb.get_entry(sample[2]["id"])
    assert stored.deleted and stored.title == "Tunjangan kinerja pegawai" and stored.rev == 7
    assert kb_search.search("tunjangan") == []


def test_one_letter_last_word_gets_no_prefix_match(sample):
    # "revisi d" searches "revisi" until the next letter comes (a one-letter prefix would
    # walk the whole index).
    assert kb_search.build_query("revisi d").all_terms == '"revisi"'
    assert kb_search.search("revisi d")[0].title == "Revisi DIPA di SAKTI"
    assert kb_search.build_query("d").all_terms == '"d"'
    assert kb_search.build_query("revisi dip").all_terms.endswith('("dip"*)')
    # Alone, two letters are a word ("UP"), not a prefix; with other words, a prefix.
    assert kb_search.build_query("up").all_terms == '"up"'
    assert kb_search.build_query("revisi pe").all_terms.endswith('("pe"*)')


def test_outdated_entries_rank_below_valid_ones(db):
    """UX finding 1: an entry past valid_until never comes before a current one."""
    old = entry(
        "Batas akhir pengajuan SPM-UP/TUP TA 2025",
        "Kapan batas pengajuan SPM akhir tahun?",
        "Batas pengajuan SPM akhir tahun 2025 adalah 15 Desember.",
        valid_until="2025-12-31",
    )
    current = entry(
        "Pengajuan SPM akhir tahun anggaran",
        "Sampai kapan SPM dapat diajukan?",
        "Batas pengajuan SPM mengikuti peraturan langkah akhir tahun yang berlaku.",
    )
    kb.apply_kb_changes([old, current])
    hits = kb_search.search("Kapan batas pengajuan SPM akhir tahun?")
    assert [h.id for h in hits] == [current["id"], old["id"]]
    # A full list: a valid entry just below the cut moves up past the outdated one.
    assert [h.id for h in kb_search.search("batas pengajuan spm", limit=1)] == [current["id"]]


def test_an_outdated_entry_found_by_its_title_stays_above_loose_matches(db):
    old = entry(
        "Penyesuaian jam layanan KPPN selama Ramadan 2025",
        "Bagaimana jam layanan saat Ramadan?",
        "Jam layanan disesuaikan.",
        valid_until="2025-04-30",
    )
    loose = [
        entry(f"Layanan lain {i}", "Apa saja layanan KPPN?", "Lihat maklumat.") for i in range(8)
    ]
    kb.apply_kb_changes([old, *loose])
    hits = kb_search.search("Penyesuaian jam layanan KPPN selama Ramadan 2025", limit=5)
    assert hits[0].id == old["id"]
