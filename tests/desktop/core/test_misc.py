"""Search query building, reference data, profile rules, log redaction."""

from __future__ import annotations

import logging

import pytest

from hai_desktop.core import profile_store, reference
from hai_desktop.core.errors import CODES, ValidationError
from hai_desktop.core.logging_setup import redact, setup_logging
from hai_desktop.core.search import fts_query


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pencairan dana", '"pencairan" "dana"*'),
        ('"AND OR NEAR( *', '"AND" "OR" "NEAR"*'),
        ("", None),
        ("   ", None),
        ("😀 *", None),
        ("SP2D-123", '"SP2D" "123"*'),
        ("café", '"café"*'),
        ("日本語", '"日本語"*'),
        ("dana p", '"dana" "p"'),  # no one-letter prefix (it would match nearly everything)
    ],
)
def test_fts_query(text, expected):
    assert fts_query(text) == expected


def test_fts_query_no_prefix():
    assert fts_query("dana", prefix_last=False) == '"dana"'


def test_fts_query_runs_on_sqlite(db):
    for text in ['"AND OR NEAR( *', 'a"b', "NOT x", "x:y", "^a", "((a)"]:
        q = fts_query(text)
        db.execute_sql("SELECT count(*) FROM inquiry_fts WHERE inquiry_fts MATCH ?", (q,))


def test_reference_seeded(db):
    assert {i["code"] for i in reference.items("departments")} >= {"PA", "PKN", "SITP"}
    assert reference.name_of("channels", "tatap_muka") == "Tatap muka"
    assert reference.name_of("channels", "??") == "??"
    assert "kemenkeu.go.id" in reference.email_domains()
    assert reference.value("attachment_rules")["max_bytes"] == 15 * 1024 * 1024
    assert reference.reference_etag() is None
    assert reference.seed_reference_if_empty() is False


def test_replace_reference_keeps_kinds_not_sent(db):
    reference.replace_reference(
        {"departments": [{"code": "PA", "name": "Pelaksanaan Anggaran"}], "version": 2},
        etag='"v2"',
    )
    assert [i["code"] for i in reference.items("departments")] == ["PA"]
    assert reference.reference_etag() == '"v2"'
    assert reference.items("offices")  # not in the payload: kept
    assert {i["code"] for i in reference.items("outcomes")} == {
        "answered",
        "escalated",
        "out_of_scope",
    }


def test_profile_rules(db):
    assert profile_store.get_profile() is None
    with pytest.raises(ValidationError) as info:
        profile_store.set_profile("", "x@gmail.com", "NOPE")
    assert info.value.errors == {
        "name": "required",
        "email": "email_not_official",
        "office_code": "unknown_office",
    }
    p1 = profile_store.set_profile("Budi", "budi@kemenkeu.go.id", "PUSAT")
    p2 = profile_store.set_profile("Budi S", "budi@djpb.kemenkeu.go.id", "KPPN-BANDA-ACEH")
    assert p1.device_id == p2.device_id
    assert profile_store.get_profile().name == "Budi S"
    assert "email_not_official" in CODES


def test_redact():
    line = redact("saved for budi.s@kemenkeu.go.id phone +62 812-3456-7890, satker 012345")
    assert "budi" not in line and "3456" not in line
    assert "012345" in line
    assert "<token>" in redact("Authorization: Bearer abcdefghijklmnop")


def test_log_file_never_holds_personal_data(tmp_path):
    path = setup_logging(tmp_path / "logs")
    logging.getLogger("test").warning("visitor %s called from %s", "a@b.co.id", "081234567890")
    try:
        raise ValueError("bad e-mail siti@example.com")
    except ValueError:
        logging.getLogger("test").exception("failed")
    for h in logging.getLogger().handlers:
        h.flush()
    text = path.read_text(encoding="utf-8")
    assert "a@b.co.id" not in text and "081234567890" not in text
    assert "siti@example.com" not in text
    assert "<email>" in text
