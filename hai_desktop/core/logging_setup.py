"""Logging for the desk: a rotating file in the profile's ``logs/`` folder.

Convention: log lines name records by id and count things; they never carry visitor names,
phone numbers, e-mail addresses or tokens (UU 27/2022, DOMAIN.md). As a safety net every
message (and every traceback) also passes ``redact``, which masks e-mail addresses,
phone-like digit runs and bearer tokens that slipped in anyway.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path

LOG_FILENAME = "hai-desk.log"
MAX_BYTES = 2 * 1024 * 1024
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# 8+ digits, optionally with +, spaces or dashes between: phone numbers (satker codes
# have 6 digits and stay readable).
_PHONE = re.compile(r"(?<![\w-])\+?\d(?:[\d -]{6,}\d)(?![\w-])")
_BEARER = re.compile(r"(?i)(bearer\s+|token[\"'=:\s]+)[A-Za-z0-9._~+/=-]{8,}")


def redact(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers and tokens masked."""
    text = _EMAIL.sub("<email>", text)
    text = _BEARER.sub(lambda m: m.group(1) + "<token>", text)
    return _PHONE.sub(
        lambda m: "<phone>" if sum(c.isdigit() for c in m.group(0)) >= 8 else m.group(0), text
    )


class PersonalDataFilter(logging.Filter):
    """Masks personal data in a record's message (the formatted one, arguments included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, ()
        return True


class RedactingFormatter(logging.Formatter):
    """A formatter that redacts what may quote input: the message, the traceback (exception
    texts may quote input) and the stack. The rest of the line (timestamp, level, logger,
    thread) is left alone: redacting the whole line would mask the timestamp, whose digits
    look like a phone number. A traceback another handler already rendered and cached on
    the record is redacted too."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging API)
        record.message = redact(record.message)
        return super().formatMessage(record)

    def formatException(self, ei) -> str:  # noqa: N802 (logging API)
        return redact(super().formatException(ei))

    def formatStack(self, stack_info: str) -> str:  # noqa: N802 (logging API)
        return redact(super().formatStack(stack_info))

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return super().format(record)


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files only their user may read (POSIX 0600): even masked,
    the log names record ids and offices. On Windows the per-user profile protects it."""

    def _open(self):
        if os.name == "posix":
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            os.close(fd)
            os.chmod(self.baseFilename, 0o600)
        return super()._open()


def setup_logging(logs_dir: Path | str, level: int = logging.INFO, console: bool = False) -> Path:
    """Send the root logger to ``logs_dir/hai-desk.log`` (rotating). Returns the file path.

    Calling it again replaces the handlers it installed before (tests, a profile switch).
    """
    folder = Path(logs_dir)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / LOG_FILENAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_hai_desk", False):
            root.removeHandler(handler)
            handler.close()
    formatter = RedactingFormatter(FORMAT)
    handlers: list[logging.Handler] = [
        PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    ]
    if console:
        handlers.append(logging.StreamHandler())
    for handler in handlers:
        handler._hai_desk = True  # type: ignore[attr-defined]
        handler.setFormatter(formatter)
        handler.addFilter(PersonalDataFilter())
        root.addHandler(handler)
    root.setLevel(level)
    return path
