"""m0009 (issue 7, item 5): the rebuilt, smaller inquiry index finds the same rows, the
unused index is gone and the freed pages are given back (VACUUM)."""

from __future__ import annotations

from hai_desktop.core import inquiries_view
from hai_desktop.core.db import database
from hai_desktop.core.inquiries_view import InquiryFilter

ROWS = [
    ("a-1", "Andi Santoso", "012345", "0812-3456-7890", "andi@kemenkeu.go.id", "pencairan SP2D"),
    ("a-2", "Budi Wijaya", "654321", None, None, "revisi DIPA anggaran"),
    ("a-3", "Citra Lubis", None, "+62 811 222 333", "citra@example.org", "token SAKTI gagal"),
]
SEARCHES = (
    "pencairan|penc|pe|sp2d|dipa ang|santoso|sa|wij|012345|6543|0812-3456-7890|081234567890"
    "|andi@kemenkeu|citra|sakti gag|tidakada"
).split("|")


def _found() -> dict[str, list[str]]:
    return {
        text: [r.id for r in inquiries_view.list_inquiries(InquiryFilter(text=text))]
        + [str(inquiries_view.count_inquiries(InquiryFilter(text=text)))]
        for text in SEARCHES
    }


def test_m0009_finds_the_same_rows_and_shrinks(tmp_path):
    db = database.connect(tmp_path / "old.sqlite3")
    database.migrate(db, target=8)
    for n, (rid, name, satker, phone, email, question) in enumerate(ROWS):
        db.execute_sql(
            "INSERT INTO inquiry (id, created_at, updated_at, channel, department, visitor_name,"
            " satker_code, phone, email, question, answer, outcome)"
            " VALUES (?, ?, ?, 'telepon', 'PA', ?, ?, ?, ?, ?, 'dijawab', 'answered')",
            (rid, f"2026-01-0{n + 1}T00:00:00.000Z", "x", name, satker, phone, email, question),
        )
    # Pages the migration frees must not stay inside the file.
    db.execute_sql("CREATE TABLE filler (x)")
    db.execute_sql("INSERT INTO filler SELECT zeroblob(4000) FROM inquiry, inquiry, inquiry")
    before = _found()
    db.execute_sql("DROP TABLE filler")
    assert db.execute_sql("PRAGMA freelist_count").fetchone()[0] > 0
    assert database.migrate(db) == list(range(9, database.latest_version() + 1))

    assert _found() == before
    assert before["pe"] == ["a-1", "1"] and before["0812-3456-7890"][:1] == ["a-1"]
    fts_sql = db.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'inquiry_fts'")
    assert "detail=column" in fts_sql.fetchone()[0]
    indexes = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "ix_inquiry_filters" not in indexes and "ix_inquiry_created" in indexes
    assert db.execute_sql("PRAGMA freelist_count").fetchone()[0] == 0
    # The m0008 triggers still keep the rebuilt index current.
    db.execute_sql("UPDATE inquiry SET visitor_name = 'Dewi Kusuma' WHERE id = 'a-2'")
    db.execute_sql("DELETE FROM inquiry WHERE id = 'a-3'")
    assert [r.id for r in inquiries_view.list_inquiries(InquiryFilter(text="kusu"))] == ["a-2"]
    assert inquiries_view.count_inquiries(InquiryFilter(text="wijaya")) == 0
    assert inquiries_view.count_inquiries(InquiryFilter(text="citra")) == 0
    db.execute_sql("INSERT INTO inquiry_fts (inquiry_fts) VALUES ('integrity-check')")
    assert database.quick_check(db) == []
    db.close()
