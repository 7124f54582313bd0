"""m0010 (issue 7, item 5): time-ordered seq for every row, one-column sort indexes and a
3-letter prefix index only. Migrating an m0009 database keeps every row, search still
finds prefix matches (2 and 3 letters too), and every history query walks an index."""

from __future__ import annotations

from datetime import date

from hai_desktop.core import inquiries, inquiries_view
from hai_desktop.core.db import database
from hai_desktop.core.db.migrations import m0010_narrow_indexes as m0010
from hai_desktop.core.inquiries_view import InquiryFilter

NAMES = ["Andi Santoso", "Budi Wijaya", "Citra Lubis", "Dewi Kusuma", "Eko Prasetyo"]
TEXTS = [
    "pencairan dana SP2D",
    "revisi DIPA anggaran",
    "token SAKTI gagal",
    "rekonsiliasi belanja pegawai",
    "sertifikat elektronik",
]
DEPARTMENTS = ["PA", "PKN", "SMI"]
CHANNELS = ["telepon", "tatap_muka"]
SEARCHES = "pe|pen|penc|sa|sak|sakti gag|re|rek|dipa ang|se|wij|01|0100|kusu|tidakada".split("|")


def _rows(n: int) -> list[tuple]:
    out = []
    for i in range(n):
        # created_at is not in insertion order: the stray rows below get seq 1, 2, 3 ...
        at = f"2026-0{1 + i % 3}-{1 + (i * 7) % 28:02d}T{i % 24:02d}:{i % 60:02d}:00.{i:03d}Z"
        out.append(
            (
                f"id-{i:03d}",
                at,
                CHANNELS[i % 2],
                DEPARTMENTS[i % 3],
                NAMES[i % 5],
                f"01{i:04d}" if i % 4 else None,
                f"{TEXTS[i % 5]} nomor {i}",
                "jawaban" if i % 2 else "",
                ["answered", "escalated"][i % 2],
                ["pending", "synced"][i % 3 == 0],
            )
        )
    return out


def _insert(db, rows: list[tuple], stray: bool) -> None:
    for r in rows:
        seq = None if stray else inquiries.next_seq(r[1])
        db.execute_sql(
            "INSERT INTO inquiry (seq, id, created_at, updated_at, channel, department,"
            " visitor_name, satker_code, question, answer, outcome, sync_status)"
            " VALUES (?, ?, ?, 'x', ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, *r[:2], *r[2:]),
        )


def _table(db) -> list[tuple]:
    cols = "id, created_at, channel, department, visitor_name, satker_code, question, answer"
    return db.execute_sql(
        f"SELECT {cols}, outcome, sync_status FROM inquiry ORDER BY id"
    ).fetchall()


def _found() -> dict[str, tuple[set[str], int]]:
    return {
        text: (
            {r.id for r in inquiries_view.list_inquiries(InquiryFilter(text=text), limit=1000)},
            inquiries_view.count_inquiries(InquiryFilter(text=text)),
        )
        for text in SEARCHES
    }


def test_m0010_keeps_every_row_and_search_finds_prefixes(tmp_path):
    db = database.connect(tmp_path / "old.sqlite3")
    database.migrate(db, target=9)
    rows = _rows(120)
    _insert(db, rows[:40], stray=True)  # written before seq followed created_at
    _insert(db, rows[40:], stray=False)
    table = _table(db)
    before = _found()
    assert before["pe"][1] > 0 and before["sa"][1] > 0 and before["01"][1] > 0

    assert database.migrate(db) == list(range(10, database.latest_version() + 1))

    assert _table(db) == table  # every row, every value
    assert _found() == before
    assert before["pe"][0] >= {r[0] for r in rows if "pencairan" in r[6] or "pegawai" in r[6]}
    # seq now follows created_at for every row: time order is seq order.
    by_seq = [r[0] for r in db.execute_sql("SELECT created_at FROM inquiry ORDER BY seq")]
    assert by_seq == sorted(by_seq)
    newest = inquiries_view.list_inquiries(InquiryFilter(), limit=1000)
    assert [r.created_at for r in newest] == sorted(by_seq, reverse=True)
    fts = db.execute_sql("SELECT sql FROM sqlite_master WHERE name = 'inquiry_fts'").fetchone()[0]
    assert "prefix='3'" in fts and "detail=column" in fts
    for name, expr in m0010.SORT_INDEXES.items():
        sql = db.execute_sql("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        assert sql[0].endswith(f"({expr})"), sql
    assert db.execute_sql("PRAGMA freelist_count").fetchone()[0] == 0
    # The m0008 triggers still keep the rebuilt index current.
    db.execute_sql("UPDATE inquiry SET visitor_name = 'Fajar Nugroho' WHERE id = 'id-001'")
    assert [r.id for r in inquiries_view.list_inquiries(InquiryFilter(text="nu"))] == ["id-001"]
    db.execute_sql("INSERT INTO inquiry_fts (inquiry_fts) VALUES ('integrity-check')")
    assert database.quick_check(db) == []
    db.close()


def test_every_history_query_walks_an_index(db, monkeypatch):
    """EXPLAIN QUERY PLAN of what the history view runs: a page sorted by any column walks
    that column's index (or the table, by time) and never sorts; every index kept is used."""
    _insert(db, _rows(60), stray=False)
    seen: list[tuple[str, list]] = []
    real = db.execute_sql

    def record(sql, params=None, *args, **kwargs):
        seen.append((sql, list(params or [])))
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(db, "execute_sql", record)

    def plans(call) -> list[str]:
        seen.clear()
        call()
        return [
            " | ".join(r[3] for r in real(f"EXPLAIN QUERY PLAN {sql}", params))
            for sql, params in list(seen)
        ]

    index_of = {"created_at": "USING INTEGER PRIMARY KEY"} | {
        sort: f"INDEX {name}"
        for name, expr in m0010.SORT_INDEXES.items()
        for sort in [expr.split()[0].removeprefix("COALESCE(").rstrip(",")]
    }
    index_of["visitor_name"] = "INDEX ix_inquiry_visitor"
    used: set[str] = set()
    for sort in inquiries_view.SORT_COLUMNS:
        for descending in (True, False):
            first = inquiries_view.list_inquiries(None, sort, descending, limit=5)
            for after in (None, first[-1]):
                for plan in plans(
                    lambda a=after, d=descending, s=sort: inquiries_view.list_inquiries(
                        None, s, d, limit=5, after=a
                    )
                ):
                    assert "TEMP B-TREE" not in plan, (sort, plan)
                    if sort == "created_at":
                        assert plan.startswith("SCAN i") or "PRIMARY KEY" in plan, plan
                    else:
                        assert index_of[sort] in plan, (sort, plan)
                    used.add(plan)
    filters = {
        "ix_inquiry_department": InquiryFilter(department="PA"),
        "ix_inquiry_channel": InquiryFilter(channel="telepon"),
        "ix_inquiry_sync_status": InquiryFilter(sync_status="pending"),
        "ix_inquiry_outcome": InquiryFilter(outcome="escalated"),
    }
    for name, f in filters.items():
        for plan in plans(
            lambda f=f: (inquiries_view.list_inquiries(f), inquiries_view.count_inquiries(f))
        ):
            assert name in plan and "TEMP B-TREE" not in plan, plan
    days = InquiryFilter(date_from=date(2026, 2, 1), date_to=date(2026, 2, 28))
    page, count = plans(
        lambda: (inquiries_view.list_inquiries(days), inquiries_view.count_inquiries(days))
    )
    assert "PRIMARY KEY (rowid>? AND rowid<?)" in page and "TEMP B-TREE" not in page, page
    assert "COVERING INDEX ix_inquiry_created" in count, count
    monkeypatch.undo()
    assert {n for n in m0010.SORT_INDEXES if any(n + " " in p + " " for p in used)} == set(
        m0010.SORT_INDEXES
    )


def test_m0010_moves_a_far_future_row_into_the_last_slot(tmp_path):
    """An old version stored a row dated 9998 (a desk clock far ahead) with a small seq: the
    renumbering must not leave SQLite's 64-bit integer."""
    db = database.connect(tmp_path / "old.sqlite3")
    database.migrate(db, target=9)
    far = ("id-far", "9998-12-31T23:59:59.000Z", *_rows(1)[0][2:])
    _insert(db, [far, *_rows(3)], stray=True)
    database.migrate(db)
    newest = inquiries_view.list_inquiries(InquiryFilter(), limit=10)
    assert newest[0].id == "id-far" and len(newest) == 4
    assert database.quick_check(db) == []
    db.close()
