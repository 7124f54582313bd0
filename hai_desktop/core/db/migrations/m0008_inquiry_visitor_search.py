"""History search finds the visitor (issue 12): the inquiry full-text index also covers the
visitor's name, satker code, phone and e-mail.

``inquiry_fts`` is rebuilt with seven columns. ``phone`` holds the number as typed and, after
it, its digits alone, so "0812 3456 7890", "0812-3456-7890" and "081234567890" all find it.
The triggers write exactly the values they later delete (external content).
"""

from __future__ import annotations

import peewee


def _digits(expr: str) -> str:
    """SQL: ``expr`` without the separators a phone number is written with."""
    for ch in (" ", "-", ".", "(", ")", "/", "+"):
        expr = f"replace({expr}, '{ch}', '')"
    return expr


def _values(row: str) -> str:
    phone = f"COALESCE({row}.phone, '')"
    return (
        f"{row}.seq, {row}.question, COALESCE({row}.answer, ''),"
        f" COALESCE({row}.institution, ''), {row}.visitor_name,"
        f" COALESCE({row}.satker_code, ''), {phone} || ' ' || {_digits(phone)},"
        f" COALESCE({row}.email, '')"
    )


COLUMNS = "question, answer, institution, visitor_name, satker_code, phone, email"

STATEMENTS = [
    "DROP TRIGGER IF EXISTS inquiry_fts_ai",
    "DROP TRIGGER IF EXISTS inquiry_fts_ad",
    "DROP TRIGGER IF EXISTS inquiry_fts_au",
    "DROP TABLE IF EXISTS inquiry_fts",
    f"""
    CREATE VIRTUAL TABLE inquiry_fts USING fts5(
        {COLUMNS},
        content='inquiry', content_rowid='seq',
        tokenize='unicode61 remove_diacritics 2',
        prefix='2 3'
    )
    """,
    f"INSERT INTO inquiry_fts (rowid, {COLUMNS}) SELECT {_values('i')} FROM inquiry AS i",
    f"""
    CREATE TRIGGER inquiry_fts_ai AFTER INSERT ON inquiry BEGIN
        INSERT INTO inquiry_fts (rowid, {COLUMNS}) VALUES ({_values("new")});
    END
    """,
    f"""
    CREATE TRIGGER inquiry_fts_ad AFTER DELETE ON inquiry BEGIN
        INSERT INTO inquiry_fts (inquiry_fts, rowid, {COLUMNS})
        VALUES ('delete', {_values("old")});
    END
    """,
    f"""
    CREATE TRIGGER inquiry_fts_au AFTER UPDATE OF
        question, answer, institution, visitor_name, satker_code, phone, email ON inquiry
    BEGIN
        INSERT INTO inquiry_fts (inquiry_fts, rowid, {COLUMNS})
        VALUES ('delete', {_values("old")});
        INSERT INTO inquiry_fts (rowid, {COLUMNS}) VALUES ({_values("new")});
    END
    """,
]


def apply(db: peewee.Database) -> None:
    """Rebuild the inquiry search index over the visitor's fields too."""
    for sql in STATEMENTS:
        db.execute_sql(sql)
