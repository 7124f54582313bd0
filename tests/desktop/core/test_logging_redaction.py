"""The log redaction masks the message and the traceback, never the timestamp."""

from __future__ import annotations

import logging

from hai_desktop.core.logging_setup import FORMAT, RedactingFormatter


def _record(msg: str, *args, exc_info=None) -> logging.LogRecord:
    record = logging.LogRecord("t", logging.INFO, __file__, 1, msg, args, exc_info)
    record.created = 1795723868.123  # 2026-11-26 ~20:51 UTC: digits that look like a phone
    return record


def test_redaction_keeps_the_timestamp():
    line = RedactingFormatter(FORMAT).format(_record("saved %d records", 3))
    stamp = line.split(" INFO ")[0]
    assert "<phone>" not in stamp and stamp[:4] == "2026"
    assert line.endswith("saved 3 records")


def test_redaction_masks_message_and_traceback():
    try:
        raise ValueError("bad siti@example.com")
    except ValueError:
        import sys

        record = _record("call %s", "081234567890", exc_info=sys.exc_info())
    line = RedactingFormatter(FORMAT).format(record)
    assert "081234567890" not in line and "siti@example.com" not in line
    assert "<phone>" in line and "<email>" in line


def test_a_traceback_cached_by_another_handler_is_masked():
    try:
        raise ValueError("bad siti@example.com")
    except ValueError:
        import sys

        record = _record("failed", exc_info=sys.exc_info())
    logging.Formatter().format(record)  # another handler caches exc_text unmasked
    assert "siti@example.com" in record.exc_text
    assert "siti@example.com" not in RedactingFormatter(FORMAT).format(record)
