"""Drafts and settings."""

from __future__ import annotations

import json

from hai_desktop.core import drafts
from hai_desktop.core.inquiries_form import InquiryInput
from hai_desktop.core.settings import Settings


def test_draft_roundtrip(db):
    assert drafts.load_draft("inquiry_form") is None
    form = InquiryInput(visitor_name="Ani 😀", question="sebagian diketik", answer="x" * 100_000)
    drafts.save_draft("inquiry_form", form.to_dict())
    drafts.save_draft("inquiry_form", {**form.to_dict(), "question": "lebih lengkap"})
    loaded = InquiryInput.from_dict(drafts.load_draft("inquiry_form"))
    assert loaded.question == "lebih lengkap" and loaded.visitor_name == "Ani 😀"
    assert len(loaded.answer) == 100_000
    assert drafts.list_drafts() == ["inquiry_form"]
    assert drafts.draft_updated_at("inquiry_form")
    drafts.discard_draft("inquiry_form")
    drafts.discard_draft("inquiry_form")
    assert drafts.load_draft("inquiry_form") is None


def test_draft_from_an_older_version_ignores_unknown_keys():
    assert InquiryInput.from_dict({"question": "q", "gone_field": 1}).question == "q"


def test_draft_survives_reopen(paths):
    from hai_desktop.core.db.database import open_database

    db = open_database(paths.database)
    drafts.save_draft("k", {"a": 1})
    db.close()
    db = open_database(paths.database)
    assert drafts.load_draft("k") == {"a": 1}
    db.close()


def test_settings_roundtrip(tmp_path):
    path = tmp_path / "s" / "settings.json"
    assert Settings.load(path) == Settings()
    s = Settings(language="en", hub_url="https://hub.example", sync_interval_s=120)
    s.save(path)
    assert Settings.load(path) == s
    assert not list(path.parent.glob("*.tmp"))


def test_corrupt_settings_give_defaults(tmp_path):
    path = tmp_path / "settings.json"
    for content in ["{not json", "[1, 2]", "", "\x00\xff", "null"]:
        path.write_text(content, encoding="utf-8", errors="surrogateescape")
        assert Settings.load(path) == Settings()
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert Settings.load(path) == Settings()


def test_wrong_typed_setting_falls_back_alone(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"language": "fr", "hub_url": 5, "proxy": "http://p:3128", "x": 1}),
        encoding="utf-8",
    )
    s = Settings.load(path)
    assert (s.language, s.hub_url, s.proxy) == ("id", "", "http://p:3128")
